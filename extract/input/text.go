package input

import (
	"bytes"
	"strings"

	"github.com/tally-news/tally/schema"
)

// readTxt reads a plain-text file as one document. The text is kept as
// read, apart from decoding and the BOM: a leading "date YYYY-MM-DD" line
// stays, because the extractor reads it and its offsets count it.
func readTxt(s *source, yield func(schema.Document) error, report func(*Error)) error {
	b, err := s.readAll()
	if err != nil {
		report(&Error{Path: s.name, Err: err})
		return nil
	}
	if len(bytes.TrimSpace(b)) == 0 {
		report(&Error{Path: s.name, Err: errEmpty})
		return nil
	}
	text, off, err := decodeText(b, s.declared)
	if err != nil {
		report(&Error{Path: s.name, Line: lineAt(b, off), Err: err})
		return nil
	}
	if k := strings.IndexByte(text, 0); k >= 0 {
		report(&Error{Path: s.name, Err: errNUL(k)}) // past the sniffed start
		return nil
	}
	return yield(schema.Document{Source: s.name, Text: text})
}
