package output

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/schema"
)

// sofficeCSVFilter exports every sheet (-1) as UTF-8 (76) comma-separated
// CSV with stored, not displayed, values.
const sofficeCSVFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

// TestLibreOfficeReadsXLSX opens a hostile, multi-sheet workbook the way an
// analyst's spreadsheet program would and checks every cell survives.
func TestLibreOfficeReadsXLSX(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice not on PATH; install libreoffice-calc-nogui to run")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	figs := append(sampleFigures(), schema.Figure{
		Object:   "=SUM(A1:A2)",
		Text:     "a\x00b\x1Fc\uFFFEd",
		Sentence: strings.Repeat("long ", 8000),
		URL:      "=HYPERLINK(\"http://evil\")",
		Hedge:    "@SUM(1)",
		Rule:     "-2+3",
		Value:    -5,
	})
	const maxRows = 4 // 3 figures a sheet: two sheets
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "hostile.xlsx")
	if err := os.WriteFile(xlsx, writeXLSX(t, figs, maxRows), 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile keeps concurrent runs from fighting over one.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", sofficeCSVFilter, "--outdir", outDir, xlsx)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	want := map[string][][]string{} // sheet -> rows
	for i, f := range figs {
		sheet := "Figures"
		if i >= maxRows-1 {
			sheet = "Figures (2)"
		}
		if want[sheet] == nil {
			want[sheet] = [][]string{schema.Columns}
		}
		cells := f.Cells()
		for c := range cells {
			cells[c] = csvReadForm(cleanText(cells[c]))
		}
		want[sheet] = append(want[sheet], cells)
	}
	for sheet, rows := range want {
		path := filepath.Join(outDir, "hostile-"+sheet+".csv")
		b, err := os.ReadFile(path)
		if err != nil {
			files, _ := filepath.Glob(filepath.Join(outDir, "*"))
			t.Fatalf("sheet %q: %v (converted: %q)", sheet, err, files)
		}
		r := csv.NewReader(strings.NewReader(string(b)))
		r.FieldsPerRecord = -1
		got, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for i := range got { // LibreOffice drops trailing empty cells only when a row is empty
			for len(got[i]) < len(schema.Columns) {
				got[i] = append(got[i], "")
			}
		}
		compareRows(t, "LibreOffice "+sheet, got, rows)
	}
	files, _ := filepath.Glob(filepath.Join(outDir, "*.csv"))
	t.Logf("LibreOffice wrote %q", files)
	if len(files) != len(want) {
		t.Errorf("LibreOffice wrote %q, want %d sheets", files, len(want))
	}
}
