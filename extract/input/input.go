package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/tally-news/tally/schema"
)

// DefaultMaxBytes is the largest document read when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// Options says how to read paths. The zero value reads every known format
// with the default field names and size limit.
type Options struct {
	// Include and Exclude are path.Match globs tried on a file's base name and
	// on its slash-separated path relative to the walked directory; they only
	// apply inside directory walks. Include, when set, also picks files whose
	// extension is not a known format. A directory matching Exclude is skipped.
	Include, Exclude []string
	// Format forces one format for every input: "txt", "html", "jsonl",
	// "json" or "csv". Empty means by extension, or sniffed for "-".
	Format string
	// Fields names the record fields of JSON, JSON Lines and CSV inputs.
	Fields FieldMap
	// MaxBytes is the largest document (a whole text or HTML file, or one
	// record or line of a feed); larger ones are reported, not read.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Open, when set, opens every path other than "-" instead of os.Open,
	// for files on other filesystems (an object store's gs:// paths): each
	// path is then one file, never a directory to walk.
	Open func(path string) (io.ReadCloser, error)
	// Unchanged, when set, is asked about each local file before it is
	// opened; a file it reports unchanged is skipped unread (incremental
	// runs). Unchanged and Finished are not used with Open.
	Unchanged func(path string, info fs.FileInfo) bool
	// Finished, when set, is told of each file read to its end with no
	// error reported.
	Finished func(path string, info fs.FileInfo)
}

// FieldMap lists, for each Document field, the record field names tried in
// order: an exact match first, then one differing only in case. An empty list
// means the default shown on each field.
type FieldMap struct {
	ID        []string // id
	URL       []string // url, link
	Title     []string // title, headline
	Published []string // published, date
	Text      []string // text, body, content
	Outlet    []string // outlet, site, publisher
}

// withDefaults fills empty lists. It returns a copy so the caller's Options
// are never written to.
func (f FieldMap) withDefaults() FieldMap {
	def := func(names []string, d ...string) []string {
		if len(names) == 0 {
			return d
		}
		return names
	}
	return FieldMap{
		ID:        def(f.ID, "id"),
		URL:       def(f.URL, "url", "link"),
		Title:     def(f.Title, "title", "headline"),
		Published: def(f.Published, "published", "date"),
		Text:      def(f.Text, "text", "body", "content"),
		Outlet:    def(f.Outlet, "outlet", "site", "publisher"),
	}
}

// Read reads paths in order and calls yield for each document: files as
// given, directories recursively in lexical order (hidden entries skipped,
// only known extensions unless Include says otherwise), "-" from
// opts.Stdin. Each problem goes to report (which may be nil) and reading
// goes on. Read stops only when yield returns an error, and returns it; it
// also returns an error, before reading anything, for invalid options.
// The count is the number of documents yielded.
func Read(paths []string, opts Options, yield func(schema.Document) error, report func(*Error)) (int, error) {
	o, err := opts.normalise()
	if err != nil {
		return 0, err
	}
	if report == nil {
		report = func(*Error) {}
	}
	n := 0
	counted := func(d schema.Document) error {
		if err := yield(d); err != nil {
			return err
		}
		n++
		return nil
	}
	for _, p := range paths {
		if err := o.readArg(p, counted, report); err != nil {
			return n, err
		}
	}
	return n, nil
}

// errFound stops a read once Text has the document it wants.
var errFound = errors.New("found")

// Text returns the Text of one document exactly as Read yields it, so a
// command can show the text that figure offsets refer to. source is a
// Document.Source: a path, or "path#N" for a record of a feed. A path that
// holds several documents is an error that says how to name one.
func Text(source string, opts Options) (string, error) {
	o, err := opts.normalise()
	if err != nil {
		return "", err
	}
	name, want := source, ""
	// A path may itself contain '#', so only split when the whole does not
	// exist as a file.
	if i := strings.LastIndexByte(source, '#'); i > 0 && source != "-" {
		if _, err := os.Stat(source); err != nil {
			name, want = source[:i], source
		}
	}
	var (
		docs  []schema.Document
		first *Error
	)
	keep := func(d schema.Document) error {
		if want != "" {
			if d.Source == want {
				docs = append(docs, d)
				return errFound
			}
			return nil
		}
		docs = append(docs, d)
		if len(docs) > 1 {
			return errFound
		}
		return nil
	}
	note := func(e *Error) {
		if first == nil {
			first = e
		}
	}
	if err := o.readFile(name, o.formatFor(name, true), keep, note); err != nil && err != errFound {
		return "", err
	}
	switch {
	case len(docs) == 1:
		return docs[0].Text, nil
	case len(docs) > 1:
		return "", fmt.Errorf("%s holds several documents; name one as %s", name, docs[0].Source)
	case first != nil:
		return "", first
	case want != "":
		return "", fmt.Errorf("%s: no document %s", name, want)
	default:
		return "", fmt.Errorf("%s: no document found", name)
	}
}

