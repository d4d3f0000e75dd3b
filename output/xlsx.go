package output

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// Sheet names, in workbook order. Past Excel's row limit a table goes on
// "Figures (2)", "Figures (3)"...: those follow Figures; overflow sheets of
// Facts (more than a million distinct facts) follow them, before Sources.
const (
	summarySheet = "Summary"
	tollsSheet   = "Tolls"
	factsSheet   = "Facts"
	figuresSheet = "Figures"
	sourcesSheet = "Sources"
	aboutSheet   = "About"
)

// xlsxWriter streams figures into a workbook and writes it out on Close:
//
//	Summary  counts by category, totals by category and unit, a chart
//	Tolls    one row per document and casualty category (package
//	         extract/tolls), when the options give toll rules
//	Facts    the figures merged across articles (package extract/facts)
//	Figures  every figure, as CSV has them (streamed)
//	Sources  one row per document (streamed)
//	About    the run: version, rules, command line, times, counts
//
// Sheets appear in the order they are created. Summary and Facts are only
// known at Close but come first, so they are added empty in newXLSX and
// filled at Close: only streamed sheets are frozen by their Flush.
//
// The facts and totals of the figures are given by the caller (SetFacts):
// the writer keeps running counts for the Summary and Sources.
type xlsxWriter struct {
	out     io.Writer
	opts    Options
	book    *workbook
	figures *tableStream

	docs  []docStats     // Sources rows, in the order documents came
	docAt map[string]int // Source -> latest row for it in docs
	cats  map[string]*categoryStats
	tolls *tollCollector
	// facts and totals are given by SetFacts.
	facts  []schema.Fact
	totals []facts.Total
	nFigs  int
	closed bool
}

// docStats is a Sources row with the figures counted for it.
type docStats struct {
	src schema.Source
}

// categoryStats is a Summary row.
type categoryStats struct {
	figures int
	sources map[string]bool
}

func newXLSX(w io.Writer, opts Options) (*xlsxWriter, error) {
	book, err := newWorkbook()
	if err != nil {
		return nil, fmt.Errorf("output: xlsx: %w", err)
	}
	reserved := []string{summarySheet, factsSheet}
	if opts.Tolls != nil {
		reserved = []string{summarySheet, tollsSheet, factsSheet}
	}
	for _, name := range reserved {
		if err := book.addSheet(name); err != nil {
			_ = book.file.Close()
			return nil, fmt.Errorf("output: xlsx: sheet %q: %w", name, err)
		}
	}
	return &xlsxWriter{
		out:     w,
		opts:    opts,
		book:    book,
		figures: book.stream(newTable(figuresSheet, schema.Columns, schema.NumericColumns)),
		docAt:   map[string]int{},
		cats:    map[string]*categoryStats{},
		tolls:   newTollCollector(opts.Tolls),
	}, nil
}

// WriteDocument adds a row to the Sources sheet. Figures written after it
// with the same Source are counted on that row; figures whose Source no
// document announced get a row of their own, made from the figure.
func (x *xlsxWriter) WriteDocument(src schema.Source, _ string) error {
	if x.closed {
		return errors.New("output: xlsx: write after close")
	}
	src.Figures = 0 // counted as figures arrive, so the sheets agree
	x.docAt[src.Source] = len(x.docs)
	x.docs = append(x.docs, docStats{src: src})
	return nil
}

// Write appends one figure as a row of the Figures sheet.
func (x *xlsxWriter) Write(f *schema.Figure) error {
	if x.closed {
		return errors.New("output: xlsx: write after close")
	}
	if f == nil {
		return errors.New("output: xlsx: nil figure")
	}
	if err := x.figures.writeRow(f.Cells()); err != nil {
		return fmt.Errorf("output: xlsx: %w", err)
	}
	x.count(f)
	x.tolls.add(f)
	return nil
}

func (x *xlsxWriter) count(f *schema.Figure) {
	x.nFigs++
	i, ok := x.docAt[f.Source]
	if !ok {
		i = len(x.docs)
		x.docAt[f.Source] = i
		x.docs = append(x.docs, docStats{src: schema.Source{
			Source: f.Source, DocID: f.DocID, Title: f.Title, Outlet: f.Outlet,
			Published: strings.Clone(f.Published), URL: f.URL,
		}})
	}
	x.docs[i].src.Figures++

	c := x.cats[f.Category]
	if c == nil {
		c = &categoryStats{sources: map[string]bool{}}
		x.cats[f.Category] = c
	}
	c.figures++
	c.sources[f.Source] = true
}

