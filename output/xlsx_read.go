package output

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/schema"
)

// ReplayWorkbook reads back the Sources and Figures sheets of a workbook
// tally wrote at path and writes their rows into w, a workbook writer: an
// --append run puts last night's rows first and then rewrites the whole
// workbook, Summary and Facts recomputed over old and new figures. Sources
// go first so that figures are counted on the rows that name them.
//
// Only the rows come back: the Summary, Facts and About sheets are made
// anew, and cells the workbook had to cut (over 32,767 characters) stay cut.
// Nothing is written to path; a missing path has nothing to replay, as
// CreateAtomicAppend starts afresh where there is no file.
func ReplayWorkbook(path string, w Writer) error {
	dw, ok := w.(DocumentWriter)
	if !ok {
		return errors.New("output: replay: the writer does not take documents")
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return fmt.Errorf("output: append to %s: not a workbook: %w", path, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if !slices.Contains(sheets, figuresSheet) {
		return fmt.Errorf("output: append to %s: no %q sheet: not a workbook tally wrote", path, figuresSheet)
	}
	err = readTable(f, sheets, sourcesSheet, schema.SourceColumns[:1], func(h schema.Header, cells []string) error {
		src, err := h.Source(cells)
		if err == nil {
			err = dw.WriteDocument(src, "")
		}
		return err
	})
	if err == nil {
		err = readTable(f, sheets, figuresSheet, []string{"source", "value"}, func(h schema.Header, cells []string) error {
			fig, err := h.Figure(cells)
			if err == nil {
				err = w.Write(&fig)
			}
			return err
		})
	}
	if err != nil {
		return fmt.Errorf("output: append to %s: %w", path, err)
	}
	return nil
}

// readTable calls row for every row below the header of a table's sheets
// ("Figures", "Figures (2)", ...), in order. Each sheet's header must have
// the required columns.
func readTable(f *excelize.File, sheets []string, name string, required []string, row func(schema.Header, []string) error) error {
	t := table{name: name}
	for part := 1; slices.Contains(sheets, t.sheetName(part)); part++ {
		sheet := t.sheetName(part)
		rows, err := f.Rows(sheet)
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
		err = readRows(rows, required, row)
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", sheet, err)
		}
	}
	return nil
}

func readRows(rows *excelize.Rows, required []string, row func(schema.Header, []string) error) error {
	var h schema.Header
	for n := 1; rows.Next(); n++ {
		// Raw values: numbers as stored, not as the cell's format shows them.
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		if h == nil {
			if h = schema.NewHeader(cells); !h.Has(required...) {
				return fmt.Errorf("header %q lacks one of %q: not a table tally wrote", cells, required)
			}
			continue
		}
		if len(cells) == 0 {
			continue // a row someone emptied in a spreadsheet program
		}
		if err := row(h, cells); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
	}
	return rows.Error()
}
