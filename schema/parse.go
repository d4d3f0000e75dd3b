package schema

import (
	"fmt"
	"strconv"
)

// Header maps column names to their places in a row read back from a file
// tally wrote (a workbook being appended to). Rows are read by name, so a
// file written before later columns were added still reads: a missing
// column is empty.
type Header map[string]int

// NewHeader indexes a header row.
func NewHeader(names []string) Header {
	h := make(Header, len(names))
	for i, n := range names {
		h[n] = i
	}
	return h
}

// Has reports whether every one of names is a column.
func (h Header) Has(names ...string) bool {
	for _, n := range names {
		if _, ok := h[n]; !ok {
			return false
		}
	}
	return true
}

func (h Header) get(cells []string, name string) string {
	if i, ok := h[name]; ok && i < len(cells) {
		return cells[i]
	}
	return ""
}

// Figure is the inverse of Figure.Cells. A number that does not parse is an
// error naming its column.
func (h Header) Figure(cells []string) (Figure, error) {
	p := cellParser{h: h, cells: cells}
	f := Figure{
		Source: p.text("source"), Published: p.text("published"),
		Value: p.float("value"), Low: p.optional("low"), High: p.optional("high"),
		Qualifier: p.text("qualifier"), Unit: p.text("unit"), Object: p.text("object"),
		Category: p.text("category"), Text: p.text("text"), Sentence: p.text("sentence"),
		Start: p.int("start"), End: p.int("end"), Rule: p.text("rule"), Section: p.text("section"),
		DocID: p.text("doc_id"), URL: p.text("url"), Title: p.text("title"), Outlet: p.text("outlet"),
		Attribution: p.text("attribution"), Hedge: p.text("hedge"),
		EventDate: p.text("event_date"), Location: p.text("location"),
		Basis: p.text("basis"), Scope: p.text("scope"), Note: p.text("note"),
	}
	return f, p.err
}

// Source is the inverse of Source.Cells.
func (h Header) Source(cells []string) (Source, error) {
	p := cellParser{h: h, cells: cells}
	s := Source{
		Source: p.text("source"), DocID: p.text("doc_id"), Title: p.text("title"),
		Outlet: p.text("outlet"), Published: p.text("published"), URL: p.text("url"),
		Figures: p.int("figures"), Errors: p.text("errors"),
	}
	return s, p.err
}

// cellParser reads one row's cells, keeping the first error.
type cellParser struct {
	h     Header
	cells []string
	err   error
}

func (p *cellParser) text(name string) string { return p.h.get(p.cells, name) }

func (p *cellParser) fail(name, cell, want string) {
	if p.err == nil {
		p.err = fmt.Errorf("column %s: %q is not %s", name, cell, want)
	}
}

func (p *cellParser) float(name string) float64 {
	s := p.text(name)
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		p.fail(name, s, "a number")
	}
	return v
}

func (p *cellParser) optional(name string) *float64 {
	if p.text(name) == "" {
		return nil
	}
	return Float(p.float(name))
}

func (p *cellParser) int(name string) int {
	s := p.text(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		// A spreadsheet program that saved the workbook may write 12 as 12.0.
		if v, ferr := strconv.ParseFloat(s, 64); ferr == nil && v == float64(int(v)) {
			return int(v)
		}
		p.fail(name, s, "a whole number")
	}
	return n
}
