package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/gocarina/gocsv"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// WriteFacts writes merged facts (see package extract/facts) to w as "csv"
// or "jsonl", in the order given. CSV starts with the schema.FactColumns
// header and honours opts.BOM, opts.Raw and opts.Append as figures do;
// JSON Lines keys follow the same order. It does not close w.
func WriteFacts(w io.Writer, format string, merged []schema.Fact, opts Options) error {
	return builtin.WriteFacts(w, format, merged, opts)
}

// WriteTolls writes per-document tolls (see package extract/tolls) as
// WriteFacts writes facts, with the schema.TollColumns header.
func WriteTolls(w io.Writer, format string, tolls []schema.Toll, opts Options) error {
	return builtin.WriteTolls(w, format, tolls, opts)
}

// WriteFacts is WriteFacts in a format of the table fs, which may hold
// formats added outside this package.
func (fs Formats) WriteFacts(w io.Writer, format string, merged []schema.Fact, opts Options) error {
	return writeTable(fs, w, "facts", format, merged, (*schema.Fact).Cells, schema.FactColumns, schema.FactNumericColumns, opts)
}

// WriteTolls is WriteTolls in a format of the table fs.
func (fs Formats) WriteTolls(w io.Writer, format string, tolls []schema.Toll, opts Options) error {
	return writeTable(fs, w, "tolls", format, tolls, (*schema.Toll).Cells, schema.TollColumns, schema.TollNumericColumns, opts)
}

// SideTable is a table written beside the output (--facts, --tolls), as a
// format's Table function receives it: its columns and its rows.
type SideTable struct {
	// What names the table in messages: "facts", "tolls".
	What    string
	Columns []string
	// Numeric marks the columns whose cells are numbers.
	Numeric map[string]bool
	// Len is the number of rows.
	Len int
	// Record returns a pointer to the i-th record, a struct whose csv and
	// json tags are the columns (for encoders that read tags).
	Record func(i int) any
	// Cells returns the i-th row's cells, in the order of Columns.
	Cells func(i int) []string

	// records is the slice of records and empty an empty slice of the
	// same type, for gocsv and its header.
	records, empty any
}

// writeTable writes records in a format of fs that holds side tables.
func writeTable[T any](fs Formats, w io.Writer, what, format string, records []T, cells func(*T) []string, columns []string, numeric map[string]bool, opts Options) error {
	f, _ := fs.Lookup(format)
	if f.Table == nil {
		return fmt.Errorf("output: %s: unknown format %q (want %s)", what, format, fs.Names(HoldsTables))
	}
	out := bufio.NewWriter(w)
	t := SideTable{
		What: what, Columns: columns, Numeric: numeric, Len: len(records),
		Record:  func(i int) any { return &records[i] },
		Cells:   func(i int) []string { return cells(&records[i]) },
		records: records, empty: []T{},
	}
	err := f.Table(out, t, opts)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("output: %s: %s: %w", what, format, err)
	}
	return nil
}

func writeTableJSONL(out *bufio.Writer, t SideTable, _ Options) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for i := range t.Len {
		if err := enc.Encode(t.Record(i)); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	return nil
}

func writeTableCSV(out *bufio.Writer, t SideTable, opts Options) error {
	header, err := gocsvHeader(t.empty)
	if err != nil {
		return err
	}
	// As for figures, neutralisation goes by column position.
	if !slices.Equal(header, t.Columns) {
		return fmt.Errorf("gocsv columns %q differ from the schema's %q", header, t.Columns)
	}
	if opts.BOM && !opts.Append {
		if _, err := out.WriteString(utf8BOM); err != nil {
			return fmt.Errorf("write byte order mark: %w", err)
		}
	}
	rows := &csvRows{cw: csv.NewWriter(out), raw: opts.Raw, text: textColumns(t.Columns, t.Numeric)}
	if !opts.Append {
		if err := rows.cw.Write(t.Columns); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	if t.Len > 0 {
		if err := gocsv.MarshalCSVWithoutHeaders(t.records, rows); err != nil {
			return err
		}
	}
	rows.cw.Flush()
	return rows.cw.Error()
}

// FactsWriter is implemented by writers that show the figures merged into
// facts (Format.Facts: the workbook's Facts sheet and Summary). The caller
// keeps the figures it writes in a FactFigures, replayed ones included,
// and before Close calls SetFacts with facts.Merge and facts.Totals of
// them: the writer shows them and merges nothing itself.
type FactsWriter interface {
	SetFacts(merged []schema.Fact, totals []facts.Total)
}

// FactFigures keeps, of each article figure, the few fields facts.Merge
// reads (see mergeInput), for a FactsWriter.
type FactFigures struct {
	figs []schema.Figure
	// lastSentence is the latest sentence cloned into figs.
	lastSentence string
}

// Add keeps f if it is an article figure.
func (c *FactFigures) Add(f *schema.Figure) {
	if f.Section == "article" {
		c.figs = append(c.figs, mergeInput(f, c.sentence))
	}
}

// Figures returns the figures kept, in the order they were added.
func (c *FactFigures) Figures() []schema.Figure { return c.figs }

// sentence clones a figure's sentence, once for the figures of one
// sentence, which come one after another.
func (c *FactFigures) sentence(s string) string {
	if s != c.lastSentence {
		c.lastSentence = strings.Clone(s)
	}
	return c.lastSentence
}

// mergeInput cuts a figure down to the fields facts.Merge reads, for
// FactFigures and the SQLite writer's merge at Close. The text
// fields are cloned: they may be slices of the whole article (Published of
// its date line), which would otherwise all stay in memory until Close.
// Source, Unit and Category are shared by every figure of a document or
// come from the rules. sentence keeps the sentence: a writer may share one
// copy among the figures of a sentence.
func mergeInput(f *schema.Figure, sentence func(string) string) schema.Figure {
	return schema.Figure{
		Source: f.Source, Published: strings.Clone(f.Published), Value: f.Value, Unit: f.Unit,
		Object: strings.Clone(f.Object), Category: f.Category, Section: f.Section,
		Attribution: strings.Clone(f.Attribution), EventDate: strings.Clone(f.EventDate),
		Location: strings.Clone(f.Location), Scope: f.Scope,
		Low: f.Low, High: f.High, Qualifier: f.Qualifier, Rule: f.Rule,
		Start: f.Start, Sentence: sentence(f.Sentence),
	}
}
