package main

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/tally-news/tally/schema"
)

// The pipeline:
//
//	paths, globs ─ listFn ─ Reshuffle ─ readFn ─ Reshuffle ─ extractFn ─┬─ encodeFn ─ writeShards: PREFIX-SSSSS-of-NNNNN.csv
//	                  │                   │                             └─ tollsFn ── writeShards: PREFIX-tolls-SSSSS-of-NNNNN.csv
//	                  └──── input errors ─┴─ errorRow ─ writeShards: PREFIX-errors-00000-of-00001.txt
//
// The first Reshuffle spreads files over workers, the second the documents
// of one large feed. extractFn emits one element per document with its
// figures; what is made per document (rows, tolls) hangs from it.

// settings are the run's flags, resolved and checked.
type settings struct {
	Paths           []string
	Output          string // shard prefix
	Format          string // csv or jsonl
	Shards          int
	Rules           []byte // empty: the embedded config.yaml
	IncludeComments bool
	Raw             bool
	Input           inputSettings
}

// Every DoFn, function and emitter is registered, so that workers started
// from the binary by a portable runner (Flink, Spark, Dataflow, Prism) find
// them by name and call them without reflection.
func init() {
	register.DoFn4x1[context.Context, string, func(string), func(string), error](&listFn{})
	register.DoFn4x1[context.Context, string, func(schema.Document), func(string), error](&readFn{})
	register.DoFn3x0[context.Context, schema.Document, func(extracted)](&extractFn{})
	register.DoFn2x1[extracted, func(int, string), error](&encodeFn{})
	register.DoFn2x1[extracted, func(int, string), error](&tollsFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Function1x2(emptyShard)
	register.Function1x2(errorRow)
	register.Emitter1[string]()
	register.Emitter1[schema.Document]()
	register.Emitter1[extracted]()
	register.Emitter2[int, string]()
	register.Iter1[string]()
}

// buildPipeline lays out the pipeline for st; running it is the caller's.
func buildPipeline(st settings) (*beam.Pipeline, error) {
	header, err := figuresHeader(st.Format, st.Raw)
	if err != nil {
		return nil, err
	}
	tollHeader, err := tollsHeader(st.Format, st.Raw)
	if err != nil {
		return nil, err
	}
	p, s := beam.NewPipelineWithRoot()

	args := beam.CreateList(s, st.Paths)
	files, listErrors := beam.ParDo2(s, &listFn{Input: st.Input}, args)
	files = beam.Reshuffle(s, files)
	docs, readErrors := beam.ParDo2(s, &readFn{Input: st.Input}, files)
	docs = beam.Reshuffle(s, docs)
	found := beam.ParDo(s, &extractFn{Rules: st.Rules, IncludeComments: st.IncludeComments}, docs)

	rows := beam.ParDo(s, &encodeFn{Format: st.Format, Raw: st.Raw, Shards: st.Shards}, found)
	writeShards(s.Scope("Figures"), rows, st.Output, "."+st.Format, header, st.Shards)

	tollRows := beam.ParDo(s, &tollsFn{Rules: st.Rules, Format: st.Format, Raw: st.Raw, Shards: st.Shards}, found)
	writeShards(s.Scope("Tolls"), tollRows, st.Output+"-tolls", "."+st.Format, tollHeader, st.Shards)

	errs := beam.Flatten(s, listErrors, readErrors)
	writeShards(s.Scope("Errors"), beam.ParDo(s, errorRow, errs), st.Output+"-errors", ".txt", "", 1)
	return p, nil
}

// errorRow puts an input error on its own line of the one errors file.
func errorRow(msg string) (int, string) { return 0, msg + "\n" }
