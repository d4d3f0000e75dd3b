package pipeline

import (
	"fmt"
	"io"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

// Job is one extraction run with its settings resolved: what tally
// extract's flags say. The zero value of each field is the command's
// default, but Inputs and Extractor must be set.
type Job struct {
	// Inputs are files, directories (walked) and "-" for Streams.In.
	Inputs []string
	// Input says how inputs are read: globs for directory walks, the
	// format of standard input, record fields. Run sets Stdin, Unchanged
	// and Finished.
	Input input.Options
	// Extractor is the compiled rules. RulesHash identifies them: a state
	// file made with other rules is not trusted.
	Extractor *extract.Extractor
	RulesHash string

	// Output is the output file; "" or "-" is Streams.Out.
	Output string
	// Format names the output format; "" picks it by Output's extension,
	// and CSV for Streams.Out.
	Format string
	// Formats is the table of output formats; nil is output.Builtin().
	Formats output.Formats
	// BOM and Raw are output.Options' (CSV files, facts and tolls).
	BOM, Raw bool
	// Append adds to an existing output (see output.AppendMode).
	// Reprocess extracts every document again, whatever State remembers,
	// and rewrites the output instead of appending to it.
	Append, Reprocess bool
	// State is a file remembering the documents processed, skipped on
	// later runs; "" for none.
	State string
	// Facts and Tolls are files written beside the output (.csv or
	// .jsonl): the figures merged across sources, and one row per document
	// and casualty category. "" for none.
	Facts, Tolls string
	// Shard is the part of the documents processed; the zero value is all.
	Shard batch.Shard
	// Jobs is how many documents are extracted at once, and so the cores
	// the run uses; 0 is one per CPU.
	Jobs int

	// Quiet prints only errors. LogFormat is "text" ("" too) or "json".
	// Progress shows a progress bar while the run goes, when Streams.Err is
	// a terminal and the log format is text.
	Quiet     bool
	LogFormat string
	Progress  bool
	// About describes the run for the workbook's About sheet and the
	// page's footer: Version, ConfigPath, CommandLine. Run fills in the
	// rules' hash, times and counts.
	About schema.Run
}

// Streams are the run's standard input (the input "-"), output (when the
// job has no output file) and error (messages).
type Streams struct {
	In       io.Reader
	Out, Err io.Writer
}

// Summary counts what a run did.
type Summary struct {
	// Documents and Figures are the documents extracted (not those the
	// shard or the state skipped) and the figures written.
	Documents, Figures int
	// Failed counts inputs that could not be read. The output holds all
	// the others; when no document could be read, nothing was written.
	Failed int
}

// maxJobs bounds Jobs: each job holds a window of documents, and the
// runtime cannot start a hundred thousand threads.
const maxJobs = 256

// sideFiles name the files written beside the output, as CSV or JSON
// Lines: the merged facts and the per-document tolls.
var sideFiles = []string{"facts", "tolls"}

// sidePath returns the path of a side file, "" when it is not written.
func (j *Job) sidePath(side string) string {
	if side == "facts" {
		return j.Facts
	}
	return j.Tolls
}

// formats returns the job's table of output formats.
func (j *Job) formats() output.Formats {
	if j.Formats == nil {
		return output.Builtin()
	}
	return j.Formats
}

// Check validates the settings that need neither the rules nor a file, so
// a command can report them before compiling its rules; Run checks them
// again.
func (j *Job) Check() error {
	if _, err := newLogger(io.Discard, j.LogFormat, j.Quiet); err != nil {
		return err
	}
	if j.Jobs < 0 || j.Jobs > maxJobs {
		return fmt.Errorf("--jobs %d: use 1 to %d, or 0 for one per CPU", j.Jobs, maxJobs)
	}
	formats := j.formats()
	for _, side := range sideFiles {
		if path := j.sidePath(side); path != "" {
			if f, err := formats.FromPath(path); err != nil || !output.HoldsTables(f) {
				return fmt.Errorf("%s %s: use a %s file", side, path, output.OrList(formats.Exts(output.HoldsTables)))
			}
		}
	}
	return nil
}
