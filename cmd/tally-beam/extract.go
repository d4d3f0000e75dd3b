package main

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// extracted is one document's figures: the element its figure rows and its
// tolls are made from (see pipeline.go).
type extracted struct {
	Source  string
	Figures []schema.Figure
}

var figuresFound = beam.NewCounter("tally", "figures")

// extractFn runs tally's extractor on each document. The rules travel
// inside the DoFn as bytes, so workers need no rules file of their own;
// they are compiled once per DoFn instance, in Setup.
type extractFn struct {
	// Rules is a rules file's content; empty means the embedded config.yaml.
	Rules           []byte
	IncludeComments bool

	e *extract.Extractor
}

func (fn *extractFn) Setup() error {
	e, err := compileRules("rules", fn.Rules, fn.IncludeComments)
	fn.e = e
	return err
}

func (fn *extractFn) ProcessElement(ctx context.Context, doc extract.Document, emit func(extracted)) {
	figs := fn.e.Extract(doc)
	figuresFound.Inc(ctx, int64(len(figs)))
	emit(extracted{Source: doc.Source, Figures: figs})
}

// compileRules decodes a rules file (the embedded one when data is empty)
// with extract.DecodeConfig, as tally does, and compiles it; name is how
// errors name the file. The launcher calls this once before submitting, so
// a bad file stops the run there, with its line and column, rather than on
// every worker.
func compileRules(name string, data []byte, includeComments bool) (*extract.Extractor, error) {
	if len(data) == 0 {
		name, data = "config.yaml (embedded)", tally.DefaultConfig
	}
	cfg, err := extract.DecodeConfig(name, data)
	if err != nil {
		return nil, err
	}
	return extract.New(cfg, extract.Options{IncludeComments: includeComments})
}
