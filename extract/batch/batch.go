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
	// It is valid only until emit returns.
	Encoded []byte
}

// Options tune a run.
type Options struct {
	// Jobs is how many documents are extracted at once; 0 means one per CPU.
	Jobs int
	// Encode, when set, appends each document's figures as output bytes
	// to a buffer, in the worker that extracted them, so encoding scales
	// with the workers. The buffer is reused once emit has returned.
	Encode func(dst []byte, figs []schema.Figure) ([]byte, error)
}

// Source produces documents in order by calling yield for each; it stops
// when yield returns an error and returns that error.
type Source func(yield func(extract.Document) error) error

// errStopped tells a Source that the run ended early.
var errStopped = errors.New("batch: stopped")

// A group is the documents a worker takes at once. Handing documents over
// one by one costs a goroutine wake-up each, which for short articles is a
// large share of the work; a group is sent as soon as a worker is free, so
// a slow input is never held back waiting for one to fill.
const (
	groupBytes = 256 << 10
	groupDocs  = 64
)

// Run extracts every document from src and calls emit for each result in
// input order, from one goroutine. It stops at the first error from src,
// Encode or emit, or when ctx is done: then it returns at once, without
// waiting for a source blocked in a read, and emit is not called again.
func Run(ctx context.Context, e *extract.Extractor, opts Options, src Source, emit func(Result) error) error {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type group struct {
		seq  int
		docs []extract.Document
	}
	type done struct {
		seq int
		res []Result
		err error
	}
	window := 4 * jobs                   // groups in flight, which bounds memory
	slots := make(chan struct{}, window) // a slot per group in flight
	groups := make(chan group)
	doneCh := make(chan done, window)

	var srcErr error
	go func() {
		defer close(groups)
		var g group
		size := 0
		send := func(wait bool) error {
			select {
			case groups <- g:
			default:
				if !wait {
					return nil // every worker is busy: keep filling
				}
				select {
				case groups <- g:
				case <-ctx.Done():
					return errStopped
				}
			}
			g = group{seq: g.seq + 1}
			size = 0
			return nil
		}
		srcErr = src(func(d extract.Document) error {
			if len(g.docs) == 0 {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return errStopped
				}
			}
			g.docs = append(g.docs, d)
			size += len(d.Text)
			return send(size >= groupBytes || len(g.docs) >= groupDocs)
		})
		if len(g.docs) > 0 && srcErr == nil {
			srcErr = send(true) // the last, partly filled group
		}
	}()

	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for g := range groups {
				d := done{seq: g.seq, res: make([]Result, 0, len(g.docs))}
				for _, doc := range g.docs {
					figs, err := e.ExtractContext(ctx, doc)
					if err != nil {
						d.err = err
						break
					}
					r := Result{Doc: doc, Figures: figs}
					if opts.Encode != nil {
						var dst []byte
						if b, ok := encodeBuffers.Get().(*[]byte); ok {
							dst = *b
						}
						if r.Encoded, d.err = opts.Encode(dst, r.Figures); d.err != nil {
							break // the documents before it are still emitted
						}
					}
					d.res = append(d.res, r)
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
	for {
		var d done
		var ok bool
		select {
		case d, ok = <-doneCh:
		case <-ctx.Done():
			// Return at once: the source may be stuck in a read (a pipe
			// held open) that only ends with the process. The workers
			// stop at their next check; doneCh has room for every group.
			if emitErr != nil {
				return emitErr
			}
			return ctx.Err()
		}
		if !ok {
			break
		}
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
			emitErr = emitGroup(p.res, p.err, emit)
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

// emitGroup emits a group's results in order, then its encoding error.
func emitGroup(res []Result, encErr error, emit func(Result) error) error {
	for _, r := range res {
		if err := emit(r); err != nil {
			return err
		}
		recycle(r.Encoded)
	}
	return encErr
}

// encodeBuffers holds the emptied output buffers of emitted documents for
// the next ones to encode into, instead of a new buffer per document.
var encodeBuffers sync.Pool

// maxRecycled is the largest buffer kept, so one huge document does not
// stay in memory for the rest of the run.
const maxRecycled = 1 << 20

func recycle(p []byte) {
	if p == nil || cap(p) > maxRecycled {
		return
	}
	p = p[:0]
	encodeBuffers.Put(&p)
}
