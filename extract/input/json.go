package input

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"

	"github.com/tally-news/tally/extract"
)

// readJSON reads a JSON array of records (.json), or a file holding one
// record object. The array is decoded one element at a time with
// Token/More, so a huge array is never held whole. A record that is valid
// JSON but not a usable article is reported by its 1-based index and
// skipped; broken JSON ends the file, because the decoder cannot find the
// next record after it.
func readJSON(s *source, yield func(extract.Document) error, report func(*Error)) error {
	head, _ := s.r.Peek(sniffLen)
	head = bytes.TrimLeft(head, " \t\r\n")
	single := len(head) > 0 && head[0] == '{'

	dec := json.NewDecoder(s.r)
	if !single {
		tok, err := dec.Token()
		if err != nil {
			report(&Error{Path: s.name, Err: jsonError(err)})
			return nil
		}
		if tok != json.Delim('[') {
			report(s.errorf(0, "want a JSON array of records or one record object"))
			return nil
		}
	}
	n := 1
	for ; single && n == 1 || !single && dec.More(); n++ {
		s.budget.reset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			report(&Error{Path: s.name, Record: n, Err: jsonError(err)})
			return nil
		}
		rec, err := parseJSONRecord(raw, s.declared)
		if err != nil {
			report(&Error{Path: s.name, Record: n, Err: err})
			continue
		}
		source := s.name + "#" + strconv.Itoa(n)
		if err := emit(s, rec.get, source, Error{Path: s.name, Record: n}, yield, report); err != nil {
			return err
		}
	}
	if !single {
		// More is false at the closing bracket and on a read error; Token
		// tells which.
		if _, err := dec.Token(); err != nil {
			report(&Error{Path: s.name, Record: n, Err: jsonError(err)})
			return nil
		}
	}
	switch _, err := dec.Token(); {
	case err == io.EOF:
	case err != nil:
		report(&Error{Path: s.name, Err: jsonError(err)})
	default:
		report(s.errorf(0, "unexpected data after the last record"))
	}
	return nil
}
