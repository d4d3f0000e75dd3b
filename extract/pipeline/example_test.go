package pipeline_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/pipeline"
)

// newExtractor compiles the embedded rules, as the command does without
// --config.
func newExtractor() *extract.Extractor {
	var cfg extract.Config
	if err := yaml.Unmarshal(tally.DefaultConfig, &cfg); err != nil {
		panic(err)
	}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		panic(err)
	}
	return e
}

// Run used as a library: a story read from Streams.In ("-"), its figures
// written as CSV to Streams.Out, no command line involved.
func ExampleRun() {
	story := "date 2024-11-07\nAt least 46 people were killed and 3,400 injured when the dam burst, officials said.\n"
	var out, messages bytes.Buffer
	job := pipeline.Job{
		Inputs:    []string{"-"},
		Extractor: newExtractor(),
		Quiet:     true,
	}
	sum, err := pipeline.Run(context.Background(), job, pipeline.Streams{In: strings.NewReader(story), Out: &out, Err: &messages})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d document, %d figures, %d failed\n", sum.Documents, sum.Figures, sum.Failed)
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		panic(err)
	}
	for _, row := range rows { // value, qualifier, object, category, text
		fmt.Println(strings.Join([]string{row[2], row[5], row[7], row[8], row[9]}, " | "))
	}
	// Output:
	// 1 document, 2 figures, 0 failed
	// value | qualifier | object | category | text
	// 46 | min | people | killed | 46
	// 3400 | exact |  | injured | 3,400
}
