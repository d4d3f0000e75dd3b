package pipeline_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/pipeline"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

// tsvWriter is a tiny output format, as a new format's file in package
// output would hold it: one line per figure, value, category and text.
type tsvWriter struct{ w *bufio.Writer }

func newTSV(w io.Writer, _ output.Options) (output.Writer, error) {
	return &tsvWriter{w: bufio.NewWriter(w)}, nil
}

func (t *tsvWriter) Write(f *schema.Figure) error {
	_, err := fmt.Fprintf(t.w, "%v\t%s\t%s\n", f.Value, f.Category, f.Text)
	return err
}

func (t *tsvWriter) Close() error { return t.w.Flush() }

// writeTSVTable writes a facts or tolls file: a header, then a line per
// row, from the table's columns and cells alone.
func writeTSVTable(out *bufio.Writer, t output.SideTable, _ output.Options) error {
	out.WriteString(strings.Join(t.Columns, "\t") + "\n")
	for i := range t.Len {
		out.WriteString(strings.Join(t.Cells(i), "\t") + "\n")
	}
	return nil
}

// TestAddedFormat: a format added with one row of the table is picked by
// its extension and by name, refused for --append as its row says, and
// writes --facts and --tolls files through its Table function.
func TestAddedFormat(t *testing.T) {
	formats := append(output.Builtin(), output.Format{Name: "tsv", Exts: []string{".tsv"}, Append: output.AppendRefused, New: newTSV, Table: writeTSVTable})
	story := "Rescuers said at least 46 people were killed and tens of thousands were stranded by the floods."
	want := "46\tkilled\t46\n30000\ttrapped\ttens of thousands\n"
	dir := t.TempDir()
	run := func(job pipeline.Job) (string, error) {
		job.Inputs, job.Extractor, job.Formats, job.Quiet = []string{"-"}, newExtractor(), formats, true
		var out, messages strings.Builder
		_, err := pipeline.Run(context.Background(), job, pipeline.Streams{In: strings.NewReader(story), Out: &out, Err: &messages})
		return out.String(), err
	}

	path := filepath.Join(dir, "figures.tsv")
	if _, err := run(pipeline.Job{Output: path}); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != want {
		t.Errorf("%s = %q, %v; want %q", path, got, err, want)
	}
	if got, err := run(pipeline.Job{Format: "tsv"}); err != nil || got != want {
		t.Errorf("--format tsv wrote %q, %v; want %q", got, err, want)
	}
	_, err := run(pipeline.Job{Output: path, Append: true})
	if err == nil || !strings.Contains(err.Error(), "a tsv file is always written whole") {
		t.Errorf("--append to a tsv file: %v", err)
	}
	if _, err := run(pipeline.Job{Output: filepath.Join(dir, "figures.xyz")}); err == nil || !strings.Contains(err.Error(), ".tsv") {
		t.Errorf("an unknown extension's error does not list .tsv: %v", err)
	}

	factsPath, tollsPath := filepath.Join(dir, "facts.tsv"), filepath.Join(dir, "tolls.tsv")
	if _, err := run(pipeline.Job{Output: path, Facts: factsPath, Tolls: tollsPath}); err != nil {
		t.Fatal(err)
	}
	for _, side := range []struct {
		path    string
		columns []string
		row     string // the first row's first cells
	}{
		{factsPath, schema.FactColumns, "killed\t46\t\t"},
		{tollsPath, schema.TollColumns, "-\t"},
	} {
		got, err := os.ReadFile(side.path)
		lines := strings.Split(string(got), "\n")
		if err != nil || len(lines) < 3 || lines[0] != strings.Join(side.columns, "\t") || !strings.HasPrefix(lines[1], side.row) {
			t.Errorf("%s = %q, %v; want the header %q and a row starting %q", side.path, got, err, side.columns, side.row)
		}
	}
}
