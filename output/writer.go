package output

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/tally-news/tally/extract/tolls"
	"github.com/tally-news/tally/schema"
)

// Writer receives figures in order and finishes the file on Close.
type Writer interface {
	Write(f *schema.Figure) error
	// Close flushes what is buffered; the file is complete only after it.
	Close() error
}

// DocumentWriter is implemented by writers that show documents as well as
// figures (XLSX, HTML). The caller checks for it with a type assertion and
// calls WriteDocument once per document, before that document's figures,
// and also for an input that failed, with src.Errors set and empty text.
// text is what the figures' Start and End offsets refer to.
type DocumentWriter interface {
	WriteDocument(src schema.Source, text string) error
}

// Aborter is implemented by writers that hold resources of their own
// (the workbook's temporary files): Abort releases them without finishing
// the output, for a run that fails or is interrupted.
type Aborter interface {
	Abort() error
}

// ChunkEncoder is implemented by writers whose rows can be encoded away
// from the file, by several goroutines at once, and then written in order:
// CSV and JSON Lines. A batch run encodes each document's figures in the
// worker that extracted them, so encoding scales with the workers.
type ChunkEncoder interface {
	// EncodeChunk appends to dst the bytes Write would produce for figs
	// and returns the extended buffer, so a caller can reuse buffers. It
	// is safe for concurrent use.
	EncodeChunk(dst []byte, figs []schema.Figure) ([]byte, error)
	// WriteChunk appends bytes made by EncodeChunk.
	WriteChunk(p []byte) error
}

// Options tune the writers; the zero value is the safe default.
type Options struct {
	// BOM starts a CSV with a UTF-8 byte order mark, for Excel on Windows.
	BOM bool
	// Raw turns off the neutralisation of cells that a spreadsheet would run
	// as formulas (CSV only; XLSX cells are always written as text).
	Raw bool
	// Append continues an existing output (see CreateAtomicAppend): CSV
	// writes neither BOM nor header. For SQLite it says the file may hold
	// a database to add to (see CreateAtomicCopy); the writer checks its
	// tables either way. A workbook or Parquet file is not appended to but
	// rewritten, and New refuses Append for them: see Format.ReplayFile.
	Append bool
	// Run describes the run for the workbook's About sheet and the HTML
	// page's footer. It is read at Close, so the caller may fill in the
	// finish time and counts while figures are being written.
	Run *schema.Run
	// Tolls, when set, sums each document's figures into its casualty
	// tolls: the workbook's Tolls sheet, the page's tolls line, the
	// database's tolls table.
	Tolls *tolls.Rules
}

// AppendMode says how --append continues an existing file of a format.
type AppendMode int

const (
	// AppendRefused: the file is always written whole (an HTML page needs
	// every article's text).
	AppendRefused AppendMode = iota
	// AppendGrow: new rows follow a copy of the old bytes (CSV, JSON Lines;
	// see CreateAtomicAppend and CheckAppendable).
	AppendGrow
	// AppendReplay: a new file is written with the old file's rows read
	// back first (XLSX, Parquet; see Format.ReplayFile).
	AppendReplay
	// AppendInPlace: a copy of the old file is opened and changed (SQLite,
	// in one transaction; see CreateAtomicCopy and CheckAppendable).
	AppendInPlace
)

// Format is one output format: a row of the table (Formats) that New,
// FormatFromPath, CheckAppendable, WriteFacts and WriteTolls, the
// pipeline (package extract/pipeline) and the command's help all read.
// Adding a format is a file with its writer and a row in builtin.
type Format struct {
	// Name is what --format and New take: "csv".
	Name string
	// Exts are the file extensions that select the format, lower case with
	// the dot; help texts name the first.
	Exts []string
	// Append says how --append continues an existing file.
	Append AppendMode
	// New returns the writer. It checks its own error: returning a nil
	// *csvWriter as a Writer would give the caller a non-nil interface.
	New func(w io.Writer, opts Options) (Writer, error)
	// Replay, for AppendReplay, reads an old file's rows back into a new
	// writer of the format.
	Replay func(path string, w Writer) error
	// Check, for AppendGrow and AppendInPlace, refuses a file that rows of
	// the format cannot be added to (nil: any file).
	Check func(path string) error
	// Facts says the writer shows the figures merged into facts: it is a
	// FactsWriter, given them before Close.
	Facts bool
	// Tolls says the writer shows casualty tolls, summed with Options.Tolls.
	Tolls bool
	// Table writes a facts or tolls file (--facts, --tolls) in the format;
	// nil when it cannot hold them.
	Table func(out *bufio.Writer, t SideTable, opts Options) error
}

// Formats is a table of output formats, in the order messages name them.
type Formats []Format

