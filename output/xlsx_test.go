package output

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/schema"
)

// writeXLSX writes figs with at most maxRows rows a sheet (0: Excel's limit).
func writeXLSX(t testing.TB, figs []schema.Figure, maxRows int) []byte {
	t.Helper()
	var buf bytes.Buffer
	x, err := newXLSX(&buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if maxRows > 0 {
		x.figures.maxRows = maxRows
	}
	w := mergingFacts(x)
	for i := range figs {
		if err := w.Write(&figs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// workbookSheets is the sheet order of a workbook whose tables fit on one
// sheet each.
var workbookSheets = []string{"Summary", "Facts", "Figures", "Sources", "About"}

func openXLSX(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// sheetCells reads every cell of a sheet as stored (no number format), row
// by row, checking on the way that no cell holds a formula and that text
// and number columns are typed as such.
func sheetCells(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	// The stream writer records no dimension, so count the rows.
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for r := 1; r <= len(all); r++ {
		row := make([]string, len(schema.Columns))
		for c, name := range schema.Columns {
			ref, _ := excelize.CoordinatesToCellName(c+1, r)
			v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			row[c] = v
			if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
				t.Errorf("%s!%s has formula %q", sheet, ref, formula)
			}
			typ, _ := f.GetCellType(sheet, ref)
			wantType := excelize.CellTypeInlineString
			if r > 1 && schema.NumericColumns[name] {
				wantType = excelize.CellTypeUnset // a plain number cell has no t attribute
			}
			if v != "" && typ != wantType {
				t.Errorf("%s!%s (%s) %q has type %v, want %v", sheet, ref, name, v, typ, wantType)
			}
		}
		out = append(out, row)
	}
	return out
}

// sameCell compares a cell read back with what was written: numbers
// numerically, text exactly.
func sameCell(column, got, want string) bool {
	if schema.NumericColumns[column] {
		g, err1 := strconv.ParseFloat(got, 64)
		w, err2 := strconv.ParseFloat(want, 64)
		if err1 == nil && err2 == nil {
			return g == w || math.Abs(g-w) <= 1e-12*math.Abs(w)
		}
	}
	return got == want
}

func compareRows(t *testing.T, where string, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", where, len(got), len(want))
	}
	for r := range want {
		for c, name := range schema.Columns {
			if !sameCell(name, got[r][c], want[r][c]) {
				t.Errorf("%s row %d %s = %q, want %q", where, r+1, name, got[r][c], want[r][c])
			}
		}
	}
}

// TestXLSXMatchesCSV checks the workbook cell for cell against the raw CSV
// written from the same figures.
func TestXLSXMatchesCSV(t *testing.T) {
	figs := sampleFigures()
	want := readCSV(t, writeAll(t, "csv", Options{Raw: true}, figs))
	f := openXLSX(t, writeXLSX(t, figs, 0))
	if got := f.GetSheetList(); !slices.Equal(got, workbookSheets) {
		t.Fatalf("sheets = %q, want %q", got, workbookSheets)
	}
	got := sheetCells(t, f, "Figures")
	for _, row := range got {
		for c := range row {
			row[c] = csvReadForm(row[c]) // the CSV reader's CRLF folding
		}
	}
	compareRows(t, "Figures", got, want)
}

func TestXLSXLayout(t *testing.T) {
	figs := sampleFigures()
	f := openXLSX(t, writeXLSX(t, figs, 0))
	const sheet = "Figures"

	id, err := f.GetCellStyle(sheet, "A1")
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if style.Font == nil || !style.Font.Bold || style.Fill.Pattern != 1 || len(style.Fill.Color) == 0 {
		t.Errorf("header style = %+v, want bold with a fill", style)
	}

	panes, err := f.GetPanes(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want header row frozen", panes)
	}

	tables, err := f.GetTables(sheet)
	if err != nil {
		t.Fatal(err)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(schema.Columns))
	wantRange := fmt.Sprintf("A1:%s%d", lastCol, len(figs)+1)
	if len(tables) != 1 || tables[0].Range != wantRange {
		t.Errorf("tables = %+v, want one autofilter table over %s", tables, wantRange)
	}

	widths := map[string]float64{}
	for i, c := range schema.Columns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if widths[c], err = f.GetColWidth(sheet, name); err != nil {
			t.Fatal(err)
		}
	}
	if widths["sentence"] < 60 || widths["value"] > 16 || widths["start"] > widths["value"] {
		t.Errorf("column widths = %v", widths)
	}

	// Number formats: integers without a trailing point, fractions with theirs.
	for _, tt := range []struct {
		cell, format string
	}{
		{"C2", "#,##0"},            // 4000000
		{"C4", "#,##0.##########"}, // 0.25
		{"E4", "#,##0.##########"}, // 3.5
		{"L4", "#,##0"},            // start 1234567
	} {
		id, _ := f.GetCellStyle(sheet, tt.cell)
		s, err := f.GetStyle(id)
		if err != nil || s.CustomNumFmt == nil || *s.CustomNumFmt != tt.format {
			t.Errorf("%s number format = %+v (%v), want %q", tt.cell, s, err, tt.format)
		}
	}
	shown := map[string]string{"C2": "4,000,000", "C4": "0.25", "E4": "3.5", "C3": "-5", "D3": "-7.5", "L4": "1,234,567"}
	for cell, want := range shown {
		if got, _ := f.GetCellValue(sheet, cell); got != want {
			t.Errorf("%s shows %q, want %q", cell, got, want)
		}
	}
	// Text cells carry the "@" format, so editing "=..." by hand keeps it text.
	id, _ = f.GetCellStyle(sheet, "H3")
	if s, _ := f.GetStyle(id); s == nil || s.NumFmt != numFmtText {
		t.Errorf("text cell style = %+v, want NumFmt %d", s, numFmtText)
	}
}

func TestXLSXHostile(t *testing.T) {
	long := strings.Repeat("a", 40000)
	// An emoji straddling the limit must not be split into half a pair.
	emoji := strings.Repeat("b", maxCellChars-utf16Len(truncatedMarker)-1) + "😀" + strings.Repeat("c", 20)
	figs := []schema.Figure{{
		Object:   "=SUM(A1:A2)",
		Text:     "a\x00b\x01c\x1Fd\uFFFEe\uFFFFf\xed\xa0\x80g\xffh",
		Sentence: long,
		Title:    emoji,
		URL:      "=HYPERLINK(\"http://evil\")",
		Category: "_x0041_",
		Rule:     "tab\tlf\ncr\r",
	}}
	b := writeXLSX(t, figs, 0)
	checkXMLWellFormed(t, b)
	f := openXLSX(t, b)
	rows := sheetCells(t, f, "Figures") // also fails on any formula
	row := rows[1]
	checks := map[string]string{
		"object":   "=SUM(A1:A2)",
		"text":     "abcdefgh",
		"url":      "=HYPERLINK(\"http://evil\")",
		"category": "_x0041_",
		"rule":     "tab\tlf\ncr\r",
	}
	for c, want := range checks {
		if got := row[col(c)]; got != want {
			t.Errorf("%s = %q, want %q", c, got, want)
		}
	}
	for _, c := range []string{"sentence", "title"} {
		got := row[col(c)]
		if n := utf16Len(got); n > maxCellChars || !strings.HasSuffix(got, truncatedMarker) || !utf8.ValidString(got) {
			t.Errorf("%s: %d UTF-16 units, marker %v, valid %v", c, n, strings.HasSuffix(got, truncatedMarker), utf8.ValidString(got))
		}
	}
	if got := row[col("title")]; strings.Contains(got, "😀") || !strings.HasPrefix(got, "bbb") {
		t.Errorf("title keeps the straddling emoji: ...%q", got[len(got)-20:])
	}
}

// checkXMLWellFormed parses every XML part of the package, as a spreadsheet
// program would before showing anything.
func checkXMLWellFormed(t *testing.T, b []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(rc)
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", zf.Name, err)
			}
			// The one formula a workbook may hold is a Sources link,
			// checked cell by cell in TestWorkbookNoStrayFormulas.
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "f" && strings.HasPrefix(zf.Name, "xl/worksheets/") {
				var body string
				if err := dec.DecodeElement(&body, &se); err != nil || !strings.HasPrefix(body, `HYPERLINK("http`) {
					t.Errorf("%s holds a formula element %q", zf.Name, body)
				}
			}
		}
		rc.Close()
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "4 million", "4 million"},
		{"keeps tab lf cr", "a\tb\nc\rd", "a\tb\nc\rd"},
		{"nul and controls", "a\x00b\x08c\x0Bd\x1Fe", "abcde"},
		{"keeps C1 and DEL", "a\x7Fb\u0085c", "a\x7Fb\u0085c"},
		{"nonchars", "a\uFFFEb\uFFFFc", "abc"},
		{"keeps FFFD", "a\uFFFDb", "a\uFFFDb"},
		{"invalid utf8", "a\xffb\xc0c", "abc"},
		{"lone surrogate bytes", "a\xed\xa0\x80b\xed\xbf\xbfc", "abc"},
		{"astral", "📈€", "📈€"},
		{"empty", "", ""},
		{"exactly the limit", strings.Repeat("x", maxCellChars), strings.Repeat("x", maxCellChars)},
		{"one over", strings.Repeat("x", maxCellChars+1), strings.Repeat("x", maxCellChars-utf16Len(truncatedMarker)) + truncatedMarker},
		{"limit in pairs", strings.Repeat("😀", maxCellChars/2), strings.Repeat("😀", maxCellChars/2)},
		{"controls do not count", strings.Repeat("x", maxCellChars) + "\x00\x01", strings.Repeat("x", maxCellChars)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cleanText(tt.in)
			if got != tt.want {
				t.Errorf("cleanText = %.40q (len %d), want %.40q (len %d)", got, len(got), tt.want, len(tt.want))
			}
			if utf16Len(got) > maxCellChars {
				t.Errorf("%d UTF-16 units, over the limit", utf16Len(got))
			}
		})
	}
}

