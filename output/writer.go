// Package output writes figures as CSV, JSON Lines, an XLSX workbook or an
// HTML page. Each format is one file; New picks one by name.
package output

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
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
	// writes neither BOM nor header. A workbook is not appended to but
	// rewritten: see ReplayWorkbook.
	Append bool
	// Run describes the run for the workbook's About sheet and the HTML
	// page's footer. It is read at Close, so the caller may fill in the
	// finish time and counts while figures are being written.
	Run *schema.Run
	// Tolls, when set, sums each document's figures into its casualty
	// tolls for the workbook's Tolls sheet.
	Tolls *tolls.Rules
}

// New returns the writer for format ("csv", "jsonl", "xlsx" or "html")
// writing to w.
// Close finishes the output but never closes w: the caller owns it.
func New(format string, w io.Writer, opts Options) (Writer, error) {
	// Each case checks err itself: returning a nil *csvWriter as a Writer
	// would give the caller a non-nil interface.
	switch format {
	case "csv":
		cw, err := newCSV(w, opts)
		if err != nil {
			return nil, err
		}
		return cw, nil
	case "jsonl":
		return newJSONL(w, opts), nil
	case "xlsx":
		if opts.Append {
			return nil, errors.New("output: xlsx cannot be appended to; replay the old workbook into a new one (ReplayWorkbook)")
		}
		xw, err := newXLSX(w, opts)
		if err != nil {
			return nil, err
		}
		return xw, nil
	case "html":
		if opts.Append {
			return nil, errors.New("output: html cannot be appended to; write a new page")
		}
		return newHTML(w, opts), nil
	default:
		return nil, fmt.Errorf("output: unknown format %q (want csv, jsonl, xlsx or html)", format)
	}
}

// FormatFromPath names the format New expects for a file, by its extension
// (case-insensitive): .csv, .jsonl or .ndjson, .xlsx, .html or .htm.
func FormatFromPath(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", nil
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	case ".xlsx":
		return "xlsx", nil
	case ".html", ".htm":
		return "html", nil
	default:
		return "", fmt.Errorf("output: cannot tell the format of %q from its extension (want .csv, .jsonl, .ndjson, .xlsx or .html)", path)
	}
}
