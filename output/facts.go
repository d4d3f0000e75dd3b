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

	"github.com/tally-news/tally/schema"
)

// WriteFacts writes merged facts (see package extract/facts) to w as "csv"
// or "jsonl", in the order given. CSV starts with the schema.FactColumns
// header and honours opts.BOM, opts.Raw and opts.Append as figures do;
// JSON Lines keys follow the same order. It does not close w.
func WriteFacts(w io.Writer, format string, facts []schema.Fact, opts Options) error {
	return writeTable(w, "facts", format, facts, schema.FactColumns, schema.FactNumericColumns, opts)
}

// WriteTolls writes per-document tolls (see package extract/tolls) as
// WriteFacts writes facts, with the schema.TollColumns header.
func WriteTolls(w io.Writer, format string, tolls []schema.Toll, opts Options) error {
	return writeTable(w, "tolls", format, tolls, schema.TollColumns, schema.TollNumericColumns, opts)
}

// sideTable is a table written beside the output (facts, tolls): records
// whose csv and json tags are columns, in order.
type sideTable struct {
	what    string // "facts", "tolls", for messages
	records any    // the slice of records, for gocsv
	empty   any    // an empty slice of the same type, for gocsv's header
	n       int
	at      func(i int) any // a pointer to the i-th record
	columns []string
	numeric map[string]bool
}

// writeTable writes records in a format that holds side tables.
func writeTable[T any](w io.Writer, what, format string, records []T, columns []string, numeric map[string]bool, opts Options) error {
	f, _ := builtin.Lookup(format)
	if f.table == nil {
		return fmt.Errorf("output: %s: unknown format %q (want %s)", what, format, builtin.Names(HoldsTables))
	}
	out := bufio.NewWriter(w)
	t := sideTable{what: what, records: records, empty: []T{}, n: len(records), at: func(i int) any { return &records[i] }, columns: columns, numeric: numeric}
	err := f.table(out, t, opts)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("output: %s: %s: %w", what, format, err)
	}
	return nil
}

func writeTableJSONL(out *bufio.Writer, t sideTable, _ Options) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for i := range t.n {
		if err := enc.Encode(t.at(i)); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	return nil
}

func writeTableCSV(out *bufio.Writer, t sideTable, opts Options) error {
	header, err := gocsvHeader(t.empty)
	if err != nil {
		return err
	}
	// As for figures, neutralisation goes by column position.
	if !slices.Equal(header, t.columns) {
		return fmt.Errorf("gocsv columns %q differ from the schema's %q", header, t.columns)
	}
	if opts.BOM && !opts.Append {
		if _, err := out.WriteString(utf8BOM); err != nil {
			return fmt.Errorf("write byte order mark: %w", err)
		}
	}
	rows := &csvRows{cw: csv.NewWriter(out), raw: opts.Raw, text: textColumns(t.columns, t.numeric)}
	if !opts.Append {
		if err := rows.cw.Write(t.columns); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	if t.n > 0 {
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
// and before Close calls SetFacts with facts.Merge of them and the figures
// themselves, which the Summary's totals read.
type FactsWriter interface {
	SetFacts(merged []schema.Fact, figs []schema.Figure)
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
