package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/viper"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/extract/tolls"
	"github.com/tally-news/tally/output"
	"github.com/tally-news/tally/schema"
)

// extractJob is one run of tally extract with its settings resolved.
type extractJob struct {
	s         streams
	v         *viper.Viper
	paths     []string
	rules     *ruleSet
	extractor *extract.Extractor
	shard     batch.Shard
	log       *logger
	info      schema.Run

	state     *batch.State
	statePath string
	// outPath is the output file, "" for standard output; appending
	// is --append unless --reprocess rewrites the output instead.
	outPath   string
	appending bool
	locks     []*output.Lock

	// failed holds inputs that could not be read, reported from the reader
	// goroutine and written to the output's Sources from the writing one.
	failedMu sync.Mutex
	failed   []schema.Source

	keepFacts bool
	mentions  []schema.Figure // kept only for --facts
	tolls     []schema.Toll   // kept only for --tolls
	progress  *progress
}

func newExtractJob(s streams, v *viper.Viper, paths []string) (*extractJob, error) {
	j := &extractJob{s: s, v: v, paths: paths, statePath: v.GetString("state"), keepFacts: v.GetString("facts") != ""}
	j.outPath, j.appending = v.GetString("output"), v.GetBool("append")
	if j.outPath == "-" {
		j.outPath = ""
	}
	reprocess := v.GetBool("reprocess")
	if reprocess {
		j.appending = false // rewrite, or every document would be appended again
	}
	var err error
	if j.log, err = newLogger(s.err, v.GetString("log-format"), v.GetBool("quiet")); err != nil {
		return nil, err
	}
	if v.GetString("log-format") != "json" {
		j.progress = newProgress(s.err, v.GetBool("quiet"))
	}
	if jobs := v.GetInt("jobs"); jobs < 0 || jobs > maxJobs {
		return nil, fmt.Errorf("--jobs %d: use 1 to %d, or 0 for one per CPU", jobs, maxJobs)
	}
	for _, side := range sideFiles {
		if path := v.GetString(side); path != "" {
			if format, err := output.FormatFromPath(path); err != nil || format != "csv" && format != "jsonl" {
				return nil, fmt.Errorf("%s %s: use a .csv or .jsonl file", side, path)
			}
		}
	}
	if j.shard, err = batch.ParseShard(v.GetString("shard")); err != nil {
		return nil, err
	}
	if j.rules, err = loadRules(v.GetString("config")); err != nil {
		return nil, err
	}
	if j.extractor, err = j.rules.extractor(extract.Options{IncludeComments: v.GetBool("include-comments")}); err != nil {
		return nil, err
	}
	if err := j.lock(); err != nil {
		return nil, err
	}
	if j.statePath != "" {
		if j.state, err = batch.LoadState(j.statePath, j.rules.hash); err != nil {
			j.close()
			return nil, err
		}
		if err := j.checkState(); err != nil {
			j.close()
			return nil, err
		}
		if reprocess {
			j.state.Forget()
		}
	}
	j.info = schema.Run{
		Version: versionString(), ConfigPath: v.GetString("config"), ConfigHash: j.rules.hash,
		CommandLine: strings.Join(append([]string{"tally"}, os.Args[1:]...), " "),
		Started:     time.Now(), Inputs: len(paths),
	}
	return j, nil
}

// maxJobs bounds --jobs: each job holds a window of documents, and the
// runtime cannot start a hundred thousand threads.
const maxJobs = 256

// lock takes the lock of every file the run writes (output, facts, tolls, state)
// before any is read, and removes the temporary files a killed run left
// beside them.
func (j *extractJob) lock() error {
	var locked []string
	for _, path := range []string{j.outPath, j.v.GetString("facts"), j.v.GetString("tolls"), j.statePath} {
		if path == "" || slices.Contains(locked, path) {
			continue
		}
		l, err := output.LockFile(path)
		if err != nil {
			j.close()
			return err
		}
		j.locks, locked = append(j.locks, l), append(locked, path)
		if err := output.RemoveStaleTemps(path, l.Taken); err != nil {
			j.log.warn(fmt.Sprintf("stale temporary files of %q: %v", path, err))
		}
	}
	return nil
}

// close releases the locks.
func (j *extractJob) close() {
	for _, l := range j.locks {
		_ = l.Unlock()
	}
	j.locks = nil
}

// checkState refuses to append when the state remembers nothing of the
// runs that filled the output: every document would be appended again.
func (j *extractJob) checkState() error {
	why := j.state.Fresh()
	if !j.appending || why == "" || j.outPath == "" {
		return nil
	}
	if info, err := os.Stat(j.outPath); err != nil || info.Size() == 0 {
		return nil // nothing to duplicate
	}
	return fmt.Errorf("--append: the state file %s %s but %s already holds figures, so every document would be extracted and appended again; "+
		"restore the state file, or run with --reprocess to extract everything and rewrite %s", j.statePath, stateWhy[why], j.outPath, j.outPath)
}

