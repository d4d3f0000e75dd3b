package output

// The small sheets written cell by cell at Close: Summary, with its chart
// (excelize draws charts only on normal sheets), and About.

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// Summary layout: the category table from column A, the totals table
// from column F, one header row frozen above both, the chart below them
// (so the sheet prints on one landscape page).
const (
	summaryCategoryCol = 1 // A
	summaryTotalsCol   = 6 // F
	noCategory         = "(none)"
	countUnit          = "(count)"
)

var (
	summaryCategoryColumns = []string{"category", "figures", "sources", "facts"}
	summaryTotalsColumns   = []string{"category", "unit", "figures", "facts", "total"}
)

// plainSheet writes a normal (not streamed) sheet with the look of the
// streamed ones.
type plainSheet struct {
	book *workbook
	name string
}

// row writes cells from column col of row; kinds says how each is stored.
func (p plainSheet) row(col, row int, cells []string, kinds []cellKind) error {
	f, st := p.book.file, p.book.styles
	for i, s := range cells {
		ref, err := excelize.CoordinatesToCellName(col+i, row)
		if err != nil {
			return err
		}
		style := st.text
		switch v := cellValue(s, kinds[i], st).(type) {
		case nil:
			continue
		case float64:
			style = st.integer
			err = f.SetCellFloat(p.name, ref, v, -1, 64)
		case excelize.Cell: // a fraction; links are not written here
			style = v.StyleID
			err = f.SetCellValue(p.name, ref, v.Value)
		case bool:
			style = 0
			err = f.SetCellBool(p.name, ref, v)
		case string:
			err = f.SetCellStr(p.name, ref, v)
		default:
			err = fmt.Errorf("unexpected cell %T", v)
		}
		if err == nil && style != 0 {
			err = f.SetCellStyle(p.name, ref, ref, style)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %s: %w", p.name, ref, err)
		}
	}
	return nil
}

// table writes a header and rows at column col from row 1, as an Excel
// table (for its filter buttons) named name, with columns sized to fit.
// kinds(r) says how the cells of rows[r] are stored.
func (p plainSheet) table(name string, col int, columns []string, rows [][]string, kinds func(r int) []cellKind) error {
	f, st := p.book.file, p.book.styles
	// Widths count numbers with their separators when the first row has
	// numbers there; About mixes kinds in one column, where text is wider.
	t := table{columns: columns, kinds: make([]cellKind, len(columns)), widths: make([]float64, len(columns))}
	if len(rows) > 0 {
		copy(t.kinds, kinds(0))
	}
	t.fitWidths(func(yield func([]string) bool) {
		for _, r := range rows {
			if !yield(r) {
				return
			}
		}
	})
	for i, w := range t.widths {
		c, _ := excelize.ColumnNumberToName(col + i)
		if err := f.SetColWidth(p.name, c, c, w); err != nil {
			return fmt.Errorf("sheet %q: column %s width: %w", p.name, c, err)
		}
	}
	header := make([]cellKind, len(columns))
	if err := p.row(col, 1, columns, header); err != nil {
		return err
	}
	first, _ := excelize.CoordinatesToCellName(col, 1)
	last, _ := excelize.CoordinatesToCellName(col+len(columns)-1, 1)
	if err := f.SetCellStyle(p.name, first, last, st.header); err != nil {
		return fmt.Errorf("sheet %q: header style: %w", p.name, err)
	}
	for r, cells := range rows {
		if err := p.row(col, r+2, cells, kinds(r)); err != nil {
			return err
		}
	}
	last, _ = excelize.CoordinatesToCellName(col+len(columns)-1, max(len(rows)+1, 2))
	noStripes := false
	if err := f.AddTable(p.name, &excelize.Table{Range: first + ":" + last, Name: name, ShowRowStripes: &noStripes}); err != nil {
		return fmt.Errorf("sheet %q: autofilter: %w", p.name, err)
	}
	return nil
}

// freezeHeader keeps row 1 in view.
func (p plainSheet) freezeHeader() error {
	err := p.book.file.SetPanes(p.name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return fmt.Errorf("sheet %q: freeze header: %w", p.name, err)
	}
	return nil
}

