package pipeline

import (
	"fmt"
	"io"
	"log/slog"

	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/schema"
)

// logger writes the run's messages on stderr: one line per bad input and a
// closing summary, as plain text for people or JSON for machines.
type logger struct {
	w     io.Writer
	json  *slog.Logger
	quiet bool
}

func newLogger(w io.Writer, format string, quiet bool) (*logger, error) {
	l := &logger{w: w, quiet: quiet}
	switch format {
	case "", "text":
	case "json":
		l.json = slog.New(slog.NewJSONHandler(w, nil))
	default:
		return nil, fmt.Errorf("log-format %q: use text or json", format)
	}
	return l, nil
}

func (l *logger) inputError(e *input.Error) {
	if l.json != nil {
		l.json.Error("input failed", "path", e.Path, "line", e.Line, "error", e.Err.Error())
		return
	}
	fmt.Fprintln(l.w, "tally:", e)
}

// warn says something the user should know although the run goes on; it
// is shown even with --quiet.
func (l *logger) warn(msg string) {
	if l.json != nil {
		l.json.Warn(msg)
		return
	}
	fmt.Fprintln(l.w, "tally: warning:", msg)
}

func (l *logger) summary(r schema.Run) {
	if l.quiet {
		return
	}
	elapsed := r.Finished.Sub(r.Started).Round(1e6)
	if l.json != nil {
		l.json.Info("done", "documents", r.Documents, "figures", r.Figures, "errors", r.Errors, "seconds", elapsed.Seconds())
		return
	}
	fmt.Fprintf(l.w, "tally: %s, %s, %s in %v\n", plural(r.Documents, "document"), plural(r.Figures, "figure"), plural(r.Errors, "error"), elapsed)
}

// plural writes a count with its noun: "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
