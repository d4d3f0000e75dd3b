package output

// Building blocks for XLSX data sheets, kept apart from the Figures writer so
// later sheets (Summary, Facts, Sources, About) reuse the same header style,
// widths, cell conversion and row-limit overflow.

import (
	"fmt"
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

const (
	// maxSheetRows is Excel's row limit per worksheet, header included.
	// tableStream reads it through its maxRows field so tests can shrink it.
	maxSheetRows = excelize.TotalRows

	// maxCellChars is Excel's limit on one cell, in UTF-16 code units.
	maxCellChars = excelize.TotalCellChars

	// truncatedMarker ends a cell cut to maxCellChars, so a reader sees that
	// text is missing instead of trusting a silently shortened sentence.
	truncatedMarker = "…[truncated]"

	// numFmtText is Excel's built-in "@" format: a text cell edited by hand
	// stays text instead of turning "=..." into a formula.
	numFmtText = 49

	headerFill = "#DDEBF7"

	// maxLinkChars is the longest URL a HYPERLINK() formula takes: Excel
	// limits a string in a formula to 255 characters.
	maxLinkChars = 255
)

// cellKind is how a column's cells are stored.
type cellKind uint8

const (
	kindText   cellKind = iota
	kindNumber          // numbers as numbers; text that is no number stays text
	kindBool            // "true" and "false" as Excel booleans
	kindLink            // an http(s) URL as a HYPERLINK() formula, else text
)

// sheetStyles are the cell styles every data sheet shares.
type sheetStyles struct {
	header   int
	text     int
	link     int // text, blue and underlined
	integer  int // "#,##0": 4,000,000 without a dangling decimal point
	fraction int // "#,##0.##########": 0.25 and 3.5 keep their decimals
}

func newSheetStyles(f *excelize.File) (sheetStyles, error) {
	var s sheetStyles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Border:    []excelize.Border{{Type: "bottom", Color: "#8EA9DB", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "center"},
		NumFmt:    numFmtText,
	}); err != nil {
		return s, fmt.Errorf("header style: %w", err)
	}
	if s.text, err = f.NewStyle(&excelize.Style{NumFmt: numFmtText}); err != nil {
		return s, fmt.Errorf("text style: %w", err)
	}
	if s.link, err = f.NewStyle(&excelize.Style{
		NumFmt: numFmtText,
		Font:   &excelize.Font{Color: "#0563C1", Underline: "single"},
	}); err != nil {
		return s, fmt.Errorf("link style: %w", err)
	}
	integer, fraction := "#,##0", "#,##0.##########"
	if s.integer, err = f.NewStyle(&excelize.Style{CustomNumFmt: &integer}); err != nil {
		return s, fmt.Errorf("integer style: %w", err)
	}
	if s.fraction, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fraction}); err != nil {
		return s, fmt.Errorf("fraction style: %w", err)
	}
	return s, nil
}

// table describes a family of data sheets: one header, typed columns.
type table struct {
	name    string // sheet name; overflow sheets are "name (2)", "name (3)"...
	columns []string
	kinds   []cellKind
	widths  []float64
}

// newTable describes a table whose numeric columns hold numbers and all
// others text; setKind changes a column.
func newTable(name string, columns []string, numeric map[string]bool) table {
	t := table{name: name, columns: columns, kinds: make([]cellKind, len(columns)), widths: make([]float64, len(columns))}
	for i, c := range columns {
		if numeric[c] {
			t.kinds[i] = kindNumber
		}
		t.widths[i] = columnWidth(c, numeric[c])
	}
	return t
}

// setKind stores the cells of column name as kind.
func (t *table) setKind(name string, kind cellKind) {
	for i, c := range t.columns {
		if c == name {
			t.kinds[i] = kind
		}
	}
}

// fitWidths sizes each column to its longest cell, header included, within
// bounds that keep prose readable without a sheet a mile wide. For tables
// whose rows are all known before the sheet is written.
func (t *table) fitWidths(rows iter.Seq[[]string]) {
	for i, c := range t.columns {
		t.widths[i] = float64(utf8.RuneCountInString(c))
	}
	for cells := range rows {
		for i, c := range cells {
			if i < len(t.widths) {
				t.widths[i] = max(t.widths[i], displayWidth(c, t.kinds[i]))
			}
		}
	}
	for i := range t.widths {
		t.widths[i] = min(max(t.widths[i]+2, 8), 60)
	}
}

// displayWidth estimates how many characters a cell shows: numbers gain
// thousands separators; a multi-line cell is as wide as its longest line.
func displayWidth(s string, kind cellKind) float64 {
	if kind == kindNumber {
		n := len(s)
		if dot := strings.IndexByte(s, '.'); dot >= 0 {
			n += (dot - 1) / 3
		} else {
			n += (n - 1) / 3
		}
		return float64(n)
	}
	w := 0
	for line := range strings.Lines(s) {
		w = max(w, utf8.RuneCountInString(strings.TrimRight(line, "\r\n")))
		if w > 100 {
			break
		}
	}
	return float64(w)
}

