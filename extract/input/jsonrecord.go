package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tally-news/tally/extract"
)

// jsonRecord is one JSON object with its values still raw, so that only the
// mapped fields are decoded.
type jsonRecord map[string]json.RawMessage

// parseJSONRecord decodes one record, first turning a non-UTF-8 record into
// UTF-8: encoding/json would silently replace bad bytes with U+FFFD.
func parseJSONRecord(data []byte, declaredUTF8 bool) (jsonRecord, error) {
	if !utf8.Valid(data) {
		s, _, err := decodeText(data, declaredUTF8)
		if err != nil {
			return nil, err
		}
		data = []byte(s)
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, errors.New("record is not a JSON object")
	}
	var rec jsonRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, jsonError(err)
	}
	return rec, nil
}

// get is a lookup over the record's keys.
func (r jsonRecord) get(names []string) (string, string, error) {
	var firstErr error
	for _, name := range names {
		key, raw, ok := r.find(name)
		if !ok {
			continue
		}
		v, present, err := jsonScalar(raw)
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("field %q: %w", key, err)
			}
			continue
		}
		if present {
			return v, key, nil
		}
	}
	return "", "", firstErr
}

// find looks name up exactly, then ignoring case; of several keys that
// differ only in case the smallest wins, so the choice does not depend on
// map order.
func (r jsonRecord) find(name string) (string, json.RawMessage, bool) {
	if raw, ok := r[name]; ok {
		return name, raw, true
	}
	best, found := "", false
	for k := range r {
		if strings.EqualFold(k, name) && (!found || k < best) {
			best, found = k, true
		}
	}
	return best, r[best], found
}

// jsonScalar returns a string as its value and a number as its literal
// text (an id of 123 becomes "123"); null counts as absent.
func jsonScalar(raw json.RawMessage) (string, bool, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false, nil
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false, jsonError(err)
		}
		return s, true, nil
	case c == 'n':
		return "", false, nil
	case c == '-' || c >= '0' && c <= '9':
		return string(raw), true, nil
	}
	return "", false, errNotScalar
}

// jsonError makes encoding/json's errors say where, and says the same
// thing for input that ends too soon however the decoder put it.
func jsonError(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se) && !strings.HasPrefix(se.Error(), "unexpected end"):
		// Offset counts the bytes read when the error was noticed, so it
		// points near, not exactly at, the bad byte.
		return fmt.Errorf("invalid json near byte %d: %v", se.Offset, se)
	case se != nil, errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("invalid json: unexpected end of input")
	}
	return err
}

// emit yields a record's document and reports its problems; e carries the
// record's position.
func emit(s *source, rec lookup, source string, e Error, yield func(extract.Document) error, report func(*Error)) error {
	doc, warn, err := recordDocument(s.o.fields, rec)
	if err != nil {
		e.Err = err
		report(&e)
		return nil
	}
	if warn != nil {
		w := e
		w.Err = warn
		report(&w)
	}
	doc.Source = source
	return yield(doc)
}
