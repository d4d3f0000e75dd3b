package output

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/tally-news/tally/schema"
)

// figureSink keeps the figures written to it, to compare a replay with
// what was written.
type figureSink struct{ figs []schema.Figure }

func (s *figureSink) Write(f *schema.Figure) error { s.figs = append(s.figs, *f); return nil }
func (s *figureSink) Close() error                 { return nil }

// writeParquetFile writes figs as a Parquet file in dir and returns its path.
func writeParquetFile(t *testing.T, dir string, figs []schema.Figure) string {
	t.Helper()
	path := filepath.Join(dir, "figures.parquet")
	if err := os.WriteFile(path, writeAll(t, "parquet", Options{}, figs), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestParquetReadsBack: every figure comes back from the file as written,
// except a date that is not one, which is stored as null.
func TestParquetReadsBack(t *testing.T) {
	figs := sampleFigures()
	path := writeParquetFile(t, t.TempDir(), figs)
	var got figureSink
	if err := ReplayParquet(path, &got); err != nil {
		t.Fatal(err)
	}
	want := sampleFigures()
	want[1].EventDate = "" // "\tQ3" is no date
	if !reflect.DeepEqual(got.figs, want) {
		t.Errorf("read back:\n%+v\nwant\n%+v", got.figs, want)
	}
}

// TestParquetColumns: the file's columns are schema.Columns, in order, with
// the types an analyst's tools expect.
func TestParquetColumns(t *testing.T) {
	path := writeParquetFile(t, t.TempDir(), sampleFigures())
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"source": "BYTE_ARRAY STRING required", "published": "INT32 DATE optional",
		"value": "DOUBLE required", "low": "DOUBLE optional", "high": "DOUBLE optional",
		"start": "INT64 INT(64,true) required", "end": "INT64 INT(64,true) required", "event_date": "INT32 DATE optional",
		"note": "BYTE_ARRAY STRING required",
	}
	var names []string
	for _, fld := range pf.Schema().Fields() {
		names = append(names, fld.Name())
		typ := fld.Type().Kind().String()
		if lt := fld.Type().LogicalType(); lt != nil {
			typ += " " + lt.String()
		}
		if fld.Optional() {
			typ += " optional"
		} else {
			typ += " required"
		}
		if w, ok := want[fld.Name()]; ok && w != typ {
			t.Errorf("column %s is %s, want %s", fld.Name(), typ, w)
		}
	}
	if !reflect.DeepEqual(names, schema.Columns) {
		t.Errorf("columns %q, want schema.Columns %q", names, schema.Columns)
	}
	// Strings dictionary-encoded, pages compressed.
	meta := pf.Metadata().RowGroups[0].Columns[0].MetaData
	if meta.Codec.String() != "ZSTD" {
		t.Errorf("source column compressed with %s, want ZSTD", meta.Codec)
	}
	if !strings.Contains(fmtEncodings(meta.Encoding), "RLE_DICTIONARY") {
		t.Errorf("source column encodings %s, want a dictionary", fmtEncodings(meta.Encoding))
	}
}

func fmtEncodings[E interface{ String() string }](encs []E) string {
	var s []string
	for _, e := range encs {
		s = append(s, e.String())
	}
	return strings.Join(s, ",")
}

// countingWriter counts the bytes that reach it.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// TestParquetStreamsRowGroups: a full row group goes to the file as soon as
// it is full, so memory holds one row group, not the whole file; a feed of
// 2.4 row groups gives three, all read back in order.
func TestParquetStreamsRowGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 120,000 figures")
	}
	n := 2*parquetRowGroupRows + parquetRowGroupRows/2
	figs := manyFigures(n)
	var sink countingWriter
	w, err := New("parquet", &sink, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range figs {
		if i == parquetRowGroupRows+1 && sink.n == 0 {
			t.Fatalf("nothing reached the file after %d figures: row groups are not streamed", i)
		}
		if err := w.Write(&figs[i]); err != nil {
			t.Fatal(err)
		}
	}
	before := sink.n
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if before < sink.n/2 {
		t.Errorf("only %d of %d bytes written before Close", before, sink.n)
	}

	path := writeParquetFile(t, t.TempDir(), figs)
	f, _ := os.Open(path)
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(pf.RowGroups()); got != 3 {
		t.Errorf("%d row groups, want 3", got)
	}
	var got figureSink
	if err := ReplayParquet(path, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.figs, figs) {
		t.Errorf("%d figures read back, want the %d written, in order", len(got.figs), len(figs))
	}
}

// TestReplayParquetRefuses: files that are not tally's figures are named
// and left alone.
func TestReplayParquetRefuses(t *testing.T) {
	dir := t.TempDir()
	notParquet := filepath.Join(dir, "notes.parquet")
	if err := os.WriteFile(notParquet, []byte("not a parquet file at all\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type other struct {
		Name string `parquet:"name"`
	}
	var buf bytes.Buffer
	pw := parquet.NewGenericWriter[other](&buf)
	if _, err := pw.Write([]other{{"x"}}); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "other.parquet")
	if err := os.WriteFile(foreign, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{notParquet: "not a Parquet file", foreign: "not a figures file"} {
		err := ReplayParquet(path, &figureSink{})
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
			t.Errorf("ReplayParquet(%s) = %v, want an error naming it and saying %q", path, err, want)
		}
	}
	if err := ReplayParquet(filepath.Join(dir, "missing.parquet"), &figureSink{}); err != nil {
		t.Errorf("a missing file has nothing to replay, got %v", err)
	}
}

// TestParquetReplaysOlderColumns: a file written before later columns were
// added replays, the missing columns empty.
func TestParquetReplaysOlderColumns(t *testing.T) {
	cols := figureColumns[:len(figureColumns)-1] // as before "note"
	var buf bytes.Buffer
	pw := parquet.NewWriter(&buf, parquetSchema("figure", cols))
	fig := sampleFigures()[0]
	fig.Note = "dropped"
	rv := reflect.ValueOf(fig)
	row := make(parquet.Row, len(cols))
	for i, c := range cols {
		v, def := parquetValue(c.kind, rv.Field(c.field))
		row[i] = v.Level(0, def, i)
	}
	if _, err := pw.WriteRows([]parquet.Row{row}); err != nil {
		t.Fatal(err)
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.parquet")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var got figureSink
	if err := ReplayParquet(path, &got); err != nil {
		t.Fatal(err)
	}
	want := sampleFigures()[0]
	if len(got.figs) != 1 || !reflect.DeepEqual(got.figs[0], want) {
		t.Errorf("replayed %+v, want %+v", got.figs, want)
	}
}

func TestParseDay(t *testing.T) {
	for _, s := range []string{"1970-01-01", "2024-02-29", "1969-12-31", "0001-01-01", "9999-12-31"} {
		day, ok := parseDay(s)
		if !ok || formatDay(day) != s {
			t.Errorf("parseDay(%q) = %d, %v; formatDay gives %q", s, day, ok, formatDay(day))
		}
	}
	if day, _ := parseDay("1970-01-02"); day != 1 {
		t.Errorf("1970-01-02 is day %d, want 1", day)
	}
	for _, s := range []string{"", "Q3", "2024-02-30", "2024-3-1"} {
		if _, ok := parseDay(s); ok {
			t.Errorf("parseDay(%q) took it for a date", s)
		}
	}
}
