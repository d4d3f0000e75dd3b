package input

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tally-news/tally/schema"
)

// lookup returns the value of the first of names a record has with a
// usable (string or number) value, and the key it was found under ("" if
// none). err says why a present field was unusable when none was found.
type lookup func(names []string) (value, key string, err error)

// recordDocument builds a Document from one feed record. A record without
// text is an error; a date that cannot be read is only a warning, because
// the rest of the record is still worth extracting.
func recordDocument(fm FieldMap, get lookup) (doc schema.Document, warn, err error) {
	doc.ID, _, _ = get(fm.ID)
	doc.URL, _, _ = get(fm.URL)
	doc.Title, _, _ = get(fm.Title)
	doc.Outlet, _, _ = get(fm.Outlet)

	text, key, err := get(fm.Text)
	switch {
	case err != nil:
		return doc, nil, withID(doc.ID, err)
	case key == "":
		return doc, nil, withID(doc.ID, fmt.Errorf("no text field (tried %s)", strings.Join(fm.Text, ", ")))
	case strings.TrimSpace(text) == "":
		return doc, nil, withID(doc.ID, fmt.Errorf("empty %q field", key))
	case strings.IndexByte(text, 0) >= 0:
		return doc, nil, withID(doc.ID, errNUL(strings.IndexByte(text, 0)))
	}
	doc.Text = text

	date, key, _ := get(fm.Published)
	if key != "" {
		if d, ok := normaliseDate(date); ok {
			doc.Published = d
		} else {
			warn = withID(doc.ID, fmt.Errorf("unrecognised date %q in field %q; published left empty", date, key))
		}
	}
	return doc, warn, nil
}

// errNUL refuses a text with a NUL byte: no output format can carry it
// faithfully, so a document holding one past the sniffed start of a file
// (or escaped in a record) is refused as a file starting with one is.
// Every reader checks the text it yields: a page and a text file whole, a
// feed record by record.
func errNUL(offset int) error {
	return fmt.Errorf("binary data, not text: a NUL byte at offset %d", offset)
}

// withID names the record by its id, when it has one, so that a user can
// find it in a file of many.
func withID(id string, err error) error {
	if id == "" {
		return err
	}
	return fmt.Errorf("record %q: %w", id, err)
}

// normaliseDate returns the calendar date (YYYY-MM-DD) of a published
// value. An ISO date or timestamp keeps the date as written, without
// converting time zones, because that is the day the outlet dated it.
func normaliseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if len(s) >= 10 && (len(s) == 10 || s[10] == 'T' || s[10] == ' ') {
		if _, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return s[:10], true
		}
	}
	layouts := [...]string{
		time.RFC1123Z, time.RFC1123, // RSS feeds
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"2006/01/02",
		"January 2, 2006",
		"Jan 2, 2006",
		"2 January 2006",
		"2 Jan 2006",
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// errNotScalar is why a field holding an object, array or boolean is not
// used.
var errNotScalar = errors.New("not a string or number")
