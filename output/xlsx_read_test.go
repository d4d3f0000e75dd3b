package output

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

// recorder keeps what a replay writes into it.
type recorder struct {
	srcs []schema.Source
	figs []schema.Figure
}

func (r *recorder) WriteDocument(src schema.Source, _ string) error {
	r.srcs = append(r.srcs, src)
	return nil
}
func (r *recorder) Write(f *schema.Figure) error { r.figs = append(r.figs, *f); return nil }
func (r *recorder) Close() error                 { return nil }

func saveWorkbook(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "old.xlsx")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestReplayWorkbookGivesBackTheRecords: every figure and source of a
// workbook comes back as the record that was written, hostile text, links,
// failed inputs and overflow sheets included.
func TestReplayWorkbookGivesBackTheRecords(t *testing.T) {
	docs := reportCorpus(t)
	var wantSrcs []schema.Source
	var wantFigs []schema.Figure
	for _, d := range docs {
		src := d.src
		src.Figures = len(d.figs)
		wantSrcs = append(wantSrcs, src)
		wantFigs = append(wantFigs, d.figs...)
	}
	var rec recorder
	if err := ReplayWorkbook(saveWorkbook(t, writeReport(t, "xlsx", Options{Run: testRun()}, docs)), &rec); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rec.srcs, wantSrcs) {
		t.Errorf("sources:\n%+v\nwant\n%+v", rec.srcs, wantSrcs)
	}
	if !reflect.DeepEqual(rec.figs, wantFigs) {
		t.Errorf("figures:\n%+v\nwant\n%+v", rec.figs, wantFigs)
	}

	// Past a sheet's row limit: "Figures (2)", "Figures (3)" are read too.
	figs := append(sampleFigures(), manyFigures(7)...)
	rec = recorder{}
	if err := ReplayWorkbook(saveWorkbook(t, writeXLSX(t, figs, 4)), &rec); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rec.figs, figs) {
		t.Errorf("overflowed figures:\n%+v\nwant\n%+v", rec.figs, figs)
	}
}

// TestReplayRewritesTheSameWorkbook: replaying a workbook into a new one
// and closing it gives the same sheets.
func TestReplayRewritesTheSameWorkbook(t *testing.T) {
	docs := reportCorpus(t)
	old := writeReport(t, "xlsx", Options{Run: testRun()}, docs)
	var buf bytes.Buffer
	x, err := newXLSX(&buf, Options{Run: testRun()})
	if err != nil {
		t.Fatal(err)
	}
	w := mergingFacts(x)
	if err := ReplayWorkbook(saveWorkbook(t, old), w); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a, b := openXLSX(t, old), openXLSX(t, buf.Bytes())
	for _, sheet := range []string{"Summary", "Facts", "Figures", "Sources"} {
		if got, want := rawRows(t, b, sheet, 1), rawRows(t, a, sheet, 1); !reflect.DeepEqual(got, want) {
			t.Errorf("sheet %s differs after a replay:\n%q\nwant\n%q", sheet, got, want)
		}
	}
}

func TestReplayWorkbookErrors(t *testing.T) {
	good := writeXLSX(t, sampleFigures(), 0)
	f := openXLSX(t, good)
	if err := f.SetCellValue("Figures", "C3", "many"); err != nil {
		t.Fatal(err)
	}
	var edited bytes.Buffer
	if _, err := f.WriteTo(&edited); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"not a workbook", []byte("source,value\n1,2\n"), "not a workbook"},
		{"a value that is not a number", edited.Bytes(), `sheet "Figures": row 3: column value: "many" is not a number`},
	}
	for _, tt := range tests {
		path := saveWorkbook(t, tt.file)
		err := ReplayWorkbook(path, &recorder{})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: err = %v, want one naming %s and saying %q", tt.name, err, path, tt.want)
		}
	}
	if err := ReplayWorkbook(saveWorkbook(t, good), &jsonlWriter{}); err == nil {
		t.Error("a writer without documents took a replay")
	}
}

// BenchmarkReplayWorkbook reads back a workbook of 20,000 figures, the
// cost an --append run into a workbook pays before its own work.
func BenchmarkReplayWorkbook(b *testing.B) {
	path := filepath.Join(b.TempDir(), "old.xlsx")
	if err := os.WriteFile(path, writeXLSX(b, manyFigures(20000), 0), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var rec recorder
		if err := ReplayWorkbook(path, &rec); err != nil {
			b.Fatal(err)
		}
	}
}
