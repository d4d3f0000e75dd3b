package output

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// testRun is what the CLI would put in Options.Run.
func testRun() *schema.Run {
	start := time.Date(2026, 3, 7, 9, 30, 0, 0, time.UTC)
	return &schema.Run{
		Version: "v0.9.0-test", ConfigPath: "rules/newsroom.yaml", ConfigHash: strings.Repeat("ab", 32),
		CommandLine: `tally extract -o report.xlsx "testdata/report/*.txt"`,
		Started:     start, Finished: start.Add(2500 * time.Millisecond),
		Inputs: 5, Documents: 5, Figures: 17, Errors: 1,
	}
}

// corpusWorkbook writes the report corpus as a workbook and opens it.
func corpusWorkbook(t *testing.T) (*excelize.File, []reportDoc, []byte) {
	t.Helper()
	docs := reportCorpus(t)
	b := writeReport(t, "xlsx", Options{Run: testRun()}, docs)
	return openXLSX(t, b), docs, b
}

// rawRows reads a sheet's cells as stored (numbers unformatted, booleans 1
// and 0), padded to width.
func rawRows(t *testing.T, f *excelize.File, sheet string, width int) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		for len(rows[i]) < width {
			rows[i] = append(rows[i], "")
		}
	}
	return rows
}

func TestWorkbookSheets(t *testing.T) {
	f, docs, _ := corpusWorkbook(t)
	if got := f.GetSheetList(); !slices.Equal(got, workbookSheets) {
		t.Fatalf("sheets = %q, want %q", got, workbookSheets)
	}
	figs := corpusFigures(docs)
	nFacts := len(facts.Merge(figs))
	categories := map[string]bool{}
	for _, fig := range figs {
		categories[fig.Category] = true
	}
	tests := []struct {
		sheet  string
		header []string
		rows   int // header included
	}{
		{"Summary", append(append(slices.Clone(summaryCategoryColumns), ""), summaryTotalsColumns...), max(len(categories), len(facts.Totals(figs))) + 1},
		{"Facts", schema.FactColumns, nFacts + 1},
		{"Figures", schema.Columns, len(figs) + 1},
		{"Sources", schema.SourceColumns, len(docs) + 1},
		{"About", []string{"item", "value"}, len(new(xlsxWriter).aboutRowsFor(testRun())) + 1},
	}
	for _, tt := range tests {
		rows := rawRows(t, f, tt.sheet, len(tt.header))
		if len(rows) != tt.rows {
			t.Errorf("%s: %d rows, want %d", tt.sheet, len(rows), tt.rows)
			continue
		}
		if !slices.Equal(rows[0], tt.header) {
			t.Errorf("%s header = %q, want %q", tt.sheet, rows[0], tt.header)
		}
	}
}

// aboutRowsFor lists the About rows a run gives, for counting.
func (x *xlsxWriter) aboutRowsFor(r *schema.Run) []aboutRow {
	x.opts.Run = r
	return x.aboutRows(0)
}

