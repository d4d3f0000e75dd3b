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

// writeTable writes records whose csv and json tags are columns, in order.
func writeTable[T any](w io.Writer, what, format string, records []T, columns []string, numeric map[string]bool, opts Options) error {
	out := bufio.NewWriter(w)
	var err error
	switch format {
	case "csv":
		err = writeTableCSV(out, records, columns, numeric, opts)
	case "jsonl":
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		for i := range records {
			if err = enc.Encode(&records[i]); err != nil {
				err = fmt.Errorf("record %d: %w", i+1, err)
				break
			}
		}
	default:
		return fmt.Errorf("output: %s: unknown format %q (want csv or jsonl)", what, format)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		return fmt.Errorf("output: %s: %s: %w", what, format, err)
	}
	return nil
}

func writeTableCSV[T any](out *bufio.Writer, records []T, columns []string, numeric map[string]bool, opts Options) error {
	header, err := gocsvHeader([]T{})
	if err != nil {
		return err
	}
	// As for figures, neutralisation goes by column position.
	if !slices.Equal(header, columns) {
		return fmt.Errorf("gocsv columns %q differ from the schema's %q", header, columns)
	}
	if opts.BOM && !opts.Append {
		if _, err := out.WriteString(utf8BOM); err != nil {
			return fmt.Errorf("write byte order mark: %w", err)
		}
	}
	rows := &csvRows{cw: csv.NewWriter(out), raw: opts.Raw, text: textColumns(columns, numeric)}
	if !opts.Append {
		if err := rows.cw.Write(columns); err != nil {
			return fmt.Errorf("write header: %w", err)
		}
	}
	if len(records) > 0 {
		if err := gocsv.MarshalCSVWithoutHeaders(records, rows); err != nil {
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
