package input

import (
	"errors"
	"io/fs"
	"strconv"
)

// Error is one problem with one input: a file that cannot be read, or a
// line or record inside it that cannot be turned into a Document.
type Error struct {
	// Path is the path as given ("-" for standard input).
	Path string
	// Line is the 1-based line of a text, JSON Lines or CSV input, 0 if none.
	Line int
	// Record is the 1-based index of a record in a JSON array, 0 if none.
	Record int
	Err    error
}

// Error returns "path:line: message", or "path: record N: message" for a
// record of a JSON array, or "path: message".
func (e *Error) Error() string {
	s := quotedPath(e.Path)
	switch {
	case e.Line > 0:
		s += ":" + strconv.Itoa(e.Line) + ": "
	case e.Record > 0:
		s += ": record " + strconv.Itoa(e.Record) + ": "
	default:
		s += ": "
	}
	if e.Err == nil {
		return s + "unknown error"
	}
	return s + e.Err.Error()
}

// quotedPath is the path as it reads, or quoted (Go syntax) when it holds
// a line break or another control character, so a file name cannot start
// a forged line in a log.
func quotedPath(p string) string {
	if q := strconv.Quote(p); q[1:len(q)-1] != p {
		return q
	}
	return p
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// pathless drops the path from an *fs.PathError, because Error already
// starts with it and "a.txt: open a.txt: no such file" says it twice.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
