package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

// run is a Job being run.
type run struct {
	job     *Job
	s       Streams
	formats output.Formats
	log     *logger
	info    schema.Run

	state *batch.State
	// outPath is the output file, "" for Streams.Out; appending is
	// Append unless Reprocess rewrites the output instead.
	outPath   string
	appending bool
	locks     []*output.Lock

	// failed holds inputs that could not be read, reported from the reader
	// goroutine and written to the output's Sources from the writing one.
	failedMu sync.Mutex
	failed   []schema.Source

	mentions []schema.Figure // kept only for Facts
	tolls    []schema.Toll   // kept only for Tolls
	progress *progress
}

// Run reads the job's inputs, extracts their figures and writes them, with
// the facts, tolls and state files the job names. It takes a lock on each
// file it writes and puts them in place together only when the run
// succeeds; until then every previous file stays as it was. Inputs that
// fail are reported on Streams.Err and counted in the Summary, and the run
// goes on: Run returns an error only when the run failed as a whole
// (settings, rules, a lock, an output file, ctx cancelled). A
// *output.PartialCommitError means the output was updated but a file
// committed after it was not.
func Run(ctx context.Context, job Job, streams Streams) (Summary, error) {
	if err := job.Check(); err != nil {
		return Summary{}, err
	}
	if job.Extractor == nil {
		return Summary{}, errors.New("pipeline: the job has no extractor")
	}
	r, err := start(&job, streams)
	if err != nil {
		return Summary{}, err
	}
	defer r.close()
	err = r.run(ctx)
	return Summary{Documents: r.info.Documents, Figures: r.info.Figures, Failed: r.info.Errors}, err
}

// start takes the locks and loads the state.
func start(job *Job, s Streams) (*run, error) {
	r := &run{job: job, s: s, formats: job.formats(), outPath: job.Output, appending: job.Append}
	if r.outPath == "-" {
		r.outPath = ""
	}
	if job.Reprocess {
		r.appending = false // rewrite, or every document would be appended again
	}
	var err error
	if r.log, err = newLogger(s.Err, job.LogFormat, job.Quiet); err != nil {
		return nil, err
	}
	if job.Progress && job.LogFormat != "json" {
		r.progress = newProgress(s.Err, job.Quiet)
	}
	if err := r.lock(); err != nil {
		return nil, err
	}
	if job.State != "" {
		if r.state, err = batch.LoadState(job.State, job.RulesHash); err != nil {
			r.close()
			return nil, err
		}
		if err := r.checkState(); err != nil {
			r.close()
			return nil, err
		}
		if job.Reprocess {
			r.state.Forget()
		}
	}
	r.info = job.About
	r.info.ConfigHash = job.RulesHash
	r.info.Started = time.Now()
	r.info.Inputs = len(job.Inputs)
	return r, nil
}

// lock takes the lock of every file the run writes (output, facts, tolls, state)
// before any is read, and removes the temporary files a killed run left
// beside them.
func (r *run) lock() error {
	var locked []string
	for _, path := range []string{r.outPath, r.job.Facts, r.job.Tolls, r.job.State} {
		if path == "" || slices.Contains(locked, path) {
			continue
		}
		l, err := output.LockFile(path)
		if err != nil {
			r.close()
			return err
		}
		r.locks, locked = append(r.locks, l), append(locked, path)
		if err := output.RemoveStaleTemps(path, l.Taken); err != nil {
			r.log.warn(fmt.Sprintf("stale temporary files of %q: %v", path, err))
		}
	}
	return nil
}

// close releases the locks.
func (r *run) close() {
	for _, l := range r.locks {
		_ = l.Unlock()
	}
	r.locks = nil
}

// checkState refuses to append when the state remembers nothing of the
// runs that filled the output: every document would be appended again.
func (r *run) checkState() error {
	why := r.state.Fresh()
	if !r.appending || why == "" || r.outPath == "" {
		return nil
	}
	if info, err := os.Stat(r.outPath); err != nil || info.Size() == 0 {
		return nil // nothing to duplicate
	}
	return fmt.Errorf("--append: the state file %s %s but %s already holds figures, so every document would be extracted and appended again; "+
		"restore the state file, or run with --reprocess to extract everything and rewrite %s", r.job.State, stateWhy[why], r.outPath, r.outPath)
}

var stateWhy = map[string]string{
	"missing": "is missing", "empty": "is empty", "null": "holds null", "made with other rules": "was made with other rules",
}

func (r *run) run(ctx context.Context) error {
	r.warnLostOutput()
	dest, err := r.openOutput()
	if err != nil {
		return err
	}
	defer dest.abort()
	if ctx == nil {
		ctx = context.Background()
	}

	src := func(yield func(schema.Document) error) error {
		_, err := input.Read(r.job.Inputs, r.inputOptions(), func(d schema.Document) error {
			if !r.job.Shard.Has(d.Text) || r.state != nil && r.state.Seen(d.Source, d.Text) {
				return nil
			}
			return yield(d)
		}, func(ie *input.Error) {
			r.log.inputError(ie)
			r.failedMu.Lock()
			r.failed = append(r.failed, schema.Source{Source: ie.Path, Errors: ie.Error()})
			r.failedMu.Unlock()
		})
		return err
	}
	opts := batch.Options{Jobs: r.job.Jobs}
	if opts.Jobs > 0 {
		// Jobs is the number of cores the whole run uses, reading and
		// writing included, so that timings per job mean what they say.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(opts.Jobs))
	}
	if enc, ok := dest.w.(output.ChunkEncoder); ok {
		opts.Encode = enc.EncodeChunk
	}
	err = batch.Run(ctx, r.job.Extractor, opts, src, func(res batch.Result) error {
		return r.emit(dest, res)
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("interrupted: the previous output, if any, is unchanged")
		}
		return err
	}
	r.progress.finish()
	if err := r.flushFailed(dest); err != nil {
		return err
	}
	r.info.Finished = time.Now()
	if r.info.Documents == 0 && r.info.Errors > 0 {
		// A header alone would pass for a run that found no figures, and
		// would replace yesterday's output: write nothing.
		dest.abort()
		r.log.warn("nothing written: no input could be read")
		r.log.summary(r.info)
		return nil
	}
	if err := r.commit(dest); err != nil {
		return err
	}
	r.log.summary(r.info)
	return nil
}

