package main

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema"
)

// sheetRows reads a sheet's raw cell values.
func sheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestAppendRewritesWorkbook: a nightly --state --append run into a
// workbook keeps the earlier figures and sources and adds the new ones, so
// the result is the workbook a single run over everything would write.
func TestAppendRewritesWorkbook(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write(t, in, "a.txt", "At least 12 people were killed in the blast, officials said.")
	write(t, in, "b.txt", "Rescuers evacuated 300 residents by boat.")
	state, out := filepath.Join(dir, "state.json"), filepath.Join(dir, "out.xlsx")
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--append", "-o", out); code != exitOK {
		t.Fatalf("first run exit %d: %s", code, errs)
	}
	write(t, in, "c.txt", "The storm destroyed 40 homes and damaged 2 bridges.")
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--append", "-o", out); code != exitOK || !strings.Contains(errs, "1 document,") {
		t.Fatalf("second run: exit %d: %s", code, errs)
	}

	whole := filepath.Join(dir, "whole.xlsx")
	if code, _, errs := runTally(t, "", "extract", in, "-o", whole); code != exitOK {
		t.Fatalf("single run exit %d: %s", code, errs)
	}
	for _, sheet := range []string{"Figures", "Sources", "Facts", "Summary"} {
		got, want := sheetRows(t, out, sheet), sheetRows(t, whole, sheet)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("sheet %s after append:\n%q\nwant, as one run writes it:\n%q", sheet, got, want)
		}
	}
	if n := len(sheetRows(t, out, "Figures")) - 1; n != 4 {
		t.Errorf("the workbook holds %d figures, want 4 (2 old, 2 new)", n)
	}
}

// TestAppendRefusesForeignWorkbook: a workbook tally did not write is not
// replaced; the error names it and the file is unchanged.
func TestAppendRefusesForeignWorkbook(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "budget.xlsx")
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "quarterly budget"); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	code, _, errs := runTally(t, "", "extract", "../../testdata/articles/ceasefire.txt", "--append", "-o", out)
	if code != exitFatal || !strings.Contains(errs, out) || !strings.Contains(errs, `no "Figures" sheet`) {
		t.Fatalf("exit %d, stderr %q: want a fatal error naming %s", code, errs, out)
	}
	after, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Fatal("the foreign workbook was changed")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*")); len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

// TestAppendToCSV: an empty file gets the header; a CSV with another header
// is refused and left as it was, rather than given rows that do not fit.
func TestAppendToCSV(t *testing.T) {
	dir := t.TempDir()
	article := "../../testdata/articles/ceasefire.txt"
	empty := write(t, dir, "empty.csv", "")
	if code, _, errs := runTally(t, "", "extract", article, "--append", "-o", empty); code != exitOK {
		t.Fatalf("append to an empty file: exit %d: %s", code, errs)
	}
	if rows := readFile(t, empty); len(rows) < 2 || rows[0][0] != "source" {
		t.Fatalf("append to an empty file wrote no header: %q", rows)
	}

	other := write(t, dir, "facts.csv", "category,value,low\nkilled,12,\n")
	code, _, errs := runTally(t, "", "extract", article, "--append", "-o", other)
	if code != exitFatal || !strings.Contains(errs, other) {
		t.Fatalf("append to a facts file: exit %d, stderr %q", code, errs)
	}
	if got, _ := os.ReadFile(other); string(got) != "category,value,low\nkilled,12,\n" {
		t.Fatalf("the facts file was changed: %q", got)
	}
}

// TestAppendParquetAndSQLite: nightly --state --append runs into a Parquet
// file (rewritten with its earlier rows first) or a SQLite database (added
// to in one transaction) give what one run over everything writes, and a
// file of the wrong kind is refused, named and left as it was.
func TestAppendParquetAndSQLite(t *testing.T) {
	for _, ext := range []string{"parquet", "sqlite"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "in")
			write(t, in, "a.txt", "At least 12 people were killed in the blast, officials said.")
			write(t, in, "b.txt", "Rescuers evacuated 300 residents by boat.")
			state, out := filepath.Join(dir, "state.json"), filepath.Join(dir, "out."+ext)
			if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--append", "-o", out); code != exitOK {
				t.Fatalf("first run exit %d: %s", code, errs)
			}
			write(t, in, "c.txt", "The storm destroyed 40 homes and damaged 2 bridges.")
			if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--append", "-o", out); code != exitOK || !strings.Contains(errs, "1 document,") {
				t.Fatalf("second run: exit %d: %s", code, errs)
			}
			whole := filepath.Join(dir, "whole."+ext)
			if code, _, errs := runTally(t, "", "extract", in, "-o", whole); code != exitOK {
				t.Fatalf("single run exit %d: %s", code, errs)
			}
			got, want := tablesOf(t, ext, out), tablesOf(t, ext, whole)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after append:\n%q\nwant, as one run writes it:\n%q", got, want)
			}
			if n := strings.Count(got["figures"], "\n"); n != 4 {
				t.Errorf("%d figures, want 4 (2 old, 2 new):\n%s", n, got["figures"])
			}

			notOurs := write(t, dir, "notes."+ext, "meeting notes, not figures\n")
			code, _, errs := runTally(t, "", "extract", in, "--append", "-o", notOurs)
			if code != exitFatal || !strings.Contains(errs, notOurs) {
				t.Fatalf("append to a text file: exit %d, stderr %q", code, errs)
			}
			if b, _ := os.ReadFile(notOurs); string(b) != "meeting notes, not figures\n" {
				t.Fatalf("the text file was changed: %q", b)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp-*")); len(left) != 0 {
				t.Fatalf("temporary files left behind: %v", left)
			}
		})
	}
}

// tablesOf reads a Parquet file's figures, or each table of a database,
// as lines of cells.
func tablesOf(t *testing.T, ext, path string) map[string]string {
	t.Helper()
	if ext == "parquet" {
		var rows figureLines
		if err := output.ReplayParquet(path, &rows); err != nil {
			t.Fatal(err)
		}
		return map[string]string{"figures": rows.String()}
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tables := map[string]string{}
	for _, table := range []string{"figures", "sources", "facts", "tolls", "figures_fts"} {
		tables[table] = testtool.Dump(t, db, "SELECT * FROM "+table+" ORDER BY rowid")
	}
	return tables
}

// figureLines is an output.Writer that prints each figure's cells on a line.
type figureLines struct{ b strings.Builder }

func (l *figureLines) Write(f *schema.Figure) error {
	_, err := fmt.Fprintf(&l.b, "%q\n", f.Cells())
	return err
}

func (l *figureLines) String() string { return l.b.String() }

func (l *figureLines) Close() error { return nil }
