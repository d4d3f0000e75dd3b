package pipeline

import (
	"errors"
	"fmt"
	"io"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

// destination is where figures go: a temporary file renamed into place on
// commit, so an interrupted run leaves the previous output as it was; or
// Streams.Out.
type destination struct {
	w    output.Writer
	file *output.AtomicFile
	// facts keeps the figures written for a writer that shows their facts
	// (output.FactsWriter), which it is given at close.
	facts  *output.FactFigures
	closed bool
}

func (r *run) openOutput() (*destination, error) {
	path := r.outPath
	var format output.Format
	switch {
	case r.job.Format != "":
		// An unknown name is refused by New, after the checks of --append.
		format, _ = r.formats.Lookup(r.job.Format)
		format.Name = r.job.Format
	case path != "":
		var err error
		if format, err = r.formats.FromPath(path); err != nil {
			return nil, err
		}
	default:
		format, _ = r.formats.Lookup("csv")
	}
	opts := output.Options{BOM: r.job.BOM, Raw: r.job.Raw, Run: &r.info}
	if format.Tolls {
		opts.Tolls = r.job.Extractor.Tolls()
	}
	d := &destination{}
	var sink io.Writer = r.s.Out
	// CSV and JSON Lines grow in place; a workbook or a Parquet file is
	// rewritten whole with its earlier rows first; a copy of a database is
	// added to. A page cannot be: it needs the articles' text.
	if r.appending && (path == "" || format.Append == output.AppendRefused) {
		return nil, fmt.Errorf("--append needs a %s output file (got %q); a %s file is always written whole",
			output.OrList(r.formats.Exts(output.Appendable)), path, format.Name)
	}
	if path != "" {
		var err error
		switch {
		case r.appending && format.Append == output.AppendGrow:
			if err = format.CheckFile(path); err != nil {
				return nil, err
			}
			d.file, opts.Append, err = output.CreateAtomicAppend(path)
		case r.appending && format.Append == output.AppendInPlace:
			if err = format.CheckFile(path); err != nil {
				return nil, err
			}
			var n int64
			d.file, n, err = output.CreateAtomicCopy(path)
			opts.Append = n > 0
		default:
			d.file, err = output.CreateAtomic(path)
		}
		if err != nil {
			return nil, err
		}
		sink = d.file
	}
	w, err := r.formats.New(format.Name, sink, opts)
	if err != nil {
		d.abort()
		return nil, err
	}
	d.w = w
	if _, ok := w.(output.FactsWriter); ok && format.Facts {
		d.facts = &output.FactFigures{}
	}
	if r.appending && format.Append == output.AppendReplay {
		var into output.Writer = w
		if d.facts != nil {
			into = replaying{d}
		}
		if err := format.ReplayFile(path, into); err != nil {
			d.abort()
			return nil, err
		}
	}
	return d, nil
}

// write writes one figure, keeping it for the facts where they are shown.
func (d *destination) write(f *schema.Figure) error {
	if err := d.w.Write(f); err != nil {
		return err
	}
	if d.facts != nil {
		d.facts.Add(f)
	}
	return nil
}

// replaying is the destination as the writer an old file's rows are
// replayed into.
type replaying struct{ d *destination }

func (r replaying) Write(f *schema.Figure) error { return r.d.write(f) }
func (r replaying) Close() error                 { return nil }

func (r replaying) WriteDocument(src schema.Source, text string) error {
	dw, ok := r.d.w.(output.DocumentWriter)
	if !ok {
		return errors.New("output: replay: the writer does not take documents")
	}
	return dw.WriteDocument(src, text)
}

// close finishes the output, giving it its merged facts first where it
// shows them; the file is put in place by the commit.
func (d *destination) close() error {
	d.closed = true
	if d.facts != nil {
		figs := d.facts.Figures()
		d.w.(output.FactsWriter).SetFacts(facts.Merge(figs), facts.Totals(figs))
		d.facts = nil
	}
	return d.w.Close()
}

// abort leaves the previous output as it was and removes every temporary
// file, the workbook's included. It does nothing after a commit.
func (d *destination) abort() {
	if d.file != nil {
		_ = d.file.Abort()
	}
	if a, ok := d.w.(output.Aborter); ok && !d.closed {
		_ = a.Abort()
	}
	d.closed = true
}