var stateWhy = map[string]string{
	"missing": "is missing", "empty": "is empty", "null": "holds null", "made with other rules": "was made with other rules",
}

func (j *extractJob) run(ctx context.Context) error {
	defer j.close()
	j.warnLostOutput()
	dest, err := openOutput(j.s, j.v, j.outPath, j.appending, &j.info, j.extractor.Tolls())
	if err != nil {
		return err
	}
	defer dest.abort()
	if ctx == nil {
		ctx = context.Background()
	}

	src := func(yield func(extract.Document) error) error {
		_, err := input.Read(j.paths, j.inputOptions(), func(d extract.Document) error {
			if !j.shard.Has(d.Text) || j.state != nil && j.state.Seen(d.Source, d.Text) {
				return nil
			}
			return yield(d)
		}, func(ie *input.Error) {
			j.log.inputError(ie)
			j.failedMu.Lock()
			j.failed = append(j.failed, schema.Source{Source: ie.Path, Errors: ie.Error()})
			j.failedMu.Unlock()
		})
		return err
	}
	opts := batch.Options{Jobs: j.v.GetInt("jobs")}
	if opts.Jobs > 0 {
		// --jobs N is the number of cores the whole run uses, reading and
		// writing included, so that timings per job mean what they say.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(opts.Jobs))
	}
	if enc, ok := dest.w.(output.ChunkEncoder); ok {
		opts.Encode = enc.EncodeChunk
	}
	err = batch.Run(ctx, j.extractor, opts, src, func(r batch.Result) error {
		return j.emit(dest, r)
	})
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("interrupted: the previous output, if any, is unchanged")
		}
		return err
	}
	j.progress.finish()
	if err := j.flushFailed(dest); err != nil {
		return err
	}
	j.info.Finished = time.Now()
	if j.info.Documents == 0 && j.info.Errors > 0 {
		// A header alone would pass for a run that found no figures, and
		// would replace yesterday's output: write nothing.
		dest.abort()
		j.log.warn("nothing written: no input could be read")
		j.log.summary(j.info)
		return &partialError{failed: j.info.Errors}
	}
	if err := j.commit(dest); err != nil {
		return err
	}
	j.log.summary(j.info)
	if j.info.Errors > 0 {
		return &partialError{failed: j.info.Errors}
	}
	return nil
}