func TestWorkbookFacts(t *testing.T) {
	f, docs, _ := corpusWorkbook(t)
	want := facts.Merge(corpusFigures(docs))
	rows := rawRows(t, f, "Facts", len(schema.FactColumns))[1:]
	if len(rows) != len(want) {
		t.Fatalf("%d facts, want %d", len(rows), len(want))
	}
	for i, row := range rows {
		cells := want[i].Cells()
		for c, name := range schema.FactColumns {
			w := cells[c]
			switch {
			case name == "disputed":
				w = map[string]string{"true": "1", "false": "0"}[w]
			case schema.FactNumericColumns[name]:
				if g, _ := strconv.ParseFloat(row[c], 64); g != mustFloat(t, w) {
					t.Errorf("fact %d %s = %q, want %s", i+1, name, row[c], w)
				}
				continue
			}
			if row[c] != w {
				t.Errorf("fact %d %s = %q, want %q", i+1, name, row[c], w)
			}
		}
	}

	// The corpus's own story, cell by cell.
	find := func(category, value string) []string {
		for _, row := range rows {
			if row[0] == category && row[1] == value {
				return row
			}
		}
		t.Fatalf("no %s fact of %s in %q", category, value, rows)
		return nil
	}
	col := func(name string) int { return slices.Index(schema.FactColumns, name) }
	mariupol := find("population", "430000")
	if mariupol[col("location")] != "Mariupol" || mariupol[col("sources")] != "2" ||
		mariupol[col("source_list")] != "harbour-wire.txt; northport-gazette.txt" || mariupol[col("disputed")] != "0" {
		t.Errorf("Mariupol fact = %q", mariupol)
	}
	for _, v := range []string{"100000", "120000"} {
		kharkiv := find("displaced", v)
		if kharkiv[col("disputed")] != "1" || kharkiv[col("values")] != "100000 (northport-gazette.txt); 120000 (harbour-wire.txt)" {
			t.Errorf("Kharkiv fact %s = %q, want disputed", v, kharkiv)
		}
	}
	aid := find("aid", "2500000000")
	if aid[col("sources")] != "2" || aid[col("first_published")] != "2026-03-01" || aid[col("last_published")] != "2026-03-04" {
		t.Errorf("aid fact = %q", aid)
	}

	// Numbers are numbers, the flag a boolean, the rest text.
	for r := 2; r <= len(rows)+1; r++ {
		for c, name := range schema.FactColumns {
			ref, _ := excelize.CoordinatesToCellName(c+1, r)
			v, _ := f.GetCellValue("Facts", ref)
			if v == "" {
				continue
			}
			typ, _ := f.GetCellType("Facts", ref)
			want := excelize.CellTypeInlineString
			switch {
			case schema.FactNumericColumns[name]:
				want = excelize.CellTypeUnset
			case name == "disputed":
				want = excelize.CellTypeBool
			}
			if typ != want {
				t.Errorf("Facts!%s (%s) type %v, want %v", ref, name, typ, want)
			}
		}
	}
}

func mustFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestWorkbookSummary(t *testing.T) {
	f, _, b := corpusWorkbook(t)
	rows := rawRows(t, f, "Summary", 10)
	byCategory := map[string][]string{}
	var order []string
	for _, row := range rows[1:] {
		if row[0] != "" {
			byCategory[row[0]] = row[:4]
			order = append(order, row[0])
		}
	}
	// category, figures, sources, facts
	for cat, want := range map[string][]string{
		"killed":         {"killed", "3", "2", "2"},
		"aid":            {"aid", "2", "2", "1"},
		"infrastructure": {"infrastructure", "3", "2", "3"},
		"money":          {"money", "1", "1", "1"},
	} {
		if got := byCategory[cat]; !slices.Equal(got, want) {
			t.Errorf("Summary %s = %q, want %q", cat, got, want)
		}
	}
	if len(order) != 10 || order[0] != "infrastructure" || order[1] != "killed" {
		t.Errorf("category order = %q, want most figures first, ties by name", order)
	}
	// category, unit, figures, facts, total: the repeated $2.5 billion once
	totals := map[string][]string{}
	for _, row := range rows[1:] {
		if row[5] != "" {
			totals[row[5]+"/"+row[6]] = row[5:10]
		}
	}
	for key, want := range map[string][]string{
		"aid/USD":        {"aid", "USD", "2", "1", "2500000000"},
		"killed/(count)": {"killed", "(count)", "3", "2", "15"},
		"other/%":        nil,
	} {
		if got := totals[key]; !slices.Equal(got, want) {
			t.Errorf("Summary totals %s = %q, want %q", key, got, want)
		}
	}
	if tables, _ := f.GetTables("Summary"); len(tables) != 2 {
		t.Errorf("Summary: %d tables, want 2 (categories and totals)", len(tables))
	}

	chart := chartOf(t, b, "Summary")
	for _, want := range []string{
		`<barDir val="bar">`, `<grouping val="clustered">`, `Figures by category`,
		`Summary!$A$2:$A$11`, `Summary!$B$2:$B$11`,
	} {
		if !strings.Contains(chart, want) {
			t.Errorf("Summary chart lacks %s:\n%.600s", want, chart)
		}
	}
}

