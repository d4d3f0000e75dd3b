package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/tally-news/tally/schema"
)

// ReplayParquet reads back the figures of a Parquet file tally wrote at
// path and writes them into w, a Parquet writer: a Parquet file cannot grow
// in place (its footer, which indexes every row group, is at the end), so
// an --append run writes a new file with last night's rows first, read one
// batch at a time, and renames it over the old one. Columns are read by
// name, so a file written before later columns were added still replays
// (the missing columns are empty). A date that was not one was stored as
// null and replays empty. Nothing is written to path; a missing path has
// nothing to replay.
func ReplayParquet(path string, w Writer) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: append to %s: %w", path, err)
	}
	defer f.Close()
	if err := replayParquet(f, w); err != nil {
		return fmt.Errorf("output: append to %s: %w", path, err)
	}
	return nil
}

func replayParquet(f *os.File, w Writer) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Size() == 0 {
		return nil // an empty file is a new one, as for CSV
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		return fmt.Errorf("not a Parquet file: %w", err)
	}
	leaves := pf.Schema().Fields()
	names := make([]string, len(leaves))
	for i, l := range leaves {
		if !l.Leaf() {
			return fmt.Errorf("column %q is nested: not a file tally wrote", l.Name())
		}
		names[i] = l.Name()
	}
	h := schema.NewHeader(names)
	if !h.Has(figureKeys...) {
		return fmt.Errorf("columns %q lack one of %q: not a figures file tally wrote", names, figureKeys)
	}
	r := parquet.NewReader(pf)
	defer r.Close()
	rows := make([]parquet.Row, 256)
	cells := make([]string, len(names))
	for n := 0; ; {
		k, err := r.ReadRows(rows)
		for _, row := range rows[:k] {
			n++
			clear(cells)
			for _, v := range row {
				cells[v.Column()] = parquetCell(v, leaves[v.Column()].Type())
			}
			fig, ferr := h.Figure(cells)
			if ferr == nil {
				ferr = w.Write(&fig)
			}
			if ferr != nil {
				return fmt.Errorf("row %d: %w", n, ferr)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("after row %d: %w", n, err)
		}
	}
}

// parquetCell writes a Parquet value as tally's cells have it (see
// schema.Figure.Cells), for schema.Header to read back.
func parquetCell(v parquet.Value, t parquet.Type) string {
	if v.IsNull() {
		return ""
	}
	switch v.Kind() {
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return string(v.ByteArray())
	case parquet.Double:
		return schema.FormatNumber(v.Double())
	case parquet.Float:
		return schema.FormatNumber(float64(v.Float()))
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Int32:
		if lt := t.LogicalType(); lt != nil {
			if _, ok := lt.Value.(*format.DateType); ok {
				return formatDay(v.Int32())
			}
		}
		return strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Boolean:
		return strconv.FormatBool(v.Boolean())
	default:
		return v.String()
	}
}