// columnWidth guesses a readable width, in characters, from a column's name:
// prose wide, numbers and codes narrow.
func columnWidth(name string, numeric bool) float64 {
	switch name {
	case "sentence":
		return 80
	case "object", "title", "url", "attribution", "location":
		return 32
	case "text", "source", "outlet":
		return 20
	case "start", "end":
		return 9
	}
	if numeric {
		return 14
	}
	return 13
}

// sheetName is the name of part n (from 1) of a table.
func (t table) sheetName(part int) string {
	if part == 1 {
		return t.name
	}
	return fmt.Sprintf("%s (%d)", t.name, part)
}

// tableName is the Excel table (autofilter) name for part n; table names may
// not contain spaces and must be unique in the workbook.
func (t table) tableName(part int) string {
	if part == 1 {
		return t.name
	}
	return t.name + "_" + strconv.Itoa(part)
}

// workbook creates sheets in the order they appear in the file.
type workbook struct {
	file   *excelize.File
	styles sheetStyles
	sheets int
}

func newWorkbook() (*workbook, error) {
	f := excelize.NewFile()
	styles, err := newSheetStyles(f)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return &workbook{file: f, styles: styles}, nil
}

// addSheet appends a sheet. The first takes over excelize's default
// "Sheet1", so no empty sheet is left behind.
func (b *workbook) addSheet(name string) error {
	b.sheets++
	if b.sheets == 1 {
		return b.file.SetSheetName(b.file.GetSheetName(0), name)
	}
	_, err := b.file.NewSheet(name)
	return err
}

// printSetup makes a sheet print landscape, as wide as one page and
// pagesHigh pages high (0: as many as it takes), with its header row
// repeated on every page. A streamed sheet takes it only before its
// StreamWriter is made, which copies the sheet's settings.
func (b *workbook) printSetup(sheet string, pagesHigh int) error {
	fit, landscape, wide := true, "landscape", 1
	if err := b.file.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("sheet %q: fit to page: %w", sheet, err)
	}
	if err := b.file.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Orientation: &landscape, FitToWidth: &wide, FitToHeight: &pagesHigh,
	}); err != nil {
		return fmt.Errorf("sheet %q: page layout: %w", sheet, err)
	}
	err := b.file.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(sheet) + "!$1:$1", Scope: sheet,
	})
	if err != nil {
		return fmt.Errorf("sheet %q: print titles: %w", sheet, err)
	}
	return nil
}

// quoteSheet writes a sheet name as formulas refer to it: "'Figures (2)'".
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// stream starts a tableStream on this workbook; no sheet exists until the
// first row or close.
func (b *workbook) stream(t table) *tableStream {
	return &tableStream{book: b, table: t, maxRows: maxSheetRows, vals: make([]any, len(t.columns))}
}

// streamReserved starts a tableStream whose first sheet was already added
// (with addSheet), so that it keeps its place in the sheet order although
// its rows are only known at the end.
func (b *workbook) streamReserved(t table) *tableStream {
	ts := b.stream(t)
	ts.reserved = true
	return ts
}

// tableStream writes the rows of one table through excelize's StreamWriter,
// starting a new sheet with its own header when one is full.
type tableStream struct {
	book    *workbook
	table   table
	maxRows int // rows per sheet including the header; maxSheetRows but in tests
	part    int // current sheet, from 1; 0 before the first
	sw      *excelize.StreamWriter
	row     int   // last row written on the current sheet
	vals    []any // reused for every row: SetRow does not keep it
	// reserved: the first sheet exists already (see streamReserved).
	reserved bool
}

// writeRow appends one row of cells in table column order.
func (t *tableStream) writeRow(cells []string) error {
	if len(cells) != len(t.table.columns) {
		return fmt.Errorf("sheet %q: row has %d cells, want %d", t.table.name, len(cells), len(t.table.columns))
	}
	if t.sw == nil || t.row >= t.maxRows {
		if err := t.endSheet(); err != nil {
			return err
		}
		if err := t.startSheet(); err != nil {
			return err
		}
	}
	for i, c := range cells {
		t.vals[i] = cellValue(c, t.table.kinds[i], t.book.styles)
	}
	return t.setRow()
}

// close finishes the last sheet; a table with no rows still gets a sheet
// with its header, so the workbook always says what it would hold.
func (t *tableStream) close() error {
	if t.sw == nil {
		if err := t.startSheet(); err != nil {
			return err
		}
	}
	return t.endSheet()
}

func (t *tableStream) startSheet() error {
	t.part++
	name := t.table.sheetName(t.part)
	if t.part > 1 || !t.reserved {
		if err := t.book.addSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	if err := t.book.printSetup(name, 0); err != nil {
		return err
	}
	sw, err := t.book.file.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("sheet %q: %w", name, err)
	}
	// Panes, widths and column styles must precede the first SetRow.
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("sheet %q: freeze header: %w", name, err)
	}
	for i, w := range t.table.widths {
		style := t.book.styles.columnStyle(t.table.kinds[i])
		// The column style is what excelize gives cells without their own,
		// so text cells cost no per-cell style.
		if err := sw.SetColStyle(i+1, i+1, style); err != nil {
			return fmt.Errorf("sheet %q: column %d style: %w", name, i+1, err)
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fmt.Errorf("sheet %q: column %d width: %w", name, i+1, err)
		}
	}
	t.sw, t.row = sw, 0
	for i, c := range t.table.columns {
		t.vals[i] = excelize.Cell{StyleID: t.book.styles.header, Value: cleanText(c)}
	}
	return t.setRow()
}

