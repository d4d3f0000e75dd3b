// Package output writes figures as CSV, JSON Lines or XLSX. Each format is
// one file; New picks one by name.
package output

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/tally-news/tally/schema"
)

// Writer receives figures in order and finishes the file on Close.
type Writer interface {
	Write(f *schema.Figure) error
	// Close flushes what is buffered; the file is complete only after it.
	Close() error
}

// Options tune the writers; the zero value is the safe default.
type Options struct {
	// BOM starts a CSV with a UTF-8 byte order mark, for Excel on Windows.
	BOM bool
	// Raw turns off the neutralisation of cells that a spreadsheet would run
	// as formulas (CSV only; XLSX cells are always written as text).
	Raw bool
	// Append continues an existing output (see CreateAtomicAppend): CSV
	// writes neither BOM nor header. XLSX cannot be appended to.
	Append bool
}

// New returns the writer for format ("csv", "jsonl" or "xlsx") writing to w.
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
			return nil, errors.New("output: xlsx cannot be appended to; write a new workbook")
		}
		xw, err := newXLSX(w, opts)
		if err != nil {
			return nil, err
		}
		return xw, nil
	default:
		return nil, fmt.Errorf("output: unknown format %q (want csv, jsonl or xlsx)", format)
	}
}

// FormatFromPath names the format New expects for a file, by its extension
// (case-insensitive): .csv, .jsonl or .ndjson, .xlsx.
func FormatFromPath(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", nil
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	case ".xlsx":
		return "xlsx", nil
	default:
		return "", fmt.Errorf("output: cannot tell the format of %q from its extension (want .csv, .jsonl, .ndjson or .xlsx)", path)
	}
}
