package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema"
)

// generatedFeed writes a feed of the given size with cmd/gencorpus.
func generatedFeed(t *testing.T, size string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feed.jsonl")
	if out, err := exec.Command("go", "run", "../gencorpus", "-size", size, "-o", path).CombinedOutput(); err != nil {
		t.Fatalf("gencorpus: %v\n%s", err, out)
	}
	return path
}

// extractTo runs tally extract over inputs into out and fails on anything
// but success or, with failures allowed, a partial run.
func extractTo(t *testing.T, inputs []string, out string, extra ...string) {
	t.Helper()
	args := append(append([]string{"extract"}, inputs...), append([]string{"-o", out, "--quiet"}, extra...)...)
	if code, _, errs := runTally(t, "", args...); code != exitOK && code != exitPartial {
		t.Fatalf("tally %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
}

// cellKinds says how to compare a table's cells read back by another
// program with the cells of tally's CSV.
type cellKinds struct {
	numeric, dates, bools map[string]bool
}

// compareTables compares got (read back by another program) with want
// (tally's CSV of the same run) cell for cell: numbers as numbers (12.0 is
// 12), booleans as true/false (1 is true), dates as dates where the CSV
// cell is one and absent where it is not; text exactly.
func compareTables(t *testing.T, what string, got, want [][]string, k cellKinds) {
	t.Helper()
	if len(got) == 0 || !slices.Equal(got[0], want[0]) {
		t.Fatalf("%s: header %q, want %q", what, got[0], want[0])
	}
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", what, len(got)-1, len(want)-1)
	}
	header := want[0]
	bad := 0
	for r := 1; r < len(want) && bad < 10; r++ {
		for c, name := range header {
			g, w := got[r][c], want[r][c]
			if !sameCell(g, w, name, k) {
				t.Errorf("%s: row %d column %s = %q, want %q", what, r, name, g, w)
				bad++
			}
		}
	}
}

func sameCell(got, want, column string, k cellKinds) bool {
	switch {
	case k.numeric[column]:
		if got == "" || want == "" {
			return got == want
		}
		g, gerr := strconv.ParseFloat(got, 64)
		w, werr := strconv.ParseFloat(want, 64)
		return gerr == nil && werr == nil && g == w
	case k.bools[column]:
		return (got == "1" || got == "true") == (want == "true") && want != ""
	case k.dates[column]:
		if _, err := time.Parse(time.DateOnly, want); err != nil {
			return got == ""
		}
		return got == want
	default:
		return got == want
	}
}

// duckDBScript exports a Parquet file to CSV with DuckDB and prints the
// file's column types and row group count as JSON.
const duckDBScript = `
const { DuckDBInstance } = require('@duckdb/node-api');
const [parquet, csv] = process.argv.slice(2);
(async () => {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const q = async (sql) => (await con.runAndReadAll(sql)).getRowObjectsJson();
  const lit = "'" + parquet.replaceAll("'", "''") + "'";
  await con.run("COPY (SELECT * FROM read_parquet(" + lit + ")) TO '" + csv.replaceAll("'", "''") + "' (HEADER)");
  const types = await q("DESCRIBE SELECT * FROM read_parquet(" + lit + ")");
  const groups = await q("SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(" + lit + ")");
  console.log(JSON.stringify({
    types: Object.fromEntries(types.map(r => [r.column_name, r.column_type])),
    rowGroups: Number(groups[0].n),
  }));
})().catch(e => { console.error(e.message); process.exit(1); });
`

// TestDuckDBReadsParquet: DuckDB, as an analyst would use it, reads the
// Parquet output of the sample articles and of a generated feed large
// enough for two row groups, cell for cell equal to the CSV of the same
// input, with typed columns.
func TestDuckDBReadsParquet(t *testing.T) {
	node := testtool.DuckDBNode(t)
	if testing.Short() {
		t.Skip("generates and extracts a 20 MB feed")
	}
	dir := t.TempDir()
	inputs := []string{"../../testdata/articles", generatedFeed(t, "20MB")}
	csvPath, parquetPath, duckCSV := filepath.Join(dir, "f.csv"), filepath.Join(dir, "f.parquet"), filepath.Join(dir, "duck.csv")
	extractTo(t, inputs, csvPath, "--raw")
	extractTo(t, inputs, parquetPath)

	script := filepath.Join(dir, "export.cjs")
	if err := os.WriteFile(script, []byte(duckDBScript), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, script, parquetPath, duckCSV).Output()
	if err != nil {
		t.Fatalf("duckdb: %v\n%s", err, stderrOf(err))
	}
	var meta struct {
		Types     map[string]string
		RowGroups int
	}
	if err := json.Unmarshal(out, &meta); err != nil {
		t.Fatalf("duckdb said %q: %v", out, err)
	}
	wantTypes := map[string]string{"value": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE", "start": "BIGINT", "end": "BIGINT",
		"published": "DATE", "event_date": "DATE", "sentence": "VARCHAR", "note": "VARCHAR"}
	for col, typ := range wantTypes {
		if meta.Types[col] != typ {
			t.Errorf("DuckDB reads column %s as %s, want %s", col, meta.Types[col], typ)
		}
	}
	if meta.RowGroups < 2 {
		t.Errorf("%d row groups, want at least 2 for a 20 MB feed", meta.RowGroups)
	}
	want := readFile(t, csvPath)
	compareTables(t, "figures read by DuckDB", readFile(t, duckCSV), want,
		cellKinds{numeric: schema.NumericColumns, dates: schema.DateColumns})
	t.Logf("%d figures in %d row groups", len(want)-1, meta.RowGroups)
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// sqlite3 runs a query with Debian's sqlite3 and returns the rows, header
// first.
func sqlite3(t *testing.T, bin, db, query string) [][]string {
	t.Helper()
	out, err := exec.Command(bin, "-readonly", "-csv", "-header", db, query).Output()
	if err != nil {
		t.Fatalf("sqlite3 %q: %v\n%s", query, err, stderrOf(err))
	}
	return readCSV(t, string(out))
}

// TestSQLite3ReadsDatabase: Debian's sqlite3 reads the database of the
// sample articles, a generated feed and a failed input: the figures and
// facts tables equal the CSV files of the same input cell for cell, the
// sources list every document and the failure, the full-text index finds
// what the sentences hold and is where Datasette looks for it, and the
// indexes serve lookups.
func TestSQLite3ReadsDatabase(t *testing.T) {
	bin := testtool.Look(t, "sqlite3")
	dir := t.TempDir()
	empty := write(t, dir, "in/empty.txt", "")
	inputs := []string{"../../testdata/articles", generatedFeed(t, "1MB"), empty}
	csvPath, factsPath, db := filepath.Join(dir, "f.csv"), filepath.Join(dir, "facts.csv"), filepath.Join(dir, "f.sqlite")
	extractTo(t, inputs, csvPath, "--raw", "--facts", factsPath)
	extractTo(t, inputs, db)

	figs := readFile(t, csvPath)
	compareTables(t, "figures read by sqlite3", sqlite3(t, bin, db, "SELECT * FROM figures ORDER BY rowid"), figs,
		cellKinds{numeric: schema.NumericColumns})
	compareTables(t, "facts read by sqlite3", sqlite3(t, bin, db, "SELECT * FROM facts ORDER BY rowid"), readFile(t, factsPath),
		cellKinds{numeric: schema.FactNumericColumns, bools: schema.FactBoolColumns})

	sources := sqlite3(t, bin, db, "SELECT source, errors FROM sources ORDER BY rowid")
	docs := map[string]bool{}
	for _, row := range figs[1:] {
		docs[row[0]] = true
	}
	failed := 0
	for _, row := range sources[1:] {
		delete(docs, row[0])
		if row[0] == empty && row[1] != "" {
			failed++
		}
	}
	if len(docs) > 0 || failed != 1 {
		t.Errorf("sources miss %d documents with figures, and list the failed input %d times (want once, with its error)", len(docs), failed)
	}

	// The full-text index finds every figure whose sentence holds a word.
	col := slices.Index(figs[0], "sentence")
	want := 0
	for _, row := range figs[1:] {
		if slices.Contains(strings.FieldsFunc(strings.ToLower(row[col]), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), "killed") {
			want++
		}
	}
	got := sqlite3(t, bin, db, "SELECT count(*) FROM figures_fts WHERE figures_fts MATCH 'killed'")
	if want == 0 || got[1][0] != strconv.Itoa(want) {
		t.Errorf("full-text search for 'killed' finds %s figures, want %d", got[1][0], want)
	}
	// Datasette's own test for a table's full-text index: a virtual FTS
	// table whose content is the table.
	if got := sqlite3(t, bin, db, `SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE '%VIRTUAL TABLE%USING FTS%content="figures"%'`); len(got) != 2 || got[1][0] != "figures_fts" {
		t.Errorf("Datasette would not find the full-text index: %q", got)
	}
	for _, q := range []string{"source = 'x'", "category = 'killed'", "doc_id = 'x'"} {
		plan := sqlite3(t, bin, db, "EXPLAIN QUERY PLAN SELECT * FROM figures WHERE "+q)
		if !strings.Contains(plan[len(plan)-1][len(plan[0])-1], "USING INDEX") {
			t.Errorf("WHERE %s scans the table: %q", q, plan)
		}
	}
}

// TestJobsDoNotChangeParquetOrSQLite: as for CSV, the files are the same
// bytes for any --jobs.
func TestJobsDoNotChangeParquetOrSQLite(t *testing.T) {
	dir := t.TempDir()
	for _, ext := range []string{"parquet", "sqlite"} {
		var files [2][]byte
		for i, jobs := range []string{"1", "4"} {
			out := filepath.Join(dir, jobs+"."+ext)
			extractTo(t, []string{"../../testdata/articles"}, out, "--jobs", jobs)
			var err error
			if files[i], err = os.ReadFile(out); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(files[0], files[1]) || len(files[0]) == 0 {
			t.Errorf("%s: --jobs 1 and --jobs 4 differ (%d vs %d bytes)", ext, len(files[0]), len(files[1]))
		}
	}
}
