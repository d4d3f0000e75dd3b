// Package batch runs an Extractor over a stream of documents with several
// workers while keeping the output in input order, so the bytes written do
// not depend on the number of workers. At most a fixed window of documents
// is in flight, so memory is bounded by the largest documents, not by the
// corpus.
package batch

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// Result is one document's figures.
type Result struct {
	Doc     extract.Document
	Figures []schema.Figure
	// Encoded holds the figures as Options.Encode made them, in the worker.
	Encoded []byte
}

// Options tune a run.
type Options struct {
	// Jobs is how many documents are extracted at once; 0 means one per CPU.
	Jobs int
	// Encode, when set, turns each document's figures into output bytes in
	// the worker that extracted them, so encoding scales with the workers.
	Encode func([]schema.Figure) ([]byte, error)
}

// Source produces documents in order by calling yield for each; it stops
// when yield returns an error and returns that error.
type Source func(yield func(extract.Document) error) error

// errStopped tells a Source that the run ended early.
var errStopped = errors.New("batch: stopped")

// Run extracts every document from src and calls emit for each result in
// input order, from one goroutine. It stops at the first error from src,
// Encode or emit, or when ctx is done.
func Run(ctx context.Context, e *extract.Extractor, opts Options, src Source, emit func(Result) error) error {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		doc extract.Document
	}
	type done struct {
		seq int
		res Result
		err error
	}
	window := 4 * jobs
	slots := make(chan struct{}, window) // a slot per document in flight
	jobsCh := make(chan job)
	doneCh := make(chan done, window)

	var srcErr error
	go func() {
		defer close(jobsCh)
		seq := 0
		srcErr = src(func(d extract.Document) error {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return errStopped
			}
			select {
			case jobsCh <- job{seq, d}:
			case <-ctx.Done():
				return errStopped
			}
			seq++
			return nil
		})
	}()

	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobsCh {
				d := done{seq: j.seq, res: Result{Doc: j.doc, Figures: e.Extract(j.doc)}}
				if opts.Encode != nil {
					d.res.Encoded, d.err = opts.Encode(d.res.Figures)
				}
				doneCh <- d
			}
		}()
	}
	go func() {
		wg.Wait()
		close(doneCh)
	}()

	pending := map[int]done{}
	next := 0
	var emitErr error
	for d := range doneCh {
		if emitErr != nil {
			<-slots
			continue // drain so the workers can finish
		}
		pending[d.seq] = d
		for {
			p, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if emitErr = p.err; emitErr == nil {
				emitErr = emit(p.res)
			}
			if emitErr != nil {
				cancel()
				break
			}
		}
		if emitErr == nil && ctx.Err() != nil {
			emitErr = ctx.Err()
		}
	}
	switch {
	case emitErr != nil:
		return emitErr
	case srcErr != nil && !errors.Is(srcErr, errStopped):
		return srcErr
	}
	return ctx.Err()
}
