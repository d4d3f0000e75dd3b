package output

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema"
)

// writeSQLite writes figs, their sources and tolls into a database at path
// as a run does: a copy of any database there, committed over it.
func writeSQLite(t *testing.T, path string, figs []schema.Figure, tolls []schema.Toll) {
	t.Helper()
	if err := CheckAppendable(path, "sqlite"); err != nil {
		t.Fatal(err)
	}
	f, n, err := CreateAtomicCopy(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	w, err := New("sqlite", f, Options{Append: n > 0})
	if err != nil {
		t.Fatal(err)
	}
	dw := w.(DocumentWriter)
	for i := range figs {
		if i == 0 || figs[i].Source != figs[i-1].Source {
			if err := dw.WriteDocument(schema.Source{Source: figs[i].Source, DocID: figs[i].DocID}, ""); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Write(&figs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.(*sqliteWriter).WriteTolls(tolls); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
}

func openDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// readFigures reads the figures table back in insertion order.
func readFigures(t *testing.T, db *sql.DB) []schema.Figure {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM figures ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var figs []schema.Figure
	for rows.Next() {
		var f schema.Figure
		if err := scanRecord(rows, figuresTable.cols, &f); err != nil {
			t.Fatal(err)
		}
		figs = append(figs, f)
	}
	return figs
}

// TestSQLiteAppendIsOneRunOverEverything: two runs appended give the
// tables one run over both writes, facts recomputed over all figures, and
// the full-text index covers the sentences of both.
func TestSQLiteAppendIsOneRunOverEverything(t *testing.T) {
	dir := t.TempDir()
	figs := sampleFigures()
	tolls := []schema.Toll{{Source: "bbc.txt", Category: "killed", Value: 12, Low: schema.Float(12), Qualifier: "min", Disputed: true}}
	appended, whole := filepath.Join(dir, "appended.sqlite"), filepath.Join(dir, "whole.sqlite")
	writeSQLite(t, appended, figs[:2], tolls)
	writeSQLite(t, appended, figs[2:], nil)
	writeSQLite(t, whole, figs, tolls)

	a, w := openDB(t, appended), openDB(t, whole)
	if got := readFigures(t, a); !reflect.DeepEqual(got, figs) {
		t.Errorf("figures after append:\n%+v\nwant\n%+v", got, figs)
	}
	for _, q := range []string{
		`SELECT * FROM sources ORDER BY rowid`,
		`SELECT * FROM facts ORDER BY rowid`,
		`SELECT * FROM tolls ORDER BY rowid`,
		`SELECT rowid FROM figures_fts WHERE figures_fts MATCH 'quart OR marched' ORDER BY rowid`,
	} {
		if got, want := testtool.Dump(t, a, q), testtool.Dump(t, w, q); got != want || want == "" {
			t.Errorf("%s after append:\n%s\nwant, as one run writes it:\n%s", q, got, want)
		}
	}
	if got := testtool.Dump(t, a, `SELECT value, low, high, disputed FROM tolls`); got != "12|12|<nil>|1\n" {
		t.Errorf("tolls = %q", got)
	}
}

// TestSQLiteAddsLaterColumns: a database written before a column was added
// to the record gets it, empty on its old rows.
func TestSQLiteAddsLaterColumns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.sqlite")
	db := openDB(t, path)
	old := columnNames(figuresTable.cols)
	old = old[:len(old)-1] // as before "note"
	if _, err := db.Exec(`CREATE TABLE figures ("` + strings.Join(old, `", "`) + `")`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO figures (source, value, section) VALUES ('old.txt', 7, 'article')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	fig := sampleFigures()[0]
	fig.Note = "ambiguous currency"
	writeSQLite(t, path, []schema.Figure{fig}, nil)
	if got := testtool.Dump(t, openDB(t, path), `SELECT source, note FROM figures ORDER BY rowid`); got != "old.txt|\nbbc.txt|ambiguous currency\n" {
		t.Errorf("rows = %q", got)
	}
}

// TestSQLiteRefusesForeignFiles: appending to a file that is not a
// database, or a database that is not tally's, is refused, naming the file,
// which is left as it was.
func TestSQLiteRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.sqlite")
	if err := os.WriteFile(text, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "crm.sqlite")
	db := openDB(t, foreign)
	if _, err := db.Exec(`CREATE TABLE customers (name TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	clash := filepath.Join(dir, "clash.sqlite")
	db = openDB(t, clash)
	if _, err := db.Exec(`CREATE TABLE figures (source TEXT, amount REAL)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for path, want := range map[string]string{text: "not a SQLite database", foreign: "no figures table", clash: "not tally's"} {
		before, _ := os.ReadFile(path)
		err := CheckAppendable(path, "sqlite")
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckAppendable(%s) = %v, want an error naming it and saying %q", path, err, want)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
			t.Errorf("%s changed", path)
		}
	}
	if err := CheckAppendable(filepath.Join(dir, "new.sqlite"), "sqlite"); err != nil {
		t.Errorf("a missing database is a new one: %v", err)
	}
}

// TestSQLiteNeedsAFile: a database cannot be streamed to standard output.
func TestSQLiteNeedsAFile(t *testing.T) {
	if _, err := New("sqlite", &bytes.Buffer{}, Options{}); err == nil || !strings.Contains(err.Error(), "file") {
		t.Errorf("New(sqlite, buffer) = %v, want an error asking for a file", err)
	}
}
