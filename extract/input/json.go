package input

import (
	"bytes"
	"io"
	"strconv"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/tally-news/tally/schema"
)

// readJSON reads a JSON array of records (.json), or a file holding one
// record object. The array is read one element at a time, so a huge array
// is never held whole. A record that is valid JSON but not a usable article
// is reported by its 1-based index and skipped; broken JSON ends the file,
// because no decoder can tell where the next record starts after it.
func readJSON(s *source, yield func(schema.Document) error, report func(*Error)) error {
	head, _ := s.r.Peek(sniffLen)
	head = bytes.TrimLeft(head, " \t\r\n")
	single := len(head) > 0 && head[0] == '{'

	// The records are checked by parseJSONRecord, which first mends their
	// encoding; the array around them only has to be well formed.
	dec := jsontext.NewDecoder(s.r, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	if !single {
		tok, err := dec.ReadToken()
		if err != nil {
			report(&Error{Path: s.name, Err: jsonError(err)})
			return nil
		}
		if tok.Kind() != '[' {
			report(s.errorf(0, "want a JSON array of records or one record object"))
			return nil
		}
	}
	n := 1
	for ; single && n == 1 || !single && dec.PeekKind() != ']'; n++ {
		s.budget.reset()
		raw, err := dec.ReadValue()
		if err != nil {
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
		if _, err := dec.ReadToken(); err != nil { // the closing bracket
			report(&Error{Path: s.name, Record: n, Err: jsonError(err)})
			return nil
		}
	}
	switch _, err := dec.ReadToken(); {
	case err == io.EOF:
	case err != nil:
		report(&Error{Path: s.name, Err: jsonError(err)})
	default:
		report(s.errorf(0, "unexpected data after the last record"))
	}
	return nil
}
