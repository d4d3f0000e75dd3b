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
	out := bufio.NewWriter(w)
	var err error
	switch format {
	case "csv":
		err = writeFactsCSV(out, facts, opts)
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for i := range facts {
			if err = enc.Encode(&facts[i]); err != nil {
				err = fmt.Errorf("fact %d: %w", i+1, err)
				break
			}
		}
	default:
		return fmt.Errorf("output: facts: unknown format %q (want csv or jsonl)", format)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("output: facts: %s: %w", format, err)
	}
	return nil
}

func writeFactsCSV(out *bufio.Writer, facts []schema.Fact, opts Options) error {
	header, err := gocsvHeader([]schema.Fact{})
	if err != nil {
		return err
	}
	// As for figures, neutralisation goes by column position.
	if !slices.Equal(header, schema.FactColumns) {
		return fmt.Errorf("gocsv columns %q differ from schema.FactColumns %q", header, schema.FactColumns)
	}
	if opts.BOM && !opts.Append {
		if _, err := out.WriteString(utf8BOM); err != nil {
			return fmt.Errorf("write byte order mark: %w", err)
		}
	}
	rows := &csvRows{cw: csv.NewWriter(out), raw: opts.Raw, text: textColumns(schema.FactColumns, schema.FactNumericColumns)}
	if !opts.Append {
		if err := rows.cw.Write(schema.FactColumns); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	if len(facts) > 0 {
		if err := gocsv.MarshalCSVWithoutHeaders(facts, rows); err != nil {
			return err
		}
	}
	rows.cw.Flush()
	return rows.cw.Error()
}

// mergeInput cuts a figure down to the fields facts.Merge reads, for
// writers that merge their figures at Close (XLSX, SQLite). The text
// fields are cloned: they may be slices of the whole article (Published of
// its date line), which would otherwise all stay in memory until Close.
// Source, Unit and Category are shared by every figure of a document or
// come from the rules.
func mergeInput(f *schema.Figure) schema.Figure {
	return schema.Figure{
		Source: f.Source, Published: strings.Clone(f.Published), Value: f.Value, Unit: f.Unit,
		Object: strings.Clone(f.Object), Category: f.Category, Section: f.Section,
		Attribution: strings.Clone(f.Attribution), EventDate: strings.Clone(f.EventDate),
		Location: strings.Clone(f.Location),
	}
}
