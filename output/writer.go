// Package output writes figures as CSV, JSON Lines, an XLSX workbook, an
// HTML page, a Parquet file or a SQLite database. Each format is one file;
// New picks one by name.
package output

import (
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
	// rewritten, and New refuses Append for them: see Replay.
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
	// back first (XLSX, Parquet; see Replay).
	AppendReplay
	// AppendInPlace: a copy of the old file is opened and changed (SQLite,
	// in one transaction; see CreateAtomicCopy and CheckAppendable).
	AppendInPlace
)

// formatSpec is one output format: its name, the file extensions that
// select it, how it is appended to, its writer and, for AppendReplay, what
// reads an old file's rows back into a new writer.
type formatSpec struct {
	name   string
	exts   []string
	append AppendMode
	create func(w io.Writer, opts Options) (Writer, error)
	replay func(path string, w Writer) error
}

// formats lists the output formats, in the order error messages name them.
// Each constructor checks its own error: returning a nil *csvWriter as a
// Writer would give the caller a non-nil interface.
var formats = []formatSpec{
	{"csv", []string{".csv"}, AppendGrow, func(w io.Writer, opts Options) (Writer, error) {
		cw, err := newCSV(w, opts)
		if err != nil {
			return nil, err
		}
		return cw, nil
	}, nil},
	{"jsonl", []string{".jsonl", ".ndjson"}, AppendGrow, func(w io.Writer, opts Options) (Writer, error) {
		return newJSONL(w, opts), nil
	}, nil},
	{"xlsx", []string{".xlsx"}, AppendReplay, func(w io.Writer, opts Options) (Writer, error) {
		xw, err := newXLSX(w, opts)
		if err != nil {
			return nil, err
		}
		return xw, nil
	}, ReplayWorkbook},
	{"html", []string{".html", ".htm"}, AppendRefused, func(w io.Writer, opts Options) (Writer, error) {
		return newHTML(w, opts), nil
	}, nil},
	{"parquet", []string{".parquet"}, AppendReplay, func(w io.Writer, opts Options) (Writer, error) {
		return newParquet(w, opts), nil
	}, ReplayParquet},
	{"sqlite", []string{".sqlite", ".sqlite3", ".db"}, AppendInPlace, func(w io.Writer, opts Options) (Writer, error) {
		sw, err := newSQLite(w, opts)
		if err != nil {
			return nil, err
		}
		return sw, nil
	}, nil},
}

func lookupFormat(name string) (formatSpec, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return formatSpec{}, false
}

// New returns the writer for format ("csv", "jsonl", "xlsx", "html",
// "parquet" or "sqlite") writing to w. SQLite needs w to be a file it can
// reopen by name (an *AtomicFile or *os.File); with opts.Append that file
// may already hold a database, which the writer adds to.
// Close finishes the output but never closes w: the caller owns it.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	f, ok := lookupFormat(format)
	if !ok {
		return nil, fmt.Errorf("output: unknown format %q (want %s)", format, formatNames())
	}
	switch {
	case opts.Append && f.append == AppendReplay:
		return nil, fmt.Errorf("output: %s cannot be appended to; replay the old file into a new one (Replay)", format)
	case opts.Append && f.append == AppendRefused:
		return nil, fmt.Errorf("output: %s cannot be appended to; write a new file", format)
	}
	return f.create(w, opts)
}

// AppendModeOf says how --append continues a file of format.
func AppendModeOf(format string) AppendMode {
	f, _ := lookupFormat(format)
	return f.append
}

// Replay writes the rows of the file at path, of a format appended to by
// replay, into w, a new writer of the same format: see ReplayWorkbook and
// ReplayParquet.
func Replay(path, format string, w Writer) error {
	f, _ := lookupFormat(format)
	if f.replay == nil {
		return fmt.Errorf("output: %s is not appended to by replay", format)
	}
	return f.replay(path, w)
}

// FormatFromPath names the format New expects for a file, by its extension
// (case-insensitive): .csv, .jsonl or .ndjson, .xlsx, .html or .htm,
// .parquet, .sqlite, .sqlite3 or .db.
func FormatFromPath(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var all []string
	for _, f := range formats {
		if slices.Contains(f.exts, ext) {
			return f.name, nil
		}
		all = append(all, f.exts...)
	}
	return "", fmt.Errorf("output: cannot tell the format of %q from its extension (want %s or %s)", path,
		strings.Join(all[:len(all)-1], ", "), all[len(all)-1])
}

// formatNames lists the format names for error messages.
func formatNames() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