func (t *tableStream) setRow() error {
	t.row++
	cell, err := excelize.CoordinatesToCellName(1, t.row)
	if err == nil {
		err = t.sw.SetRow(cell, t.vals)
	}
	if err != nil {
		return fmt.Errorf("sheet %q: row %d: %w", t.table.sheetName(t.part), t.row, err)
	}
	return nil
}

// endSheet adds the autofilter and flushes the current sheet. The stream
// writer has no autofilter call, so the rows become an Excel table, which
// carries one; it must be added before Flush, which drops later writes.
func (t *tableStream) endSheet() error {
	if t.sw == nil {
		return nil
	}
	name := t.table.sheetName(t.part)
	last, err := excelize.CoordinatesToCellName(len(t.table.columns), max(t.row, 2))
	if err != nil {
		return fmt.Errorf("sheet %q: %w", name, err)
	}
	noStripes := false
	if err := t.sw.AddTable(&excelize.Table{
		Range: "A1:" + last, Name: t.table.tableName(t.part), ShowRowStripes: &noStripes,
	}); err != nil {
		return fmt.Errorf("sheet %q: autofilter: %w", name, err)
	}
	if err := t.sw.Flush(); err != nil {
		return fmt.Errorf("sheet %q: flush: %w", name, err)
	}
	t.sw = nil
	return nil
}

// columnStyle is the style a column of kind gives cells without their own.
func (s sheetStyles) columnStyle(kind cellKind) int {
	switch kind {
	case kindNumber:
		return s.integer
	case kindBool:
		return 0
	}
	return s.text
}

// cellValue converts one cell for SetRow: nil for empty, a number for a
// numeric column, a boolean for a boolean one, a HYPERLINK() formula for a
// web address in a link column, otherwise an inline string. No other cell
// is ever a formula.
func cellValue(s string, kind cellKind, st sheetStyles) any {
	if s == "" {
		return nil
	}
	switch kind {
	case kindNumber:
		v, err := strconv.ParseFloat(s, 64)
		// NaN and Inf have no XLSX number form; as text the workbook still opens.
		if err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			if v != math.Trunc(v) {
				return excelize.Cell{StyleID: st.fraction, Value: v}
			}
			return v
		}
	case kindBool:
		if b, err := strconv.ParseBool(s); err == nil {
			return b
		}
	case kindLink:
		if f, ok := hyperlinkFormula(s); ok {
			return excelize.Cell{StyleID: st.link, Formula: f, Value: s}
		}
	}
	return cleanText(s)
}

// hyperlinkFormula returns a HYPERLINK() formula that opens url and shows
// it, for an absolute http or https URL that fits in a formula string. A
// URL from an article is untrusted: other schemes (javascript:, file:) are
// refused, and quotes are doubled, which is all a formula string literal
// escapes, so the URL cannot end the string and add formula text.
func hyperlinkFormula(url string) (string, bool) {
	lower := strings.ToLower(url)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") || len(lower) <= len("https://") {
		return "", false
	}
	if !utf8.ValidString(url) {
		return "", false
	}
	for _, r := range url {
		if r < 0x20 || r == 0x7F || r == '\u2028' || r == '\u2029' || !xmlChar(r) {
			return "", false
		}
	}
	quoted := strings.ReplaceAll(url, `"`, `""`)
	if utf16Len(quoted) > maxLinkChars {
		return "", false
	}
	return `HYPERLINK("` + quoted + `","` + quoted + `")`, true
}

// cleanText makes s storable in a cell: characters XML 1.0 forbids (control
// characters but tab, LF and CR; U+FFFE, U+FFFF; invalid UTF-8, which is
// where lone surrogates end up) would make the workbook unreadable, and
// Excel refuses cells over maxCellChars.
func cleanText(s string) string {
	// Bytes never undercount UTF-16 units, so short valid text is kept as is.
	if len(s) <= maxCellChars && xmlSafe(s) {
		return s
	}
	budget := maxCellChars - utf16Len(truncatedMarker)
	b := make([]byte, 0, min(len(s), 4*maxCellChars))
	units, keep := 0, -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			continue
		}
		n := 1
		if r >= 0x10000 {
			n = 2 // a surrogate pair in Excel's count
		}
		if keep < 0 && units+n > budget {
			keep = len(b)
		}
		if units += n; units > maxCellChars {
			return string(b[:keep]) + truncatedMarker
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

func xmlSafe(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

// xmlChar reports whether XML 1.0 allows r (the Char production).
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= utf8.MaxRune)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}
