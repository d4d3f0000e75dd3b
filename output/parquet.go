package output

import (
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/parquet-go/parquet-go"

	"github.com/tally-news/tally/schema"
)

// parquetRowGroupRows bounds a row group. The writer holds one row group
// in memory (its encoded, compressed pages and its dictionaries) until it
// is full and goes to the file, so this bounds the memory a run over any
// feed needs: about 30 MB of heap at 50,000 figures of news copy. DuckDB
// and pandas read row groups in parallel, so files of more than one are
// read faster too.
const parquetRowGroupRows = 50_000

// parquetWriter streams figures into a Parquet file with one typed column
// per schema column, in schema order: value, low and high DOUBLE (low and
// high null when absent), start and end INT64, published and event_date
// DATE (null where empty or not a date), the rest UTF-8 strings. String
// columns are dictionary-encoded, since nearly all of them repeat (the same
// source, title and url on every figure of a document, a few categories
// and rules, the same sentence for each figure in it), and pages are
// compressed with zstd.
type parquetWriter struct {
	pw     *parquet.Writer
	cols   []column
	row    parquet.Row
	rows   [1]parquet.Row
	n      int // figures written, for error messages
	closed bool
}

// figureColumns are schema.Figure's typed columns.
var figureColumns = mustRecordColumns(schema.Figure{}, schema.Columns, schema.DateColumns)

func newParquet(w io.Writer, opts Options) *parquetWriter {
	createdBy := "tally" // the file's created_by, which readers show
	if opts.Run != nil && opts.Run.Version != "" {
		createdBy += " " + opts.Run.Version
	}
	pw := parquet.NewWriter(w,
		parquetSchema("figure", figureColumns),
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(parquetRowGroupRows),
		&parquet.WriterConfig{CreatedBy: createdBy},
	)
	return &parquetWriter{pw: pw, cols: figureColumns, row: make(parquet.Row, len(figureColumns))}
}

// parquetSchema lays out cols as a flat Parquet schema in their order.
func parquetSchema(name string, cols []column) *parquet.Schema {
	g := parquet.Group{}
	for _, c := range cols {
		g[c.name] = parquetNode(c.kind)
	}
	// parquet.Group lists its fields by name; the file must list them in
	// schema order, as every other format does.
	byName := map[string]parquet.Field{}
	for _, f := range g.Fields() {
		byName[f.Name()] = f
	}
	ordered := orderedGroup{Group: g}
	for _, c := range cols {
		ordered.fields = append(ordered.fields, byName[c.name])
	}
	return parquet.NewSchema(name, ordered)
}

// orderedGroup is a parquet.Group whose fields keep a given order.
type orderedGroup struct {
	parquet.Group
	fields []parquet.Field
}

func (g orderedGroup) Fields() []parquet.Field { return g.fields }

func parquetNode(k columnKind) parquet.Node {
	switch k {
	case numberColumn:
		return parquet.Leaf(parquet.DoubleType)
	case optionalColumn:
		return parquet.Optional(parquet.Leaf(parquet.DoubleType))
	case integerColumn:
		return parquet.Leaf(parquet.Int64Type)
	case boolColumn:
		return parquet.Leaf(parquet.BooleanType)
	case dateColumn:
		return parquet.Optional(parquet.Date())
	default:
		return parquet.Encoded(parquet.String(), &parquet.RLEDictionary)
	}
}

// Write appends one figure as a row; a full row group goes to the file.
func (w *parquetWriter) Write(f *schema.Figure) error {
	if w.closed {
		return errors.New("output: parquet: write after close")
	}
	if f == nil {
		return errors.New("output: parquet: nil figure")
	}
	w.n++
	rv := reflect.ValueOf(f).Elem()
	for i, c := range w.cols {
		v, defined := parquetValue(c.kind, rv.Field(c.field))
		w.row[i] = v.Level(0, defined, i)
	}
	// The row's strings point into f; WriteRows copies them before it
	// returns, so f may be reused by the caller afterwards.
	w.rows[0] = w.row
	if _, err := w.pw.WriteRows(w.rows[:]); err != nil {
		return fmt.Errorf("output: parquet: figure %d: %w", w.n, err)
	}
	return nil
}

// parquetValue is a field's value as its column stores it, with its
// definition level: 1 for a value of an optional column, 0 for its null
// and for every value of a required one.
func parquetValue(k columnKind, v reflect.Value) (parquet.Value, int) {
	switch k {
	case numberColumn:
		return parquet.DoubleValue(v.Float()), 0
	case optionalColumn:
		if v.IsNil() {
			return parquet.NullValue(), 0
		}
		return parquet.DoubleValue(v.Elem().Float()), 1
	case integerColumn:
		return parquet.Int64Value(v.Int()), 0
	case boolColumn:
		return parquet.BooleanValue(v.Bool()), 0
	case dateColumn:
		if day, ok := parseDay(v.String()); ok {
			return parquet.Int32Value(day), 1
		}
		return parquet.NullValue(), 0
	default:
		return parquet.ValueOf(v.String()), 0
	}
}

// Close writes the last row group and the footer; it does not close the
// underlying writer.
func (w *parquetWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if err := w.pw.Close(); err != nil {
		return fmt.Errorf("output: parquet: %w", err)
	}
	return nil
}
