package input

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"strconv"
	"sync"

	"github.com/tally-news/tally/schema"
)

// readJSONL reads one JSON object a line (.jsonl, .ndjson). Blank lines are
// skipped; a bad line is reported with its number and the next one read.
// Lines are read in buffer-sized pieces and an over-long one is skipped
// without being kept, so a huge file with no line breaks costs at most
// MaxBytes of memory. Lines are decoded in batches by several goroutines
// (decoding JSON is most of the cost of reading a feed) and yielded in
// order; the next batch is read and decoded while this one is yielded, so
// the extraction downstream never waits for a batch to be decoded.
func readJSONL(s *source, yield func(schema.Document) error, report func(*Error)) error {
	// The line limit below is exact; the byte budget would also count
	// read-ahead of the next line.
	s.budget.disable()
	batches := make(chan []jsonlLine, 1)
	stop := make(chan struct{})
	var readErr *Error // set before batches is closed
	go func() {
		defer close(batches)
		readErr = readJSONLBatches(s, batches, stop)
	}()
	var err error
	for batch := range batches {
		if err != nil {
			continue // let the reader see stop and finish
		}
		if err = yieldJSONLines(s, batch, yield, report); err != nil {
			close(stop)
		}
	}
	if err != nil {
		return err
	}
	if readErr != nil {
		report(readErr) // after every line read before it
	}
	return nil
}

// readJSONLBatches reads s line by line, decodes the lines in batches and
// sends each decoded batch, until the end, a read error (returned) or stop.
func readJSONLBatches(s *source, batches chan<- []jsonlLine, stop <-chan struct{}) *Error {
	var (
		buf   []byte
		batch []jsonlLine
		slab  []byte // the batch's lines, one after another; reused
	)
	send := func() bool {
		if len(batch) == 0 {
			return true
		}
		for i := range batch {
			l := &batch[i]
			l.data = slab[l.from:l.to]
		}
		decodeJSONLines(s, batch)
		select {
		case batches <- batch:
		case <-stop:
			return false
		}
		// The documents own their text, so the slab is free again; the
		// batch itself now belongs to the yielding side.
		batch, slab = nil, slab[:0]
		return true
	}
	for line := 1; ; line++ {
		data, tooLong, err := readLine(s.r, s.o.MaxBytes, buf[:0])
		buf = data
		if err != nil && err != io.EOF {
			if !send() {
				return nil
			}
			// The line may have been cut short, so it is dropped.
			return &Error{Path: s.name, Line: line, Err: err}
		}
		data = bytes.TrimRight(data, "\r\n")
		switch {
		case tooLong:
			batch = append(batch, jsonlLine{line: line, tooLong: true})
		case len(bytes.TrimSpace(data)) > 0:
			batch = append(batch, jsonlLine{line: line, from: len(slab), to: len(slab) + len(data)})
			slab = append(slab, data...)
		}
		if err == io.EOF {
			send()
			return nil
		}
		if len(slab) >= jsonlBatchBytes || len(batch) >= jsonlBatchLines {
			if !send() {
				return nil
			}
		}
	}
}

// A batch is decoded at once; its size bounds the memory it holds.
const (
	jsonlBatchBytes = 4 << 20
	jsonlBatchLines = 1024
)

// jsonlLine is one line waiting to be decoded, and what it became.
type jsonlLine struct {
	line      int
	from, to  int    // where the line sits in the batch's slab
	data      []byte // the line, once the batch is complete
	tooLong   bool
	doc       schema.Document
	warn, err error
}

// decodeJSONLines decodes a batch on all CPUs.
func decodeJSONLines(s *source, batch []jsonlLine) {
	workers := min(runtime.GOMAXPROCS(0), len(batch))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(batch); i += workers {
				l := &batch[i]
				if l.tooLong {
					continue
				}
				rec, err := parseJSONRecord(l.data, s.declared)
				l.data = nil
				if err != nil {
					l.err = err
					continue
				}
				l.doc, l.warn, l.err = recordDocument(s.o.fields, rec.get)
			}
		}(w)
	}
	wg.Wait()
}

// yieldJSONLines reports and yields a decoded batch's lines in order.
func yieldJSONLines(s *source, batch []jsonlLine, yield func(schema.Document) error, report func(*Error)) error {
	for i := range batch {
		l := &batch[i]
		switch {
		case l.tooLong:
			report(s.errorf(l.line, "line longer than the %s limit", byteSize(s.o.MaxBytes)))
			continue
		case l.err != nil:
			report(&Error{Path: s.name, Line: l.line, Err: l.err})
			continue
		case l.warn != nil:
			report(&Error{Path: s.name, Line: l.line, Err: l.warn})
		}
		l.doc.Source = s.name + "#" + strconv.Itoa(l.line)
		if err := yield(l.doc); err != nil {
			return err
		}
		l.doc = schema.Document{} // let go of the text once it is extracted
	}
	return nil
}

// readLine reads through the next '\n' (or to the end) into buf. A line
// longer than max (not counting its line break) is read to its end but not
// kept, and reported as tooLong.
func readLine(r *bufio.Reader, max int64, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			n := len(buf) + len(chunk)
			if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
				n-- // the line break does not count
			}
			if int64(n) > max {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return buf, tooLong, err
		}
	}
}

// disable lifts the budget for readers that enforce their own limit.
func (b *budget) disable() { b.left = 1<<63 - 2 }
