package output

import (
	"context"
	"encoding/csv"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema"
	"github.com/tally-news/tally/schema/skips"
)

// sofficeCSVFilter exports every sheet (-1) as UTF-8 (76) comma-separated
// CSV with stored, not displayed, values.
const sofficeCSVFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

// TestLibreOfficeReadsXLSX opens a hostile, multi-sheet workbook the way an
// analyst's spreadsheet program would and checks every cell survives.
func TestLibreOfficeReadsXLSX(t *testing.T) {
	soffice := testtool.Look(t, "soffice")
	if testing.Short() {
		skips.Skip(t, "LibreOffice conversion is slow")
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
	sheets := sofficeConvert(t, soffice, "hostile", writeXLSX(t, figs, maxRows))

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
		got, ok := sheets[sheet]
		if !ok {
			t.Fatalf("sheet %q not converted (got %d sheets)", sheet, len(sheets))
		}
		for i := range got { // LibreOffice drops trailing empty cells only when a row is empty
			for len(got[i]) < len(schema.Columns) {
				got[i] = append(got[i], "")
			}
		}
		compareRows(t, "LibreOffice "+sheet, got, rows)
	}
	wantSheets := []string{"Summary", "Facts", "Figures", "Figures (2)", "Sources", "About"}
	if len(sheets) != len(wantSheets) {
		t.Errorf("LibreOffice converted %d sheets, want %q", len(sheets), wantSheets)
	}
	for _, name := range wantSheets {
		if _, ok := sheets[name]; !ok {
			t.Errorf("sheet %q not converted", name)
		}
	}
}

// TestLibreOfficeReadsReport converts the whole report workbook, every
// sheet, and checks each holds the rows it should, links and booleans
// included.
func TestLibreOfficeReadsReport(t *testing.T) {
	soffice := testtool.Look(t, "soffice")
	if testing.Short() {
		skips.Skip(t, "LibreOffice conversion is slow")
	}
	docs := reportCorpus(t)
	figs := corpusFigures(docs)
	merged := facts.Merge(figs)
	sheets := sofficeConvert(t, soffice, "report", writeReport(t, "xlsx", Options{Run: testRun()}, docs))

	categories := map[string]bool{}
	for _, f := range figs {
		categories[f.Category] = true
	}
	wantRows := map[string]int{
		"Summary": max(len(categories), len(facts.Totals(figs))) + 1, // side by side
		"Facts":   len(merged) + 1,
		"Figures": len(figs) + 1,
		"Sources": len(docs) + 1,
		"About":   len(new(xlsxWriter).aboutRowsFor(testRun())) + 1,
	}
	if len(sheets) != len(wantRows) {
		t.Errorf("LibreOffice converted %d sheets, want %d", len(sheets), len(wantRows))
	}
	for sheet, n := range wantRows {
		if got := len(sheets[sheet]); got != n {
			t.Errorf("%s: LibreOffice reads %d rows, want %d", sheet, got, n)
		}
	}

	// Figures cell for cell, as CSV writes them.
	want := readCSV(t, writeAll(t, "csv", Options{Raw: true}, figs))
	got := sheets["Figures"]
	for i := range got {
		for len(got[i]) < len(schema.Columns) {
			got[i] = append(got[i], "")
		}
	}
	compareRows(t, "LibreOffice Figures", got, want)

	// Links show their address; the formula result is what a reader sees.
	urls := sheets["Sources"]
	if len(urls) == len(docs)+1 {
		for i, d := range docs {
			if got := cellAt(urls[i+1], slices.Index(schema.SourceColumns, "url")); got != d.src.URL {
				t.Errorf("Sources row %d url reads %q, want %q", i+2, got, d.src.URL)
			}
		}
	}
	for i, row := range sheets["Facts"][1:] {
		want := strings.ToUpper(strconv.FormatBool(merged[i].Disputed))
		if got := cellAt(row, slices.Index(schema.FactColumns, "disputed")); got != want {
			t.Errorf("Facts row %d disputed reads %q, want %q", i+2, got, want)
		}
	}
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// sofficeConvert converts a workbook to one CSV per sheet with LibreOffice
// and returns the rows of each sheet by name.
func sofficeConvert(t *testing.T, soffice, name string, xlsx []byte) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(path, xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	outDir := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile keeps concurrent runs from fighting over one.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", sofficeCSVFilter, "--outdir", outDir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	files, err := filepath.Glob(filepath.Join(outDir, name+"-*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sheets := map[string][][]string{}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(string(b)))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		sheet := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(file), name+"-"), ".csv")
		sheets[sheet] = rows
	}
	t.Logf("LibreOffice converted sheets %q", slices.Sorted(maps.Keys(sheets)))
	return sheets
}