// SetFacts gives the Facts sheet and the Summary the facts merged from
// the figures written and their totals (see FactsWriter).
func (x *xlsxWriter) SetFacts(merged []schema.Fact, totals []facts.Total) {
	x.facts, x.totals = merged, totals
}

// Close finishes the sheets and writes the workbook; it does not close the
// underlying writer. It always removes excelize's temporary files.
func (x *xlsxWriter) Close() error {
	if x.closed {
		return nil
	}
	x.closed = true
	err := x.finish()
	if err == nil {
		_, err = x.book.file.WriteTo(x.out)
	}
	if cerr := x.book.file.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("remove temporary files: %w", cerr))
	}
	if err != nil {
		return fmt.Errorf("output: xlsx: %w", err)
	}
	return nil
}

// Abort drops the workbook unwritten and removes excelize's temporary
// files, which a killed run would otherwise leave in the temp directory.
func (x *xlsxWriter) Abort() error {
	if x.closed {
		return nil
	}
	x.closed = true
	return x.book.file.Close()
}

func (x *xlsxWriter) finish() error {
	if err := x.figures.close(); err != nil {
		return err
	}
	merged, totals := x.facts, x.totals
	if x.tolls != nil {
		all := x.tolls.all()
		if err := x.writeTolls(all); err != nil {
			return err
		}
		facts.WithTolls(totals, x.opts.Tolls.Categories, all)
	}
	if err := x.writeFacts(merged); err != nil {
		return err
	}
	if err := x.writeSummary(merged, totals); err != nil {
		return err
	}
	x.facts, x.totals = nil, nil
	if err := x.writeSources(); err != nil {
		return err
	}
	if err := x.writeAbout(len(merged)); err != nil {
		return err
	}
	// Summary, the first sheet, is the one that opens: excelize's default.
	// SetActiveSheet would say so explicitly but parses every worksheet
	// back into memory, streamed Figures included.
	return nil
}

func (x *xlsxWriter) writeFacts(merged []schema.Fact) error {
	t := newTable(factsSheet, schema.FactColumns, schema.FactNumericColumns)
	for c := range schema.FactBoolColumns {
		t.setKind(c, kindBool)
	}
	return x.writeReserved(t, rowsOf(merged, (*schema.Fact).Cells))
}

func (x *xlsxWriter) writeTolls(all []schema.Toll) error {
	t := newTable(tollsSheet, schema.TollColumns, schema.TollNumericColumns)
	for c := range schema.TollBoolColumns {
		t.setKind(c, kindBool)
	}
	return x.writeReserved(t, rowsOf(all, (*schema.Toll).Cells))
}

// writeReserved fills a sheet added empty in newXLSX, known only at Close.
func (x *xlsxWriter) writeReserved(t table, rows iter.Seq[[]string]) error {
	t.fitWidths(rows)
	ts := x.book.streamReserved(t)
	for cells := range rows {
		if err := ts.writeRow(cells); err != nil {
			return err
		}
	}
	return ts.close()
}

// rowsOf yields the cells of each record.
func rowsOf[T any](records []T, cells func(*T) []string) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		for i := range records {
			if !yield(cells(&records[i])) {
				return
			}
		}
	}
}

func (x *xlsxWriter) writeSources() error {
	t := newTable(sourcesSheet, schema.SourceColumns, schema.SourceNumericColumns)
	t.setKind("url", kindLink)
	t.fitWidths(func(yield func([]string) bool) {
		for i := range x.docs {
			if !yield(x.docs[i].src.Cells()) {
				return
			}
		}
	})
	ts := x.book.stream(t)
	for i := range x.docs {
		if err := ts.writeRow(x.docs[i].src.Cells()); err != nil {
			return err
		}
	}
	return ts.close()
}

// categoryRows returns the Summary's category names, most figures first.
func (x *xlsxWriter) categoryRows() []string {
	names := make([]string, 0, len(x.cats))
	for name := range x.cats {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int {
		if d := x.cats[b].figures - x.cats[a].figures; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return names
}
