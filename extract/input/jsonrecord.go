package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/tally-news/tally/schema"
)

// jsonField is one top-level member of a record: a string keeps its value,
// a number its literal text (an id of 123 becomes "123"); null counts as
// absent, and an object, array or boolean is present but unusable.
type jsonField struct {
	key, value string
	present    bool
	err        error
}

// jsonRecord is one JSON object's members in the order written.
type jsonRecord []jsonField

// recordDecoder is a decoder with a buffer for unquoting strings, reused
// across records so that a record costs one allocation per string kept.
type recordDecoder struct {
	dec     jsontext.Decoder
	unquote []byte
}

var recordDecoders = sync.Pool{New: func() any { return new(recordDecoder) }}

// parseJSONRecord decodes one record in a single validating pass, first
// turning a non-UTF-8 record into UTF-8 so that bad bytes are decoded by
// the declared or detected encoding rather than replaced. Duplicate keys
// are allowed, the last one winning, as most JSON readers do.
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
	rd := recordDecoders.Get().(*recordDecoder)
	defer func() {
		rd.dec.Reset(new(bytes.Buffer)) // let go of the record
		recordDecoders.Put(rd)
	}()
	dec := &rd.dec
	// A *bytes.Buffer is parsed in place, without a copy.
	dec.Reset(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	rec, err := rd.readRecord()
	if err != nil {
		return nil, jsonError(err)
	}
	if _, err := dec.ReadToken(); err != io.EOF {
		return nil, errors.New("invalid json: unexpected data after the record")
	}
	return rec, nil
}

// readRecord reads one object, keeping its scalar members and skipping the
// insides of the others.
func (rd *recordDecoder) readRecord() (jsonRecord, error) {
	dec := &rd.dec
	if _, err := dec.ReadToken(); err != nil { // the '{' checked by the caller
		return nil, err
	}
	rec := make(jsonRecord, 0, 8)
	for dec.PeekKind() != '}' {
		name, err := dec.ReadToken()
		if err != nil {
			return nil, err
		}
		f := jsonField{key: name.String()}
		switch dec.PeekKind() {
		case '"':
			v, err := dec.ReadValue()
			if err != nil {
				return nil, err
			}
			// The only error left for a string the decoder accepted is a
			// lone surrogate escape, which is replaced by U+FFFD as
			// AllowInvalidUTF8 does for raw bytes.
			rd.unquote, _ = jsontext.AppendUnquote(rd.unquote[:0], v)
			f.value, f.present = string(rd.unquote), true
		case '0':
			v, err := dec.ReadValue()
			if err != nil {
				return nil, err
			}
			f.value, f.present = string(v), true
		case 'n':
			if _, err := dec.ReadToken(); err != nil {
				return nil, err
			}
		default:
			// Invalid input peeks as kind 0; SkipValue then reports it.
			if err := dec.SkipValue(); err != nil {
				return nil, err
			}
			f.err = errNotScalar
		}
		rec = append(rec, f)
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, err
	}
	return rec, nil
}

// get is a lookup over the record's keys.
func (r jsonRecord) get(names []string) (string, string, error) {
	var firstErr error
	for _, name := range names {
		f, ok := r.find(name)
		if !ok {
			continue
		}
		if f.err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("field %q: %w", f.key, f.err)
			}
			continue
		}
		if f.present {
			return f.value, f.key, nil
		}
	}
	return "", "", firstErr
}

// find looks name up exactly, then ignoring case; of several keys that
// differ only in case the smallest wins, so the choice does not depend on
// the order of the members. Of repeated keys the last wins.
func (r jsonRecord) find(name string) (jsonField, bool) {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i].key == name {
			return r[i], true
		}
	}
	best := -1
	for i := len(r) - 1; i >= 0; i-- {
		if strings.EqualFold(r[i].key, name) && (best < 0 || r[i].key < r[best].key) {
			best = i
		}
	}
	if best < 0 {
		return jsonField{}, false
	}
	return r[best], true
}

// jsonError makes the decoder's errors say where, and says the same
// thing for input that ends too soon however the decoder put it.
func jsonError(err error) error {
	var syn *jsontext.SyntacticError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("invalid json: unexpected end of input")
	case errors.As(err, &syn):
		if cause := errors.Unwrap(syn.Err); cause != nil {
			return cause // the reader failed (a size limit, a broken gzip), not the JSON
		}
		return fmt.Errorf("invalid json at byte %d: %v", syn.ByteOffset, syn.Err)
	}
	if cause := errors.Unwrap(err); cause != nil {
		return cause
	}
	return err
}

// emit yields a record's document and reports its problems; e carries the
// record's position.
func emit(s *source, rec lookup, source string, e Error, yield func(schema.Document) error, report func(*Error)) error {
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
