package input

import (
	"bufio"
	"bytes"
	"io"
	"strconv"

	"github.com/tally-news/tally/extract"
)

// readJSONL reads one JSON object a line (.jsonl, .ndjson). Blank lines are
// skipped; a bad line is reported with its number and the next one read.
// Lines are read in buffer-sized pieces and an over-long one is skipped
// without being kept, so a huge file with no line breaks costs at most
// MaxBytes of memory.
func readJSONL(s *source, yield func(extract.Document) error, report func(*Error)) error {
	// The line limit below is exact; the byte budget would also count
	// read-ahead of the next line.
	s.budget.disable()
	var buf []byte
	for line := 1; ; line++ {
		data, tooLong, err := readLine(s.r, s.o.MaxBytes, buf[:0])
		buf = data
		if err != nil && err != io.EOF {
			// The line may have been cut short, so it is dropped.
			report(&Error{Path: s.name, Line: line, Err: err})
			return nil
		}
		data = bytes.TrimRight(data, "\r\n")
		switch {
		case tooLong:
			report(s.errorf(line, "line longer than the %s limit", byteSize(s.o.MaxBytes)))
		case len(bytes.TrimSpace(data)) > 0:
			rec, perr := parseJSONRecord(data, s.declared)
			if perr != nil {
				report(&Error{Path: s.name, Line: line, Err: perr})
				break
			}
			source := s.name + "#" + strconv.Itoa(line)
			if yerr := emit(s, rec.get, source, Error{Path: s.name, Line: line}, yield, report); yerr != nil {
				return yerr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
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
