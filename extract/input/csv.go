package input

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tally-news/tally/schema"
)

// readCSV reads a comma-separated file whose first row names the columns.
// A row is a record; Source is "path#L" where L is the line the row starts
// on (a quoted field may span lines). A ragged row or a quoting error is
// reported with its line and the next row read.
//
// A record over the size limit is reported and skipped up to the end of its
// line, and reading goes on from there with a new reader; line numbers
// after it assume the record was on one line.
func readCSV(s *source, yield func(schema.Document) error, report func(*Error)) error {
	cr := newCSVReader(s)

	header, err := cr.Read()
	if err != nil {
		report(csvError(s, 1, err))
		return nil
	}
	cols, err := newCSVColumns(header, s.declared)
	if err != nil {
		report(&Error{Path: s.name, Line: 1, Err: err})
		return nil
	}
	if _, key, _ := cols.row(nil).get(s.o.fields.Text); key == "" {
		report(s.errorf(1, "no text column (tried %s)", strings.Join(s.o.fields.Text, ", ")))
		return nil
	}

	// next is the line after the last record read, where a read error
	// is reported: encoding/csv gives no position for those.
	// offset is how many lines came before the reader's first.
	next, offset := 2, 0
	for {
		s.budget.reset()
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var pe *csv.ParseError
			switch {
			case errors.As(err, &pe):
				// encoding/csv resumes after a parse error at the next line.
				pe.Line += offset
				report(csvError(s, next, err))
				next = pe.Line + 1
				continue
			case errors.Is(err, s.budget.tooLarge):
				report(&Error{Path: s.name, Line: next, Err: fmt.Errorf("record %w: skipped", err)})
				if err := skipLine(s); err != nil {
					return nil // it was the last
				}
				cr, offset = newCSVReader(s), next
				next++
				continue
			}
			report(&Error{Path: s.name, Line: next, Err: err})
			return nil
		}
		line, _ := cr.FieldPos(0)
		last, _ := cr.FieldPos(len(rec) - 1)
		line, last = line+offset, last+offset
		next = last + 1
		if len(rec) != len(cols.names) {
			report(s.errorf(line, "row has %d fields, header has %d", len(rec), len(cols.names)))
			continue
		}
		for i, f := range rec {
			if rec[i], err = decodeString(f, s.declared); err != nil {
				break
			}
		}
		if err != nil {
			report(&Error{Path: s.name, Line: line, Err: err})
			continue
		}
		source := s.name + "#" + strconv.Itoa(line)
		if err := emit(s, cols.row(rec).get, source, Error{Path: s.name, Line: line}, yield, report); err != nil {
			return err
		}
	}
}

// skipLine reads past the end of the current line, however long.
func skipLine(s *source) error {
	s.budget.disable()
	defer s.budget.reset()
	for {
		if _, err := s.r.ReadSlice('\n'); err != bufio.ErrBufferFull {
			return err
		}
	}
}

func newCSVReader(s *source) *csv.Reader {
	cr := csv.NewReader(s.r)
	// Field counts are checked here, to say which row and how it differs.
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// csvError reports a csv.ParseError by its own line, without repeating the
// "record on line N" that encoding/csv puts in its message.
func csvError(s *source, line int, err error) *Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if pe.Line > 0 {
			line = pe.Line
		}
		return &Error{Path: s.name, Line: line, Err: fmt.Errorf("column %d: %w", pe.Column, pe.Err)}
	}
	return &Error{Path: s.name, Line: line, Err: err}
}

// csvColumns maps header names to column indexes.
type csvColumns struct {
	names []string
	index map[string]int // exact name -> first column with it
	fold  map[string]int // lower-cased name -> first column with it
}

func newCSVColumns(header []string, declaredUTF8 bool) (*csvColumns, error) {
	c := &csvColumns{
		names: make([]string, len(header)),
		index: make(map[string]int, len(header)),
		fold:  make(map[string]int, len(header)),
	}
	for i, h := range header {
		h, err := decodeString(strings.TrimSpace(h), declaredUTF8)
		if err != nil {
			return nil, fmt.Errorf("header: %w", err)
		}
		c.names[i] = h
		if _, ok := c.index[h]; !ok {
			c.index[h] = i
		}
		if _, ok := c.fold[strings.ToLower(h)]; !ok {
			c.fold[strings.ToLower(h)] = i
		}
	}
	return c, nil
}

// csvRow is one row seen through its header.
type csvRow struct {
	cols *csvColumns
	rec  []string
}

func (c *csvColumns) row(rec []string) csvRow { return csvRow{c, rec} }

// get is a lookup over the row. An empty cell lets the next name be tried;
// if all are empty the first empty column is named, so that a row with a
// blank text cell is reported as such. With a nil row it only says which
// column would be used.
func (r csvRow) get(names []string) (string, string, error) {
	empty := ""
	for _, name := range names {
		i, ok := r.cols.index[name]
		if !ok {
			i, ok = r.cols.fold[strings.ToLower(name)]
		}
		if !ok {
			continue
		}
		if r.rec == nil {
			return "", r.cols.names[i], nil
		}
		if r.rec[i] != "" {
			return r.rec[i], r.cols.names[i], nil
		}
		if empty == "" {
			empty = r.cols.names[i]
		}
	}
	return "", empty, nil
}
