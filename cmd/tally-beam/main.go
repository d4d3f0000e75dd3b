// Command tally-beam runs tally's extraction as an Apache Beam pipeline, so
// that a corpus too large for one machine is read on a cluster: Flink,
// Spark or Google Cloud Dataflow, chosen by flags, or Prism on this
// machine. It reads what tally extract reads (files, directories, globs;
// text, HTML, JSON Lines, JSON, CSV, gzipped or not) with the same input
// and extract packages, and writes tally's columns as CSV or JSON Lines
// shards, with the documents' casualty tolls in shards of their own.
//
//	tally-beam --output out/figures testdata/articles
//	tally-beam --runner=flink --endpoint=localhost:8099 --environment_type=LOOPBACK --output /shared/out/figures '/shared/feeds/*.jsonl.gz'
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

func main() {
	f := defineFlags(flag.CommandLine)
	flag.Usage = func() { usage(flag.CommandLine) }
	flag.Parse()
	if !*f.verbose {
		// Beam and the Prism runner log every stage at info level.
		log.LogLevel = "warn"
	}
	// In a worker process started by a runner, Init runs the worker and
	// does not return.
	beam.Init()
	os.Exit(run(context.Background(), f, flag.Args(), os.Stderr))
}

// flags are tally-beam's own flags; Beam's (--runner, --endpoint,
// --environment_type, --worker_binary, --project...) sit beside them on
// the same flag set, because Beam reads them from there.
type flags struct {
	output, format, config, inputFormat, include, exclude *string
	shards                                                *int
	includeComments, raw, verbose                         *bool
}

func defineFlags(fs *flag.FlagSet) *flags {
	return &flags{
		output:          fs.String("output", "", "shard prefix: writes figures to PREFIX-00000-of-0000N.csv (or .jsonl), tolls to PREFIX-tolls-00000-of-0000N.csv, input errors to PREFIX-errors-00000-of-00001.txt (required)"),
		format:          fs.String("format", "csv", "output format: csv or jsonl"),
		shards:          fs.Int("shards", 1, "number of output files; a document's rows are all in one"),
		config:          fs.String("config", "", "rules file to use instead of the embedded config.yaml (read here, sent to the workers)"),
		inputFormat:     fs.String("input-format", "", "format of files whose extension does not say: txt, html, jsonl, json or csv"),
		include:         fs.String("include", "", "in directories, read only files matching these comma-separated globs"),
		exclude:         fs.String("exclude", "", "in directories, skip files matching these comma-separated globs"),
		includeComments: fs.Bool("include-comments", false, "also report figures in reader comments below the article's end"),
		raw:             fs.Bool("raw", false, "do not neutralise CSV cells that a spreadsheet would run as formulas"),
		verbose:         fs.Bool("verbose", false, "show Beam's and the runner's info logs"),
	}
}

func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprintln(w, `Usage: tally-beam [flags] PATH...

PATH is a file, a directory (walked as tally extract walks it) or a glob
('feeds/*.jsonl.gz'); paths must be readable by every worker. The runner is
Prism, in this process, unless --runner says otherwise (flink, spark,
dataflow). Exit codes: 0 all read, 1 some inputs failed (listed in the
errors file), 2 nothing done.

Flags:`)
	fs.PrintDefaults()
}

// run checks the flags, builds the pipeline and runs it to the end,
// printing a summary line.
func run(ctx context.Context, f *flags, paths []string, stderr io.Writer) int {
	st, err := resolve(f, paths)
	if err != nil {
		fmt.Fprintln(stderr, "tally-beam:", err)
		return 2
	}
	p, err := buildPipeline(st)
	if err != nil {
		fmt.Fprintln(stderr, "tally-beam:", err)
		return 2
	}
	defer useOwnTempDir()()
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintln(stderr, "tally-beam: pipeline failed:", err)
		return 2
	}
	if res == nil {
		fmt.Fprintf(stderr, "tally-beam: submitted; output will be in %s-*\n", st.Output)
		return 0
	}
	c := counters(res)
	fmt.Fprintf(stderr, "tally-beam: %d files, %d documents, %d figures, %d input errors in %.1fs; output %s\n",
		c["files"], c["documents"], c["figures"], c["input_errors"], time.Since(start).Seconds(),
		shardName(st.Output, 0, st.Shards, "."+st.Format))
	if c["input_errors"] > 0 {
		fmt.Fprintf(stderr, "tally-beam: the input errors are listed in %s\n", shardName(st.Output+"-errors", 0, 1, ".txt"))
		return 1
	}
	return 0
}

// useOwnTempDir points TMPDIR at a new directory for the run and returns
// what removes it and restores TMPDIR. Beam leaves an empty temp file
// behind on every loopback run (the stand-in for a worker binary it does
// not use, beam#27569), which a nightly job would pile up.
func useOwnTempDir() (restore func()) {
	tmp, err := os.MkdirTemp("", "tally-beam-")
	if err != nil {
		return func() {}
	}
	was, set := os.LookupEnv("TMPDIR")
	os.Setenv("TMPDIR", tmp)
	return func() {
		if set {
			os.Setenv("TMPDIR", was)
		} else {
			os.Unsetenv("TMPDIR")
		}
		os.RemoveAll(tmp)
	}
}

// resolve turns the flags into settings, reading the rules file and
// compiling it once here so that a bad one stops the run before any
// worker starts.
func resolve(f *flags, paths []string) (settings, error) {
	st := settings{
		Paths: paths, Output: *f.output, Format: *f.format, Shards: *f.shards,
		IncludeComments: *f.includeComments, Raw: *f.raw,
		Input: inputSettings{Include: splitList(*f.include), Exclude: splitList(*f.exclude), Format: *f.inputFormat},
	}
	switch {
	case len(paths) == 0:
		return st, errors.New("no input: give files, directories or globs")
	case st.Output == "":
		return st, errors.New("--output PREFIX is required")
	case st.Format != "csv" && st.Format != "jsonl":
		return st, fmt.Errorf("--format %q: use csv or jsonl", st.Format)
	case st.Shards < 1:
		return st, fmt.Errorf("--shards %d: need at least 1", st.Shards)
	}
	for _, p := range paths {
		if p == "-" {
			return st, errors.New("standard input cannot be spread over workers; use tally extract for '-'")
		}
	}
	if *f.config != "" {
		data, err := os.ReadFile(*f.config)
		if err != nil {
			return st, fmt.Errorf("config: %w", err)
		}
		st.Rules = data
	}
	if _, err := compileRules(*f.config, st.Rules, st.IncludeComments); err != nil {
		return st, err
	}
	return st, nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// counters sums the run's counters by name (each step reports its own).
func counters(res beam.PipelineResult) map[string]int64 {
	sums := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "tally" {
			sums[c.Name()] += c.Result()
		}
	}
	return sums
}
