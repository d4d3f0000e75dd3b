package main

import (
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/extract/pipeline"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

func newExtractCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Extract figures from articles (files, directories, feeds, or - for stdin)",
		Long: `Extract reads articles and writes one row per figure they state.

PATH is a file, a directory (walked recursively) or - for standard input.
Plain text, HTML, JSON Lines, JSON arrays and CSV are read by extension,
also gzipped. Without -o the figures go to standard output as CSV.

Every flag can also be set as an environment variable: --jobs is TALLY_JOBS,
--log-format is TALLY_LOG_FORMAT.

Exit codes: 0 all inputs read and the output written; 1 some inputs failed
but the output holds all the others (when none could be read, nothing is
written), or the output was updated but a file committed after it (facts,
tolls, state) was not; 2 nothing was done (usage, config or output error, a
file locked by another run, or interrupted).`,
		Example: `  tally extract articles/ -o figures.xlsx
  tally extract feed.jsonl.gz --facts facts.csv --tolls tolls.csv -o figures.csv
  cat story.txt | tally extract - --format jsonl`,
		Args: needArgs(1, "no PATH given"),
	}
	formats := output.Builtin()
	tables := output.OrList(formats.Exts(output.HoldsTables))
	f := cmd.Flags()
	f.StringP("output", "o", "", "output file; its extension picks the format ("+strings.Join(formats.Exts(nil), ", ")+")")
	f.String("format", "", "output format: "+formats.Names(nil)+" (overrides the extension)")
	f.String("facts", "", "also write the figures merged across sources into facts, to this "+tables+" file")
	f.String("tolls", "", "also write one row per document and casualty category (killed, injured, displaced...) to this "+tables+" file")
	f.String("config", "", "rules file to use instead of the embedded config.yaml")
	f.Bool("include-comments", false, "also report figures in reader comments below the article's end, marked section=comments")
	f.Bool("bom", false, "start CSV output with a UTF-8 byte order mark (for Excel on Windows)")
	f.Bool("raw", false, "do not neutralise CSV cells that a spreadsheet would run as formulas")
	f.StringSlice("include", nil, "in directories, read only files matching these globs")
	f.StringSlice("exclude", nil, "in directories, skip files matching these globs")
	f.String("input-format", "", "format of standard input or of files whose extension does not say: txt, html, jsonl, json or csv")
	f.IntP("jobs", "j", 0, "documents extracted at once (default: one per CPU); the output is the same for any value")
	f.String("state", "", "remember processed documents in this file and skip them on later runs")
	f.Bool("append", false, "add to an existing output instead of replacing it: CSV and JSON Lines grow in place, a workbook or Parquet file is rewritten with its earlier rows first, a SQLite database is added to in one transaction")
	f.Bool("reprocess", false, "extract every document again whatever --state remembers, and rewrite the output instead of appending to it")
	f.String("shard", "", "process only shard i of n (i/n, 1-based) of the documents, chosen by content hash")
	f.Bool("quiet", false, "print only errors")
	f.String("log-format", "text", "how messages on stderr look: text or json")
	for _, name := range []string{"id", "url", "title", "published", "text", "outlet"} {
		f.StringSlice(name+"-field", nil, "record field(s) holding the "+name+" in JSON, JSON Lines and CSV inputs")
	}
	cmd.RunE = func(cmd *cobra.Command, paths []string) error {
		v, err := settings(cmd.Flags())
		if err != nil {
			return err
		}
		job, err := newJob(v, paths)
		if err != nil {
			return err
		}
		sum, err := pipeline.Run(cmd.Context(), job, pipeline.Streams{In: s.in, Out: s.out, Err: s.err})
		if err == nil && sum.Failed > 0 {
			return &partialError{failed: sum.Failed}
		}
		return err
	}
	return cmd
}

// newJob resolves the flags into a job, reporting bad settings and rules
// before any input is read.
func newJob(v *viper.Viper, paths []string) (pipeline.Job, error) {
	job := pipeline.Job{
		Inputs: paths,
		Input: input.Options{
			Include: v.GetStringSlice("include"),
			Exclude: v.GetStringSlice("exclude"),
			Format:  v.GetString("input-format"),
			Fields: input.FieldMap{
				ID:        v.GetStringSlice("id-field"),
				URL:       v.GetStringSlice("url-field"),
				Title:     v.GetStringSlice("title-field"),
				Published: v.GetStringSlice("published-field"),
				Text:      v.GetStringSlice("text-field"),
				Outlet:    v.GetStringSlice("outlet-field"),
			},
		},
		Output: v.GetString("output"), Format: v.GetString("format"),
		BOM: v.GetBool("bom"), Raw: v.GetBool("raw"),
		Append: v.GetBool("append"), Reprocess: v.GetBool("reprocess"),
		State: v.GetString("state"), Facts: v.GetString("facts"), Tolls: v.GetString("tolls"),
		Jobs:  v.GetInt("jobs"),
		Quiet: v.GetBool("quiet"), LogFormat: v.GetString("log-format"), Progress: true,
		About: schema.Run{
			Version: versionString(), ConfigPath: v.GetString("config"),
			CommandLine: strings.Join(append([]string{"tally"}, os.Args[1:]...), " "),
		},
	}
	if err := job.Check(); err != nil {
		return job, err
	}
	var err error
	if job.Shard, err = batch.ParseShard(v.GetString("shard")); err != nil {
		return job, err
	}
	rules, err := loadRules(v.GetString("config"))
	if err != nil {
		return job, err
	}
	job.RulesHash = rules.hash
	job.Extractor, err = rules.extractor(extract.Options{IncludeComments: v.GetBool("include-comments")})
	return job, err
}