// commit finishes the output and puts it in place with the facts and the
// state, as one set: the state is never saved for an output that was not.
// A file another change adds (tolls) joins the set here, before the state.
func (j *extractJob) commit(dest *destination) error {
	if err := dest.close(); err != nil {
		return err
	}
	var set output.CommitSet
	defer set.Abort()
	if dest.file != nil {
		set.Add("output", dest.file)
	}
	for _, side := range sideFiles {
		if path := j.v.GetString(side); path != "" {
			f, err := j.writeSide(side, path)
			if err != nil {
				return err
			}
			set.Add(side, f)
		}
	}
	if j.state != nil {
		data, err := j.state.Encode()
		if err != nil {
			return fmt.Errorf("state %s: %w", j.statePath, err)
		}
		f, err := output.CreateAtomic(j.statePath)
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

// warnLostOutput speaks up when --state remembers documents but the output
// they were appended to is gone: the run will hold only new and changed
// documents' figures, which a nightly job would otherwise ship silently.
func (j *extractJob) warnLostOutput() {
	path := j.outPath
	if j.state == nil || !j.appending || path == "" {
		return
	}
	if n := j.state.Documents(); n > 0 {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			j.log.warn(fmt.Sprintf("%s is missing but %s remembers %d documents: it will hold only new and changed documents' figures (remove the state file to start over)",
				path, j.statePath, n))
		}
	}
}

// flushFailed counts the inputs that failed so far and lists them in the
// output's sources, where the output has them.
func (j *extractJob) flushFailed(dest *destination) error {
	j.failedMu.Lock()
	failed := j.failed
	j.failed = nil
	j.failedMu.Unlock()
	j.info.Errors += len(failed)
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
func (j *extractJob) emit(dest *destination, r batch.Result) error {
	if err := j.flushFailed(dest); err != nil {
		return err
	}
	j.info.Documents++
	if dw, ok := dest.w.(output.DocumentWriter); ok {
		d := r.Doc
		src := schema.Source{Source: d.Source, DocID: d.ID, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Published: d.Published, Figures: len(r.Figures)}
		if len(r.Figures) > 0 {
			src.Published = r.Figures[0].Published // the extractor reads a date header too
		}
		if err := dw.WriteDocument(src, d.Text); err != nil {
			return err
		}
	}
	if enc, ok := dest.w.(output.ChunkEncoder); ok && r.Encoded != nil {
		if err := enc.WriteChunk(r.Encoded); err != nil {
			return err
		}
	} else {
		for i := range r.Figures {
			if err := dest.write(&r.Figures[i]); err != nil {
				return err
			}
		}
	}
	j.info.Figures += len(r.Figures)
	j.progress.add(len(r.Doc.Text), len(r.Figures))
	if j.keepFacts {
		j.mentions = append(j.mentions, r.Figures...)
	}
	if j.v.GetString("tolls") != "" {
		j.tolls = append(j.tolls, j.extractor.Tolls().Of(r.Figures)...)
	}
	if j.state != nil {
		j.state.Mark(r.Doc.Source, r.Doc.Text)
	}
	return nil
}

// sideFiles are the flags of the files written beside the output, as CSV
// or JSON Lines: the merged facts and the per-document tolls.
var sideFiles = []string{"facts", "tolls"}

// writeSide writes a side file to a temporary file for the commit.
func (j *extractJob) writeSide(side, path string) (*output.AtomicFile, error) {
	format, err := output.FormatFromPath(path)
	if err != nil {
		return nil, err
	}
	f, err := output.CreateAtomic(path)
	if err != nil {
		return nil, err
	}
	opts := output.Options{BOM: j.v.GetBool("bom"), Raw: j.v.GetBool("raw")}
	if side == "facts" {
		err = output.WriteFacts(f, format, facts.Merge(j.mentions), opts)
	} else {
		err = output.WriteTolls(f, format, j.tolls, opts)
	}
	if err != nil {
		_ = f.Abort()
		return nil, fmt.Errorf("%s %s: %w", side, path, err)
	}
	return f, nil
}

func (j *extractJob) inputOptions() input.Options {
	v := j.v
	opts := input.Options{
		Include: v.GetStringSlice("include"),
		Exclude: v.GetStringSlice("exclude"),
		Format:  v.GetString("input-format"),
		Stdin:   j.s.in,
		Fields: input.FieldMap{
			ID:        v.GetStringSlice("id-field"),
			URL:       v.GetStringSlice("url-field"),
			Title:     v.GetStringSlice("title-field"),
			Published: v.GetStringSlice("published-field"),
			Text:      v.GetStringSlice("text-field"),
			Outlet:    v.GetStringSlice("outlet-field"),
		},
	}
	if j.state != nil {
		// Unchanged files are skipped unread; a file read cleanly is
		// remembered (the state is saved only if the whole run succeeds).
		opts.Unchanged = j.state.UnchangedFile
		opts.Finished = j.state.MarkFile
	}
	return opts
}

// destination is where figures go: a temporary file renamed into place on
// commit, so an interrupted run leaves the previous output as it was; or
// standard output.
type destination struct {
	w    output.Writer
	file *output.AtomicFile
	// facts keeps the figures written for a writer that shows their facts
	// (output.FactsWriter), which it is given at close.
	facts  *output.FactFigures
	closed bool
}

func openOutput(s streams, v *viper.Viper, path string, appending bool, info *schema.Run, tollRules *tolls.Rules) (*destination, error) {
	format := v.GetString("format")
	if format == "" && path != "" {
		var err error
		if format, err = output.FormatFromPath(path); err != nil {
			return nil, err
		}
	}
	if format == "" {
		format = "csv"
	}
	opts := output.Options{BOM: v.GetBool("bom"), Raw: v.GetBool("raw"), Run: info, Tolls: tollRules}
	d := &destination{}
	var sink io.Writer = s.out
	// CSV and JSON Lines grow in place; a workbook or a Parquet file is
	// rewritten whole with its earlier rows first; a copy of a database is
	// added to. A page cannot be: it needs the articles' text.
	mode := output.AppendModeOf(format)
	if appending && (path == "" || mode == output.AppendRefused) {
		return nil, fmt.Errorf("--append needs a .csv, .jsonl, .xlsx, .parquet or .sqlite output file (got %q); a %s file is always written whole", path, format)
	}
	if path != "" {
		var err error
		switch {
		case appending && mode == output.AppendGrow:
			if err = output.CheckAppendable(path, format); err != nil {
				return nil, err
			}
			d.file, opts.Append, err = output.CreateAtomicAppend(path)
		case appending && mode == output.AppendInPlace:
			if err = output.CheckAppendable(path, format); err != nil {
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
	w, err := output.New(format, sink, opts)
	if err != nil {
		d.abort()
		return nil, err
	}
	d.w = w
	if _, ok := w.(output.FactsWriter); ok {
		d.facts = &output.FactFigures{}
	}
	if appending && mode == output.AppendReplay {
		var into output.Writer = w
		if d.facts != nil {
			into = replaying{d}
		}
		if err := output.Replay(path, format, into); err != nil {
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

// close finishes the output, merging its facts first where it shows them;
// the file is put in place by the commit.
func (d *destination) close() error {
	d.closed = true
	if d.facts != nil {
		figs := d.facts.Figures()
		d.w.(output.FactsWriter).SetFacts(facts.Merge(figs), figs)
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