// options are Options checked and with defaults filled in.
type options struct {
	Options
	fields FieldMap
}

func (opts Options) normalise() (*options, error) {
	o := &options{Options: opts, fields: opts.Fields.withDefaults()}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Format != "" {
		f := formatName(o.Format)
		if f == "" {
			return nil, fmt.Errorf("unknown input format %q (want txt, html, jsonl, json or csv)", o.Format)
		}
		o.Format = f
	}
	for _, list := range [][]string{o.Include, o.Exclude} {
		for _, p := range list {
			if _, err := path.Match(p, ""); err != nil {
				return nil, fmt.Errorf("bad glob %q: %w", p, err)
			}
		}
	}
	return o, nil
}

// formatName maps a format or extension name to the canonical one, or "".
func formatName(s string) string {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "txt", "text":
		return "txt"
	case "html", "htm", "xhtml":
		return "html"
	case "jsonl", "ndjson":
		return "jsonl"
	case "json":
		return "json"
	case "csv":
		return "csv"
	}
	return ""
}

// splitExt returns the format a file name's extension names ("" if none is
// known) and whether it ends in ".gz".
func splitExt(name string) (format string, gz bool) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gz") {
		gz = true
		lower = lower[:len(lower)-len(".gz")]
	}
	return formatName(path.Ext(lower)), gz
}

// formatFor is the format name is read as: the forced one, else the
// extension's; a file named explicitly with an unknown extension is text,
// "-" is sniffed ("").
func (o *options) formatFor(name string, explicit bool) string {
	if o.Format != "" {
		return o.Format
	}
	if name == "-" {
		return ""
	}
	f, _ := splitExt(name)
	if f == "" && explicit {
		return "txt"
	}
	return f
}

// readArg reads one path given by the caller.
func (o *options) readArg(p string, yield func(schema.Document) error, report func(*Error)) error {
	return o.eachFile(p, func(name string, walked bool) error {
		return o.readFile(name, o.formatFor(name, !walked || len(o.Include) > 0), yield, report)
	}, report)
}

// eachFile calls visit for p itself, or for each file a walk of p picks
// when p is a directory (walked is then true). A path that does not exist
// is reported and skipped.
func (o *options) eachFile(p string, visit func(name string, walked bool) error, report func(*Error)) error {
	if p != "-" && o.Open == nil {
		fi, err := os.Stat(p)
		if err != nil {
			report(&Error{Path: p, Err: pathless(err)})
			return nil
		}
		if fi.IsDir() {
			return o.walk(p, func(name string) error { return visit(name, true) }, report)
		}
	}
	return visit(p, false)
}

// readFile reads one file (or "-"), unless Options.Unchanged says it can be
// skipped.
func (o *options) readFile(name, format string, yield func(schema.Document) error, report func(*Error)) error {
	if name == "-" || o.Open != nil || o.Unchanged == nil && o.Finished == nil {
		return o.decode(name, format, yield, report)
	}
	fi, err := os.Stat(name)
	if err != nil {
		report(&Error{Path: name, Err: pathless(err)})
		return nil
	}
	if o.Unchanged != nil && o.Unchanged(name, fi) {
		return nil
	}
	clean := true
	err = o.decode(name, format, yield, func(e *Error) {
		clean = false
		report(e)
	})
	if err == nil && clean && o.Finished != nil {
		o.Finished(name, fi)
	}
	return err
}

// decode opens one file (or "-") and hands the decoded stream to the
// reader for its format.
func (o *options) decode(name, format string, yield func(schema.Document) error, report func(*Error)) error {
	s, err := o.open(name)
	if err != nil {
		report(&Error{Path: name, Err: pathless(err)})
		return nil
	}
	defer s.close()
	if format == "" {
		format = s.sniff()
	}
	switch format {
	case "html":
		return readHTML(s, yield, report)
	case "jsonl":
		return readJSONL(s, yield, report)
	case "json":
		return readJSON(s, yield, report)
	case "csv":
		return readCSV(s, yield, report)
	default:
		return readTxt(s, yield, report)
	}
}

// Files calls yield with each file Read would read for paths, in the same
// order, without opening any: files as given, the files a directory walk
// picks, "-" as is. Reading each one alone with Read gives the documents
// Read gives for paths, so a distributed run can list its inputs in one
// place and read them in many. A path that does not exist goes to report.
// Files stops only when yield returns an error, and returns it.
func Files(paths []string, opts Options, yield func(path string) error, report func(*Error)) error {
	o, err := opts.normalise()
	if err != nil {
		return err
	}
	if report == nil {
		report = func(*Error) {}
	}
	for _, p := range paths {
		if err := o.eachFile(p, func(name string, _ bool) error { return yield(name) }, report); err != nil {
			return err
		}
	}
	return nil
}
