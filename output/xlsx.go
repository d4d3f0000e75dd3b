package output

import (
	"errors"
	"fmt"
	"io"

	"github.com/tally-news/tally/schema"
)

// figuresSheet names the data sheet; past Excel's row limit the figures go
// on "Figures (2)", "Figures (3)"...
const figuresSheet = "Figures"

// xlsxWriter streams figures into a workbook and writes it out on Close.
//
// Sheets appear in the order they are created. A sheet written in full at
// Close (a Summary, an About) can be created in newXLSX, before the streamed
// ones, and filled later: only streamed sheets are frozen by their Flush.
type xlsxWriter struct {
	out     io.Writer
	book    *workbook
	figures *tableStream
	closed  bool
}

func newXLSX(w io.Writer, _ Options) (*xlsxWriter, error) {
	book, err := newWorkbook()
	if err != nil {
		return nil, fmt.Errorf("output: xlsx: %w", err)
	}
	return &xlsxWriter{
		out:     w,
		book:    book,
		figures: book.stream(newTable(figuresSheet, schema.Columns, schema.NumericColumns)),
	}, nil
}

// Write appends one figure as a row of the Figures sheet.
func (x *xlsxWriter) Write(f *schema.Figure) error {
	if x.closed {
		return errors.New("output: xlsx: write after close")
	}
	if f == nil {
		return errors.New("output: xlsx: nil figure")
	}
	if err := x.figures.writeRow(f.Cells()); err != nil {
		return fmt.Errorf("output: xlsx: %w", err)
	}
	return nil
}

// Close finishes the sheets and writes the workbook; it does not close the
// underlying writer. It always removes excelize's temporary files.
func (x *xlsxWriter) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	err := x.figures.close()
	if err == nil {
		_, err = x.book.file.WriteTo(x.out)
	}
	if cerr := x.book.file.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("remove temporary files: %w", cerr))
	}
	if err != nil {
		return fmt.Errorf("output: xlsx: %w", err)
	}
	return nil
}
