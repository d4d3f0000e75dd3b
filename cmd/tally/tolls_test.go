package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema"
)

// TestTollsFile: --tolls writes one row per document and casualty category,
// as CSV with the schema's header or as JSON Lines, beside the figures.
func TestTollsFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "in/shooting.txt", "A man was shot and killed on Friday. Police found a woman suffering from a gunshot wound.\n")
	write(t, dir, "in/flood.txt", "Floods forced 5,000 people from their homes, officials said.\n")
	write(t, dir, "in/budget.txt", "The council approved a budget of $4 million.\n")
	csvPath, jsonlPath := filepath.Join(dir, "tolls.csv"), filepath.Join(dir, "tolls.jsonl")
	for _, path := range []string{csvPath, jsonlPath} {
		code, _, errs := runTally(t, "", "extract", filepath.Join(dir, "in"), "-o", filepath.Join(dir, "figures.csv"), "--tolls", path, "--quiet")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
	}
	rows := readFile(t, csvPath)
	if !slices.Equal(rows[0], schema.TollColumns) {
		t.Fatalf("header %q, want %q", rows[0], schema.TollColumns)
	}
	var got []string
	for _, r := range rows[1:] {
		got = append(got, filepath.Base(r[0])+" "+r[3]+"="+r[4]+" "+r[8])
	}
	want := []string{"flood.txt displaced=5000 stated", "shooting.txt killed=1 implied", "shooting.txt injured=1 implied"}
	if !slices.Equal(got, want) {
		t.Errorf("tolls %q, want %q (the budget has none)", got, want)
	}
	data, err := os.ReadFile(jsonlPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d JSON lines, want %d", len(lines), len(want))
	}
	var toll schema.Toll
	if err := json.Unmarshal([]byte(lines[0]), &toll); err != nil || toll.Category != "displaced" || toll.Value != 5000 {
		t.Errorf("first JSON line %s decodes to %+v, %v", lines[0], toll, err)
	}
}

// TestTollsRefusesOtherFormats: a tolls file must be .csv or .jsonl.
func TestTollsRefusesOtherFormats(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runTally(t, "", "extract", "../../testdata/articles", "-o", filepath.Join(dir, "f.csv"), "--tolls", filepath.Join(dir, "t.xlsx"))
	if code == exitOK || !strings.Contains(errs, "tolls") {
		t.Errorf("exit %d, stderr %q: want a refusal naming tolls", code, errs)
	}
}

// TestWorkbookTollsSheet: the workbook's Tolls sheet follows Summary and
// holds the same rows as --tolls.
func TestWorkbookTollsSheet(t *testing.T) {
	dir := t.TempDir()
	book, tollsCSV := filepath.Join(dir, "f.xlsx"), filepath.Join(dir, "t.csv")
	code, _, errs := runTally(t, "", "extract", "../../testdata/tolls", "-o", book, "--tolls", tollsCSV, "--quiet")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) < 2 || sheets[1] != "Tolls" {
		t.Fatalf("sheets %q: want Tolls second", sheets)
	}
	got, err := f.GetRows("Tolls", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := readFile(t, tollsCSV)
	if len(got) != len(want) || len(want) < 5 {
		t.Fatalf("Tolls sheet has %d rows, tolls.csv %d (want the same, at least 5)", len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			g := ""
			if j < len(got[i]) {
				g = got[i][j]
			}
			if g != want[i][j] && !(want[i][j] == "false" && g == "0" || want[i][j] == "true" && g == "1") {
				t.Errorf("Tolls row %d column %s: %q, tolls.csv %q", i, want[0][j], g, want[i][j])
			}
		}
	}
}

// TestSQLiteTollsTable: a database output holds the same tolls as --tolls.
func TestSQLiteTollsTable(t *testing.T) {
	sqlite3 := testtool.Look(t, "sqlite3")
	dir := t.TempDir()
	db, tollsCSV := filepath.Join(dir, "f.sqlite"), filepath.Join(dir, "t.csv")
	if code, _, errs := runTally(t, "", "extract", "../../testdata/tolls", "-o", db, "--tolls", tollsCSV, "--quiet"); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	out, err := exec.Command(sqlite3, "-csv", db, "SELECT source, category, value FROM tolls ORDER BY rowid").Output()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range readFile(t, tollsCSV)[1:] {
		want = append(want, r[0]+","+r[3]+","+r[4])
	}
	got := strings.Split(strings.TrimSpace(strings.ReplaceAll(string(out), ".0\n", "\n")), "\n")
	for i := range got {
		got[i] = strings.TrimSuffix(strings.TrimSpace(got[i]), ".0")
	}
	if len(want) < 5 || !slices.Equal(got, want) {
		t.Errorf("tolls table %q, want %q", got, want)
	}
}