// chartOf returns the XML of the one chart drawn on sheet, following the
// package's relationships from the workbook to the chart part.
func chartOf(t *testing.T, b []byte, sheet string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		rc, err := zr.Open(name)
		if err != nil {
			t.Fatalf("open %s: %v", name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	type rel struct {
		ID     string `xml:"Id,attr"`
		Target string `xml:"Target,attr"`
		Type   string `xml:"Type,attr"`
	}
	rels := func(part string) []rel {
		var r struct {
			Rels []rel `xml:"Relationship"`
		}
		name := path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
		if err := xml.Unmarshal(read(name), &r); err != nil {
			t.Fatal(err)
		}
		for i := range r.Rels {
			if !strings.HasPrefix(r.Rels[i].Target, "/") {
				r.Rels[i].Target = path.Join(path.Dir(part), r.Rels[i].Target)
			} else {
				r.Rels[i].Target = r.Rels[i].Target[1:]
			}
		}
		return r.Rels
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(read("xl/workbook.xml"), &wb); err != nil {
		t.Fatal(err)
	}
	follow := func(part, suffix string) []string {
		var out []string
		for _, r := range rels(part) {
			if strings.HasSuffix(r.Type, suffix) {
				out = append(out, r.Target)
			}
		}
		return out
	}
	var sheetPart string
	for _, s := range wb.Sheets {
		if s.Name == sheet {
			for _, r := range rels("xl/workbook.xml") {
				if r.ID == s.RID {
					sheetPart = r.Target
				}
			}
		}
	}
	if sheetPart == "" {
		t.Fatalf("no sheet %q in the workbook", sheet)
	}
	drawings := follow(sheetPart, "/drawing")
	if len(drawings) != 1 {
		t.Fatalf("%s (%s) has %d drawings, want 1", sheet, sheetPart, len(drawings))
	}
	charts := follow(drawings[0], "/chart")
	if len(charts) != 1 {
		t.Fatalf("%s drawing has %d charts, want 1", sheet, len(charts))
	}
	return string(read(charts[0]))
}

func TestWorkbookSources(t *testing.T) {
	f, docs, _ := corpusWorkbook(t)
	rows := rawRows(t, f, "Sources", len(schema.SourceColumns))[1:]
	if len(rows) != len(docs) {
		t.Fatalf("%d sources, want %d", len(rows), len(docs))
	}
	for i, d := range docs {
		want := d.src
		want.Figures = len(d.figs)
		if !slices.Equal(rows[i], want.Cells()) {
			t.Errorf("source %d = %q, want %q", i+1, rows[i], want.Cells())
		}
	}
	urlCol := slices.Index(schema.SourceColumns, "url") + 1
	tests := []struct {
		row     int
		formula string // "" for plain text
	}{
		{2, `HYPERLINK("https://northport.example/news/mariupol?id=7&lang=en","https://northport.example/news/mariupol?id=7&lang=en")`},
		{3, `HYPERLINK("https://harbourwire.example/a/""quoted""?x=1","https://harbourwire.example/a/""quoted""?x=1")`},
		{4, ""}, // no URL
		{5, ""}, // failed input
		{6, ""}, // javascript: is never a link
	}
	for _, tt := range tests {
		ref, _ := excelize.CoordinatesToCellName(urlCol, tt.row)
		got, err := f.GetCellFormula("Sources", ref)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.formula {
			t.Errorf("Sources!%s formula = %q, want %q", ref, got, tt.formula)
		}
		if tt.formula == "" {
			continue
		}
		id, _ := f.GetCellStyle("Sources", ref)
		if s, _ := f.GetStyle(id); s == nil || s.Font == nil || s.Font.Underline != "single" {
			t.Errorf("Sources!%s style = %+v, want an underlined link", ref, s)
		}
	}
	if rows[3][7] != "read broken.html: unexpected EOF" {
		t.Errorf("failed input errors = %q", rows[3][7])
	}
}

func TestHyperlinkFormula(t *testing.T) {
	tests := []struct {
		url, want string // want "" when no link
	}{
		{"https://example.com/a", `HYPERLINK("https://example.com/a","https://example.com/a")`},
		{"HTTP://EXAMPLE.COM", `HYPERLINK("HTTP://EXAMPLE.COM","HTTP://EXAMPLE.COM")`},
		{`https://x.example/"&CALL("cmd")&"`, `HYPERLINK("https://x.example/""&CALL(""cmd"")&""","https://x.example/""&CALL(""cmd"")&""")`},
		{"https://例え.jp/パス", `HYPERLINK("https://例え.jp/パス","https://例え.jp/パス")`},
		// no link
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"=HYPERLINK(\"http://evil\")", ""},
		{" https://example.com", ""},
		{"https://", ""},
		{"https://example.com/\nx", ""},
		{"https://example.com/\x00", ""},
		{"https://example.com/\xff", ""},
		{"https://example.com/" + strings.Repeat("a", 240), ""},
		{"https://example.com/" + strings.Repeat(`"`, 120), ""}, // 255 only once doubled
	}
	for _, tt := range tests {
		got, ok := hyperlinkFormula(tt.url)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("hyperlinkFormula(%.40q) = %q, %v; want %q", tt.url, got, ok, tt.want)
		}
	}
}

func TestWorkbookAbout(t *testing.T) {
	f, _, _ := corpusWorkbook(t)
	rows := rawRows(t, f, "About", 2)[1:]
	got := map[string]string{}
	for _, r := range rows {
		got[r[0]] = r[1]
	}
	run := testRun()
	want := map[string]string{
		"tally version":              run.Version,
		"rules file":                 run.ConfigPath,
		"rules SHA-256":              run.ConfigHash,
		"command line":               run.CommandLine,
		"started":                    "2026-03-07T09:30:00Z",
		"finished":                   "2026-03-07T09:30:02Z",
		"run time (seconds)":         "2.5",
		"inputs":                     "5",
		"documents read":             "5",
		"figures found":              "17",
		"errors":                     "1",
		"documents in this workbook": "5",
		"figures in this workbook":   "17",
		"facts in this workbook":     "14",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("About %q = %q, want %q", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("About has %d rows, want %d: %q", len(got), len(want), got)
	}
	// Counts are numbers; the command line is text, whatever it holds.
	for i, r := range rows {
		ref := "B" + strconv.Itoa(i+2)
		typ, _ := f.GetCellType("About", ref)
		_, numErr := strconv.Atoi(r[1])
		isCount := r[0] == "inputs" || strings.HasSuffix(r[0], "workbook") || r[0] == "errors"
		if isCount && (typ != excelize.CellTypeUnset || numErr != nil) {
			t.Errorf("About %s (%s) type %v, want a number", ref, r[0], typ)
		}
		if r[0] == "command line" && typ != excelize.CellTypeSharedString {
			t.Errorf("About %s (%s) type %v, want text", ref, r[0], typ)
		}
	}
}

func TestWorkbookAboutWithoutRun(t *testing.T) {
	f := openXLSX(t, writeReport(t, "xlsx", Options{}, reportCorpus(t)))
	rows := rawRows(t, f, "About", 2)
	want := [][]string{{"item", "value"}, {"documents in this workbook", "5"}, {"figures in this workbook", "17"}, {"facts in this workbook", "14"}}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("About without a run = %q, want %q", rows, want)
	}
}

// TestWorkbookLayout checks every sheet has the look of the Figures sheet:
// a styled header, a frozen header row, filter buttons and fitted widths.
func TestWorkbookLayout(t *testing.T) {
	f, _, _ := corpusWorkbook(t)
	for _, sheet := range workbookSheets {
		id, _ := f.GetCellStyle(sheet, "A1")
		if s, err := f.GetStyle(id); err != nil || s.Font == nil || !s.Font.Bold || s.Fill.Pattern != 1 {
			t.Errorf("%s header style = %+v, want bold with a fill", sheet, s)
		}
		if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes = %+v, want header row frozen", sheet, panes)
		}
		if tables, _ := f.GetTables(sheet); len(tables) == 0 {
			t.Errorf("%s: no table, so no filter buttons", sheet)
		}
	}
	// Fitted widths: wide enough for the longest cell, within bounds.
	for _, tt := range []struct {
		sheet, col string
		min, max   float64
	}{
		{"Facts", "G", 40, 60},   // source_list "harbour-wire.txt; northport-gazette.txt"
		{"Facts", "L", 58, 60},   // values, long: capped
		{"Facts", "B", 10, 16},   // value 2,500,000,000
		{"Sources", "A", 20, 30}, // northport-gazette.txt
		{"Summary", "A", 14, 20}, // infrastructure
		{"About", "B", 60, 60},   // the command line and hash
	} {
		w, err := f.GetColWidth(tt.sheet, tt.col)
		if err != nil || w < tt.min || w > tt.max {
			t.Errorf("%s column %s width = %v (%v), want %v..%v", tt.sheet, tt.col, w, err, tt.min, tt.max)
		}
	}
}