// TestXLSXOverflow exercises the row limit with a 5-row sheet: header and 4
// figures a sheet, each further sheet with its own header, table and panes.
func TestXLSXOverflow(t *testing.T) {
	figs := manyFigures(10)
	f := openXLSX(t, writeXLSX(t, figs, 5))
	wantSheets := []string{"Figures", "Figures (2)", "Figures (3)"}
	if got, want := f.GetSheetList(), []string{"Summary", "Facts", "Figures", "Figures (2)", "Figures (3)", "Sources", "About"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	wantRows := []int{5, 5, 3}
	next := 0
	for i, sheet := range wantSheets {
		rows := sheetCells(t, f, sheet)
		if len(rows) != wantRows[i] {
			t.Fatalf("%s: %d rows, want %d", sheet, len(rows), wantRows[i])
		}
		if !slices.Equal(rows[0], schema.Columns) {
			t.Errorf("%s header = %q", sheet, rows[0])
		}
		for _, row := range rows[1:] {
			want := figs[next].Cells()
			for c, name := range schema.Columns {
				if !sameCell(name, row[c], want[c]) {
					t.Errorf("%s figure %d %s = %q, want %q", sheet, next, name, row[c], want[c])
				}
			}
			next++
		}
		if tables, _ := f.GetTables(sheet); len(tables) != 1 {
			t.Errorf("%s: %d tables, want 1", sheet, len(tables))
		}
		if panes, _ := f.GetPanes(sheet); !panes.Freeze {
			t.Errorf("%s: header not frozen", sheet)
		}
	}
	if next != len(figs) {
		t.Errorf("read %d figures back, want %d", next, len(figs))
	}
}

func TestXLSXExactlyFull(t *testing.T) {
	// 4 figures fill a 5-row sheet; no empty second sheet may follow.
	f := openXLSX(t, writeXLSX(t, manyFigures(4), 5))
	if got := f.GetSheetList(); !slices.Equal(got, workbookSheets) {
		t.Errorf("sheets = %q, want %q", got, workbookSheets)
	}
}

func TestXLSXEmpty(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, nil, 0))
	rows := sheetCells(t, f, "Figures")
	if len(rows) != 1 || !slices.Equal(rows[0], schema.Columns) {
		t.Errorf("rows = %q, want only the header", rows)
	}
	if tables, _ := f.GetTables("Figures"); len(tables) != 1 {
		t.Errorf("%d tables, want 1", len(tables))
	}
}

func TestXLSXNonFinite(t *testing.T) {
	figs := []schema.Figure{{Value: math.Inf(1), Low: schema.Float(math.NaN())}}
	b := writeXLSX(t, figs, 0)
	checkXMLWellFormed(t, b)
	f := openXLSX(t, b)
	if v, _ := f.GetCellValue("Figures", "C2"); v != "+Inf" {
		t.Errorf("value = %q, want the text +Inf", v)
	}
}
