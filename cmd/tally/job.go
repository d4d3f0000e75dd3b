package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync"
	"syscall"
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
	var err error
	if j.log, err = newLogger(s.err, v.GetString("log-format"), v.GetBool("quiet")); err != nil {
		return nil, err
	}
	if v.GetString("log-format") != "json" {
		j.progress = newProgress(s.err, v.GetBool("quiet"))
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
	if j.statePath != "" {
		if j.state, err = batch.LoadState(j.statePath, j.rules.hash); err != nil {
			return nil, err
		}
	}
	j.info = schema.Run{
		Version: versionString(), ConfigPath: v.GetString("config"), ConfigHash: j.rules.hash,
		CommandLine: strings.Join(append([]string{"tally"}, os.Args[1:]...), " "),
		Started:     time.Now(), Inputs: len(paths),
	}
	return j, nil
}

func (j *extractJob) run(ctx context.Context) error {
	j.warnLostOutput()
	dest, err := openOutput(j.s, j.v, &j.info, j.extractor.Tolls())
	if err != nil {
		return err
	}
	defer dest.abort()
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

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
	if err := dest.commit(); err != nil {
		return err
	}
	if err := j.writeFacts(); err != nil {
		return err
	}
	if err := j.writeTolls(); err != nil {
		return err
	}
	if j.state != nil {
		if err := j.state.Save(j.statePath); err != nil {
			return err
		}
	}
	j.log.summary(j.info)
	if j.info.Errors > 0 {
		return &partialError{failed: j.info.Errors}
	}
	return nil
}

// warnLostOutput speaks up when --state remembers documents but the output
// they were appended to is gone: the run will hold only new and changed
// documents' figures, which a nightly job would otherwise ship silently.
func (j *extractJob) warnLostOutput() {
	path := j.v.GetString("output")
	if j.state == nil || !j.v.GetBool("append") || path == "" {
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
			if err := dest.w.Write(&r.Figures[i]); err != nil {
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

func (j *extractJob) writeFacts() error {
	return j.writeSide("facts", func(f io.Writer, format string, opts output.Options) error {
		return output.WriteFacts(f, format, facts.Merge(j.mentions), opts)
	})
}

func (j *extractJob) writeTolls() error {
	return j.writeSide("tolls", func(f io.Writer, format string, opts output.Options) error {
		return output.WriteTolls(f, format, j.tolls, opts)
	})
}

// writeSide writes a side file (--facts, --tolls) as CSV or JSON Lines,
// renamed into place only when complete.
func (j *extractJob) writeSide(flag string, write func(io.Writer, string, output.Options) error) error {
	path := j.v.GetString(flag)
	if path == "" {
		return nil
	}
	format, err := output.FormatFromPath(path)
	if err != nil || format != "csv" && format != "jsonl" {
		return fmt.Errorf("%s %s: use a .csv or .jsonl file", flag, path)
	}
	f, err := output.CreateAtomic(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	opts := output.Options{BOM: j.v.GetBool("bom"), Raw: j.v.GetBool("raw")}
	if err := write(f, format, opts); err != nil {
		return fmt.Errorf("%s %s: %w", flag, path, err)
	}
	return f.Commit()
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
}

func openOutput(s streams, v *viper.Viper, info *schema.Run, tollRules *tolls.Rules) (*destination, error) {
	path, format := v.GetString("output"), v.GetString("format")
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
	appending := v.GetBool("append")
	// CSV and JSON Lines grow in place; a workbook is rewritten whole with
	// its earlier rows first. A page cannot be: it needs the articles' text.
	grows, rewritten := format == "csv" || format == "jsonl", format == "xlsx"
	if appending && (path == "" || !grows && !rewritten) {
		return nil, fmt.Errorf("--append needs a .csv, .jsonl or .xlsx output file (got %q); a %s file is always written whole", path, format)
	}
	if path != "" {
		var err error
		if appending && grows {
			if err = output.CheckAppendable(path, format); err != nil {
				return nil, err
			}
			d.file, opts.Append, err = output.CreateAtomicAppend(path)
		} else {
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
	if appending && rewritten {
		if err := output.ReplayWorkbook(path, w); err != nil {
			d.abort()
			_ = w.Close() // removes the workbook's temporary files; its write to the aborted file fails at once
			return nil, err
		}
	}
	return d, nil
}

func (d *destination) commit() error {
	if err := d.w.Close(); err != nil {
		return err
	}
	if d.file != nil {
		return d.file.Commit()
	}
	return nil
}

func (d *destination) abort() {
	if d.file != nil {
		_ = d.file.Abort()
	}
}
