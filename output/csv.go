package output

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/gocarina/gocsv"

	"github.com/tally-news/tally/schema"
)

// utf8BOM lets Excel on Windows recognise a CSV as UTF-8 instead of the
// local code page.
const utf8BOM = "\uFEFF"

// csvWriter streams figures as CSV, header first. The header is gocsv's,
// from the struct's csv tags; the cells of each row come from
// Figure.AppendCells, which formats them as gocsv does
// (TestCSVCellsAreGocsvs) without its reflection, a tenth of a whole run
// when it did every row. Rows pass through csvRows, which neutralises
// formula-like text before encoding/csv quotes it.
type csvWriter struct {
	out    *bufio.Writer
	rows   *csvRows
	n      int // figures written, for error messages
	closed bool
}

func newCSV(w io.Writer, opts Options) (*csvWriter, error) {
	header, err := gocsvHeader([]schema.Figure{})
	if err != nil {
		return nil, err
	}
	// Neutralisation is decided by column position, so gocsv's field order
	// must be the schema's; fail here rather than shift cells silently.
	if !slices.Equal(header, schema.Columns) {
		return nil, fmt.Errorf("output: csv: gocsv columns %q differ from schema.Columns %q", header, schema.Columns)
	}
	out := bufio.NewWriterSize(w, 256<<10)
	if opts.BOM && !opts.Append {
		if _, err := out.WriteString(utf8BOM); err != nil {
			return nil, fmt.Errorf("output: csv: write byte order mark: %w", err)
		}
	}
	rows := &csvRows{cw: csv.NewWriter(out), raw: opts.Raw, text: textColumns(schema.Columns, schema.NumericColumns)}
	if !opts.Append {
		if err := rows.cw.Write(schema.Columns); err != nil {
			return nil, fmt.Errorf("output: csv: write header: %w", err)
		}
	}
	return &csvWriter{out: out, rows: rows}, nil
}

// Write appends one figure as a CSV row.
func (w *csvWriter) Write(f *schema.Figure) error {
	if w.closed {
		return errors.New("output: csv: write after close")
	}
	if f == nil {
		return errors.New("output: csv: nil figure")
	}
	w.n++
	if err := w.rows.figures(*f); err != nil {
		return fmt.Errorf("output: csv: figure %d: %w", w.n, err)
	}
	return nil
}

// EncodeChunk encodes figures as CSV rows appended to dst,
// neutralised like Write's. It touches no writer state, so workers may
// call it at once.
func (w *csvWriter) EncodeChunk(dst []byte, figs []schema.Figure) ([]byte, error) {
	e := chunkEncoders.Get().(*chunkEncoder)
	defer chunkEncoders.Put(e)
	e.out.p = dst
	rows := csvRows{cw: e.cw, raw: w.rows.raw, text: w.rows.text, row: e.row}
	err := rows.figures(figs...)
	e.row = rows.row
	if err == nil {
		e.cw.Flush()
		err = e.cw.Error()
	}
	out := e.out.p
	e.out.p = nil
	if err != nil {
		return dst, fmt.Errorf("output: csv: %w", err)
	}
	return out, nil
}

// chunkEncoder is one worker's reusable csv.Writer for EncodeChunk; a
// fresh one per document would allocate its 4 KB buffer every time.
type chunkEncoder struct {
	out appender
	cw  *csv.Writer
	row []string
}

var chunkEncoders = sync.Pool{New: func() any {
	e := new(chunkEncoder)
	e.cw = csv.NewWriter(&e.out)
	return e
}}

// appender is an io.Writer that appends to a caller's slice.
type appender struct{ p []byte }

func (a *appender) Write(b []byte) (int, error) {
	if len(a.p)+len(b) > cap(a.p) {
		// Double, where append grows a long slice by a quarter: the rows
		// of a document of many megabytes are then copied twice in all.
		a.p = slices.Grow(a.p, max(len(b), len(a.p)))
	}
	a.p = append(a.p, b...)
	return len(b), nil
}

// WriteChunk appends rows made by EncodeChunk after those already written.
func (w *csvWriter) WriteChunk(p []byte) error {
	if w.closed {
		return errors.New("output: csv: write after close")
	}
	w.rows.cw.Flush() // rows from Write go first
	if err := w.rows.cw.Error(); err != nil {
		return fmt.Errorf("output: csv: %w", err)
	}
	if _, err := w.out.Write(p); err != nil {
		return fmt.Errorf("output: csv: %w", err)
	}
	return nil
}

// Close flushes the buffered rows; it does not close the underlying writer.
func (w *csvWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	w.rows.cw.Flush()
	if err := w.rows.cw.Error(); err != nil {
		return fmt.Errorf("output: csv: flush: %w", err)
	}
	if err := w.out.Flush(); err != nil {
		return fmt.Errorf("output: csv: flush: %w", err)
	}
	return nil
}

// csvRows is the gocsv.CSVWriter that records are marshalled into, and
// the writer of figures' rows.
type csvRows struct {
	cw   *csv.Writer
	raw  bool
	text []bool   // text[i]: column i holds text, so it may need neutralising
	row  []string // reused by figures
}

// figures writes one row per figure.
func (r *csvRows) figures(figs ...schema.Figure) error {
	for i := range figs {
		r.row = figs[i].AppendCells(r.row[:0])
		if err := r.Write(r.row); err != nil {
			return err
		}
	}
	return nil
}

func (r *csvRows) Write(row []string) error {
	if !r.raw {
		for i, cell := range row {
			if i < len(r.text) && r.text[i] {
				row[i] = neutralise(cell)
			}
		}
	}
	return r.cw.Write(row)
}

// Flush does nothing: gocsv flushes after every marshal call, which would
// mean one write to the file per figure. csvWriter.Close flushes once.
func (r *csvRows) Flush() {}

func (r *csvRows) Error() error { return r.cw.Error() }

// neutralise defuses a cell a spreadsheet would run as a formula (OWASP
// "CSV injection"): a leading quote makes Excel and LibreOffice read the
// rest as text. Numeric columns never pass through here, so -5 stays -5.
// A lone "-" (the source of standard input) is no formula and stays.
func neutralise(cell string) string {
	if cell == "" || cell == "-" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}

// textColumns marks the columns that are not numeric.
func textColumns(columns []string, numeric map[string]bool) []bool {
	text := make([]bool, len(columns))
	for i, c := range columns {
		text[i] = !numeric[c]
	}
	return text
}

// gocsvHeader returns the header gocsv derives from the csv tags of the
// element type of empty, a slice such as []schema.Figure{}.
func gocsvHeader(empty any) ([]string, error) {
	var c headerCapture
	if err := gocsv.MarshalCSV(empty, &c); err != nil {
		return nil, fmt.Errorf("output: csv: read gocsv header: %w", err)
	}
	return c.header, nil
}

// headerCapture keeps the first row gocsv writes, which is the header.
type headerCapture struct{ header []string }

func (c *headerCapture) Write(row []string) error {
	if c.header == nil {
		c.header = slices.Clone(row)
	}
	return nil
}

func (c *headerCapture) Flush() {}

func (c *headerCapture) Error() error { return nil }