// TestWorkbookNoStrayFormulas walks every cell: the only formulas are the
// Sources links, and hostile text stays text.
func TestWorkbookNoStrayFormulas(t *testing.T) {
	f, _, b := corpusWorkbook(t)
	checkXMLWellFormed(t, b)
	urlCol, _ := excelize.ColumnNumberToName(slices.Index(schema.SourceColumns, "url") + 1)
	formulas := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, ref)
				if formula == "" {
					continue
				}
				formulas++
				if sheet != "Sources" || !strings.HasPrefix(ref, urlCol) || !strings.HasPrefix(formula, `HYPERLINK("https://`) {
					t.Errorf("%s!%s holds formula %q", sheet, ref, formula)
				}
			}
		}
	}
	if formulas != 2 {
		t.Errorf("%d formulas, want the 2 Sources links", formulas)
	}
	if v, _ := f.GetCellValue("Figures", "H18"); v != `=HYPERLINK("http://evil.example")` {
		t.Errorf("Figures!H18 = %q, want the hostile object as text", v)
	}
}

// TestWorkbookWithoutDocuments: a caller that never calls WriteDocument
// still gets a Sources sheet, made from the figures.
func TestWorkbookWithoutDocuments(t *testing.T) {
	docs := reportCorpus(t)
	f := openXLSX(t, writeXLSX(t, corpusFigures(docs), 0))
	rows := rawRows(t, f, "Sources", len(schema.SourceColumns))[1:]
	var want [][]string
	for _, d := range docs {
		if len(d.figs) == 0 {
			continue // a failed input is only known through WriteDocument
		}
		s := d.src
		s.Figures = len(d.figs)
		want = append(want, s.Cells())
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("Sources from figures:\n got %q\nwant %q", rows, want)
	}
}

func TestWorkbookEmpty(t *testing.T) {
	b := writeReport(t, "xlsx", Options{}, nil)
	f := openXLSX(t, b)
	if got := f.GetSheetList(); !slices.Equal(got, workbookSheets) {
		t.Fatalf("sheets = %q, want %q", got, workbookSheets)
	}
	for _, sheet := range []string{"Facts", "Figures", "Sources"} {
		if rows, _ := f.GetRows(sheet); len(rows) != 1 {
			t.Errorf("%s: %d rows, want the header only", sheet, len(rows))
		}
	}
	if charts := strings.Count(string(b), "xl/charts/chart"); charts != 0 {
		t.Errorf("an empty workbook has a chart")
	}
}

func TestDocumentAfterClose(t *testing.T) {
	for _, format := range []string{"xlsx", "html"} {
		w, err := New(format, io.Discard, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := w.(DocumentWriter).WriteDocument(schema.Source{Source: "a.txt"}, "text"); err == nil {
			t.Errorf("%s: WriteDocument after Close succeeded", format)
		}
	}
}
