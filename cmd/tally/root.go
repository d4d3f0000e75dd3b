package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/tally-news/tally/output"
)

// Exit codes, documented in the README for cron jobs.
const (
	exitOK      = 0 // everything read and written
	exitPartial = 1 // some inputs failed (the output holds all the others), or the state was not saved after the output
	exitFatal   = 2 // nothing done: usage, config or output error
)

// streams are the command's IO, passed in so tests use buffers.
type streams struct {
	in       io.Reader
	out, err io.Writer
}

// partialError marks a run that wrote its output but skipped bad inputs.
type partialError struct{ failed int }

func (e *partialError) Error() string { return fmt.Sprintf("%d input(s) failed", e.failed) }

// run executes the command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	s := streams{in: stdin, out: stdout, err: stderr}
	root := newRoot(s)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	// Ctrl-C and SIGTERM cancel the run from the start: a run stopped
	// while it loads its rules or waits on a lock ends just as cleanly.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	var partial *partialError
	var commit *output.PartialCommitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &partial):
		return exitPartial
	case errors.As(err, &commit):
		// Not "nothing done": the output changed. A retry with --append
		// would add its documents again; --reprocess rebuilds both.
		fmt.Fprintf(stderr, "tally: %v\ntally: run again with --reprocess to rebuild the output and the state together\n", err)
		return exitPartial
	default:
		fmt.Fprintln(stderr, "tally:", err)
		return exitFatal
	}
}

func newRoot(s streams) *cobra.Command {
	root := &cobra.Command{
		Use:           "tally",
		Short:         "Pull every numeric fact out of news articles",
		SilenceUsage:  true,
		SilenceErrors: true,
		Example: `  tally extract articles/ -o figures.xlsx     every article in a folder, as a workbook
  tally extract feed.jsonl.gz -o figures.csv  a feed, one article per line
  tally text feed.jsonl#12                    the text a figure's offsets point into`,
	}
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newExtractCmd(s), newRulesCmd(s), newTextCmd(s), newVersionCmd(s))
	return root
}

// settings binds a command's flags and TALLY_* environment variables in a
// viper instance of its own: a flag wins over the variable, which wins over
// the default.
func settings(flags *pflag.FlagSet) (*viper.Viper, error) {
	v := viper.New()
	v.SetEnvPrefix("TALLY")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	if err := v.BindPFlags(flags); err != nil {
		return nil, err
	}
	return v, nil
}