func (x *xlsxWriter) writeSummary(merged []schema.Fact, totals []facts.Total) error {
	p := plainSheet{book: x.book, name: summarySheet}
	factsIn := map[string]int{}
	for i := range merged {
		factsIn[merged[i].Category]++
	}
	names := x.categoryRows()
	catRows := make([][]string, len(names))
	for i, name := range names {
		c := x.cats[name]
		catRows[i] = []string{
			categoryLabel(name), strconv.Itoa(c.figures), strconv.Itoa(len(c.sources)), strconv.Itoa(factsIn[name]),
		}
	}
	num, text := kindNumber, kindText
	catKinds := []cellKind{text, num, num, num}
	if err := p.table("ByCategory", summaryCategoryCol, summaryCategoryColumns, catRows,
		func(int) []cellKind { return catKinds }); err != nil {
		return err
	}

	totalRows := make([][]string, len(totals))
	for i, t := range totals {
		unit := t.Unit
		if unit == "" {
			unit = countUnit
		}
		total := ""
		if !math.IsNaN(t.Sum) {
			total = schema.FormatNumber(t.Sum)
		}
		totalRows[i] = []string{categoryLabel(t.Category), unit, strconv.Itoa(t.Figures), strconv.Itoa(t.Facts), total}
	}
	totalKinds := []cellKind{text, text, num, num, num}
	if err := p.table("TotalsByUnit", summaryTotalsCol, summaryTotalsColumns, totalRows,
		func(int) []cellKind { return totalKinds }); err != nil {
		return err
	}
	gap, _ := excelize.ColumnNumberToName(summaryTotalsCol - 1)
	if err := x.book.file.SetColWidth(summarySheet, gap, gap, 3); err != nil {
		return fmt.Errorf("sheet %q: %w", summarySheet, err)
	}
	if err := p.freezeHeader(); err != nil {
		return err
	}
	if err := x.book.printSetup(summarySheet, 1); err != nil {
		return err
	}
	if len(names) == 0 {
		return nil // nothing to draw
	}
	// A bar chart draws its first category at the bottom; reversing the
	// axis puts it at the top, as in the table.
	last := strconv.Itoa(len(names) + 1)
	below := "A" + strconv.Itoa(max(len(names), len(totals))+3)
	oneColour := false
	err := x.book.file.AddChart(summarySheet, below, &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       summarySheet + "!$B$1",
			Categories: summarySheet + "!$A$2:$A$" + last,
			Values:     summarySheet + "!$B$2:$B$" + last,
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Figures by category"}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: &oneColour,
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		// Dark labels: the default grey is unreadable once printed.
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Size: 10, Color: "#1D1D1F"}},
		YAxis:     excelize.ChartAxis{Font: excelize.Font{Size: 9, Color: "#1D1D1F"}},
		Dimension: excelize.ChartDimension{Width: 640, Height: uint(max(260, 120+22*len(names)))},
	})
	if err != nil {
		return fmt.Errorf("sheet %q: chart: %w", summarySheet, err)
	}
	return nil
}

// aboutRow is one line of the About sheet: a number or a text.
type aboutRow struct {
	item, value string
	number      bool
}

func (x *xlsxWriter) aboutRows(nFacts int) []aboutRow {
	var rows []aboutRow
	text := func(item, value string) { rows = append(rows, aboutRow{item: item, value: value}) }
	count := func(item string, n int) {
		rows = append(rows, aboutRow{item: item, value: strconv.Itoa(n), number: true})
	}
	if r := x.opts.Run; r != nil {
		text("tally version", r.Version)
		config := r.ConfigPath
		if config == "" {
			config = "(built-in rules)"
		}
		text("rules file", config)
		text("rules SHA-256", r.ConfigHash)
		text("command line", r.CommandLine)
		text("started", formatTime(r.Started))
		text("finished", formatTime(r.Finished))
		if !r.Started.IsZero() && !r.Finished.IsZero() {
			rows = append(rows, aboutRow{item: "run time (seconds)", value: schema.FormatNumber(r.Finished.Sub(r.Started).Round(time.Millisecond).Seconds()), number: true})
		}
		count("inputs", r.Inputs)
		count("documents read", r.Documents)
		count("figures found", r.Figures)
		count("errors", r.Errors)
	}
	count("documents in this workbook", len(x.docs))
	count("figures in this workbook", x.nFigs)
	count("facts in this workbook", nFacts)
	return rows
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func (x *xlsxWriter) writeAbout(nFacts int) error {
	if err := x.book.addSheet(aboutSheet); err != nil {
		return fmt.Errorf("sheet %q: %w", aboutSheet, err)
	}
	p := plainSheet{book: x.book, name: aboutSheet}
	about := x.aboutRows(nFacts)
	rows := make([][]string, len(about))
	for i, r := range about {
		rows[i] = []string{r.item, r.value}
	}
	textRow, numberRow := []cellKind{kindText, kindText}, []cellKind{kindText, kindNumber}
	err := p.table("RunInfo", 1, []string{"item", "value"}, rows, func(r int) []cellKind {
		if about[r].number {
			return numberRow
		}
		return textRow
	})
	if err != nil {
		return err
	}
	if err := x.book.printSetup(aboutSheet, 0); err != nil {
		return err
	}
	return p.freezeHeader()
}