// commit finishes the output and puts it in place with the facts and the
// state, as one set: the state is never saved for an output that was not.
// A file another change adds (tolls) joins the set here, before the state.
func (r *run) commit(dest *destination) error {
	if err := dest.close(); err != nil {
		return err
	}
	var set output.CommitSet
	defer set.Abort()
	if dest.file != nil {
		set.Add("output", dest.file)
	}
	for _, side := range sideFiles {
		if path := r.job.sidePath(side); path != "" {
			f, err := r.writeSide(side, path)
			if err != nil {
				return err
			}
			set.Add(side, f)
		}
	}
	if r.state != nil {
		data, err := r.state.Encode()
		if err != nil {
			return fmt.Errorf("state %s: %w", r.job.State, err)
		}
		f, err := output.CreateAtomic(r.job.State)
		if err != nil {
			return err
		}
		set.Add("state", f)
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return set.Commit()
}

// warnLostOutput speaks up when the state remembers documents but the output
// they were appended to is gone: the run will hold only new and changed
// documents' figures, which a nightly job would otherwise ship silently.
func (r *run) warnLostOutput() {
	path := r.outPath
	if r.state == nil || !r.appending || path == "" {
		return
	}
	if n := r.state.Documents(); n > 0 {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			r.log.warn(fmt.Sprintf("%s is missing but %s remembers %d documents: it will hold only new and changed documents' figures (remove the state file to start over)",
				path, r.job.State, n))
		}
	}
}

// flushFailed counts the inputs that failed so far and lists them in the
// output's sources, where the output has them.
func (r *run) flushFailed(dest *destination) error {
	r.failedMu.Lock()
	failed := r.failed
	r.failed = nil
	r.failedMu.Unlock()
	r.info.Errors += len(failed)
	dw, ok := dest.w.(output.DocumentWriter)
	for _, src := range failed {
		if ok {
			if err := dw.WriteDocument(src, ""); err != nil {
				return err
			}
		}
	}
	return nil
}

// emit writes one document's figures, in input order.
func (r *run) emit(dest *destination, res batch.Result) error {
	if err := r.flushFailed(dest); err != nil {
		return err
	}
	r.info.Documents++
	if dw, ok := dest.w.(output.DocumentWriter); ok {
		d := res.Doc
		src := schema.Source{Source: d.Source, DocID: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Published: d.Published, Figures: len(res.Figures)}
		if len(res.Figures) > 0 {
			src.Published = res.Figures[0].Published // the extractor reads a date header too
		}
		if err := dw.WriteDocument(src, d.Text); err != nil {
			return err
		}
	}
	if enc, ok := dest.w.(output.ChunkEncoder); ok && res.Encoded != nil {
		if err := enc.WriteChunk(res.Encoded); err != nil {
			return err
		}
	} else {
		for i := range res.Figures {
			if err := dest.write(&res.Figures[i]); err != nil {
				return err
			}
		}
	}
	r.info.Figures += len(res.Figures)
	r.progress.add(len(res.Doc.Text), len(res.Figures))
	if r.job.Facts != "" {
		r.mentions = append(r.mentions, res.Figures...)
	}
	if r.job.Tolls != "" {
		r.tolls = append(r.tolls, r.job.Extractor.Tolls().Of(res.Figures)...)
	}
	if r.state != nil {
		r.state.Mark(res.Doc.Source, res.Doc.Text)
	}
	return nil
}

// writeSide writes a side file to a temporary file for the commit.
func (r *run) writeSide(side, path string) (*output.AtomicFile, error) {
	formats := r.job.formats()
	format, err := formats.FromPath(path)
	if err != nil {
		return nil, err
	}
	f, err := output.CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	opts := output.Options{BOM: r.job.BOM, Raw: r.job.Raw}
	if side == "facts" {
		err = formats.WriteFacts(f, format.Name, facts.Merge(r.mentions), opts)
	} else {
		err = formats.WriteTolls(f, format.Name, r.tolls, opts)
	}
	if err != nil {
		_ = f.Abort()
		return nil, fmt.Errorf("%s %s: %w", side, path, err)
	}
	return f, nil
}

func (r *run) inputOptions() input.Options {
	opts := r.job.Input
	opts.Stdin = r.s.In
	if r.state != nil {
		// Unchanged files are skipped unread; a file read cleanly is
		// remembered (the state is saved only if the whole run succeeds).
		opts.Unchanged = r.state.UnchangedFile
		opts.Finished = r.state.MarkFile
	}
	return opts
}