// builtin is tally's output formats.
var builtin = Formats{
	{Name: "csv", Exts: []string{".csv"}, Append: AppendGrow, Check: checkCSVAppendable, Table: writeTableCSV,
		New: func(w io.Writer, opts Options) (Writer, error) {
			cw, err := newCSV(w, opts)
			if err != nil {
				return nil, err
			}
			return cw, nil
		}},
	{Name: "jsonl", Exts: []string{".jsonl", ".ndjson"}, Append: AppendGrow, Check: checkJSONLAppendable, Table: writeTableJSONL,
		New: func(w io.Writer, opts Options) (Writer, error) {
			return newJSONL(w, opts), nil
		}},
	{Name: "xlsx", Exts: []string{".xlsx"}, Append: AppendReplay, Replay: ReplayWorkbook, Facts: true, Tolls: true,
		New: func(w io.Writer, opts Options) (Writer, error) {
			xw, err := newXLSX(w, opts)
			if err != nil {
				return nil, err
			}
			return xw, nil
		}},
	{Name: "html", Exts: []string{".html", ".htm"}, Append: AppendRefused, Tolls: true,
		New: func(w io.Writer, opts Options) (Writer, error) {
			return newHTML(w, opts), nil
		}},
	{Name: "parquet", Exts: []string{".parquet"}, Append: AppendReplay, Replay: ReplayParquet,
		New: func(w io.Writer, opts Options) (Writer, error) {
			return newParquet(w, opts), nil
		}},
	{Name: "sqlite", Exts: []string{".sqlite", ".sqlite3", ".db"}, Append: AppendInPlace, Check: checkSQLiteAppendable, Tolls: true,
		New: func(w io.Writer, opts Options) (Writer, error) {
			sw, err := newSQLite(w, opts)
			if err != nil {
				return nil, err
			}
			return sw, nil
		}},
}

// Builtin returns tally's output formats, a copy a caller may add rows to.
func Builtin() Formats { return slices.Clone(builtin) }

// Lookup returns the format named name.
func (fs Formats) Lookup(name string) (Format, bool) {
	for _, f := range fs {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// New returns the writer for format writing to w: see the package's New.
func (fs Formats) New(format string, w io.Writer, opts Options) (Writer, error) {
	f, ok := fs.Lookup(format)
	if !ok {
		return nil, fmt.Errorf("output: unknown format %q (want %s)", format, fs.Names(nil))
	}
	switch {
	case opts.Append && f.Append == AppendReplay:
		return nil, fmt.Errorf("output: %s cannot be appended to; replay the old file into a new one (Format.ReplayFile)", format)
	case opts.Append && f.Append == AppendRefused:
		return nil, fmt.Errorf("output: %s cannot be appended to; write a new file", format)
	}
	return f.New(w, opts)
}

// FromPath returns the format of a file by its extension (case-insensitive).
func (fs Formats) FromPath(path string) (Format, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var all []string
	for _, f := range fs {
		if slices.Contains(f.Exts, ext) {
			return f, nil
		}
		all = append(all, f.Exts...)
	}
	return Format{}, fmt.Errorf("output: cannot tell the format of %q from its extension (want %s)", path, OrList(all))
}

// Names lists the names of the formats keep accepts (all when keep is nil)
// for messages: "csv, jsonl or xlsx".
func (fs Formats) Names(keep func(Format) bool) string {
	var names []string
	for _, f := range fs {
		if keep == nil || keep(f) {
			names = append(names, f.Name)
		}
	}
	return OrList(names)
}

// Exts lists the first extension of each format keep accepts (all when
// keep is nil), for help texts: ".csv", ".jsonl"...
func (fs Formats) Exts(keep func(Format) bool) []string {
	var exts []string
	for _, f := range fs {
		if keep == nil || keep(f) {
			exts = append(exts, f.Exts[0])
		}
	}
	return exts
}

// HoldsTables reports whether a format writes facts and tolls files.
func HoldsTables(f Format) bool { return f.Table != nil }

// Appendable reports whether --append can continue a file of a format.
func Appendable(f Format) bool { return f.Append != AppendRefused }

// OrList joins words for a message: "a, b or c".
func OrList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// New returns the writer for format ("csv", "jsonl", "xlsx", "html",
// "parquet" or "sqlite") writing to w. SQLite needs w to be a file it can
// reopen by name (an *AtomicFile or *os.File); with opts.Append that file
// may already hold a database, which the writer adds to.
// Close finishes the output but never closes w: the caller owns it.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	return builtin.New(format, w, opts)
}

// ReplayFile writes the rows of the file at path into w, a new writer of
// the format, for AppendReplay: see ReplayWorkbook and ReplayParquet.
func (f Format) ReplayFile(path string, w Writer) error {
	if f.Replay == nil {
		return fmt.Errorf("output: %s is not appended to by replay", f.Name)
	}
	return f.Replay(path, w)
}

// CheckFile refuses a file at path that rows of the format cannot be added
// to (see Check); a missing or empty file is fine.
func (f Format) CheckFile(path string) error {
	if f.Check == nil {
		return nil
	}
	return f.Check(path)
}

// FormatFromPath names the format New expects for a file, by its extension
// (case-insensitive): .csv, .jsonl or .ndjson, .xlsx, .html or .htm,
// .parquet, .sqlite, .sqlite3 or .db.
func FormatFromPath(path string) (string, error) {
	f, err := builtin.FromPath(path)
	return f.Name, err
}
