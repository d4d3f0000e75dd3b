package main

import (
	"bytes"
	"fmt"

	"github.com/tally-news/tally/extract/tolls"
	"github.com/tally-news/tally/output"
)

// tollsFn sums one document's figures into its casualty tolls (package
// extract/tolls, as tally extract --tolls does) and encodes them as rows
// keyed by shard, the same shard as the document's figures.
type tollsFn struct {
	Rules  []byte // as extractFn's
	Format string
	Raw    bool
	Shards int

	rules *tolls.Rules
}

func (fn *tollsFn) Setup() error {
	// The toll rules are compiled with the rest of the rules file.
	e, err := compileRules("rules", fn.Rules, false)
	if err != nil {
		return err
	}
	fn.rules = e.Tolls()
	return nil
}

func (fn *tollsFn) ProcessElement(x extracted, emit func(int, string)) error {
	found := fn.rules.Of(x.Figures)
	if len(found) == 0 {
		return nil
	}
	var rows bytes.Buffer
	// Append: rows only, the header is the shard file's.
	if err := output.WriteTolls(&rows, fn.Format, found, output.Options{Raw: fn.Raw, Append: true}); err != nil {
		return fmt.Errorf("%s: %w", x.Source, err)
	}
	emit(shardOf(x.Source, fn.Shards), rows.String())
	return nil
}

// tollsHeader is what a tolls file of format starts with.
func tollsHeader(format string, raw bool) (string, error) {
	var buf bytes.Buffer
	err := output.WriteTolls(&buf, format, nil, output.Options{Raw: raw})
	return buf.String(), err
}
