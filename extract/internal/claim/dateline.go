package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Datelines. Handles, with the claims rule `dateline` (a pattern whose
// first group is the place and second the wire's credit):
//
//	"KYIV, Ukraine (AP) — Russian missiles ..."   Kyiv
//	"WASHINGTON: Lawmakers approved ..."            Washington
//	"DALLAS (Reuters) - A gunman ..."               Dallas (not in the gazetteer: its own
//	                                                spelling, only with a wire's credit,
//	                                                so "BREAKING: ..." names no place)
//
// A dateline opens one of the first lines of a story. Its place is the
// story's place, for the figures whose sentence and paragraph name none; it
// never overrides a place in the text, and the places written in it
// ("Ukraine" after "KYIV,") are not read as the paragraph's.

// datelineLines is how many lines from the top a dateline may open: the
// headline, a byline and a blank line or two come first.
const datelineLines = 8

// dateline is the span of a story's dateline and the place it names.
type dateline struct {
	start, end int
	name       string
}

// findDateline returns the dateline of text, if one of its first lines
// opens with one.
func (a *Annotator) findDateline(text string) dateline {
	if a.dateline == nil {
		return dateline{}
	}
	pos := 0
	for n := 0; n < datelineLines && pos < len(text); n++ {
		line := text[pos:]
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		// Cheap test first: a dateline opens with a capital letter and
		// (for the all-capital city) another right after it.
		if len(line) > 2 && isUpperASCII(line[0]) && isUpperASCII(line[1]) {
			if m := a.dateline.FindStringSubmatchIndex(line); m != nil && m[0] == 0 && m[2] >= 0 {
				credited := len(m) > 4 && m[4] >= 0
				if name := a.datelinePlace(line[:m[1]], line[m[2]:m[3]], credited); name != "" {
					return dateline{start: pos, end: pos + m[1], name: name}
				}
			}
		}
		pos += len(line) + 1
	}
	return dateline{}
}

// datelinePlace is the first gazetteer place of the dateline ("KYIV" ->
// Kyiv), else, when a wire is credited, the place as written, in title
// case ("DALLAS" -> Dallas).
func (a *Annotator) datelinePlace(line, place string, credited bool) string {
	var v view
	v.reset(line)
	v.scan(0, len(line))
	for i := range v.toks {
		if p, ok := a.gazetteer(&v, i, len(v.toks)); ok {
			return p.name
		}
	}
	if !credited {
		return ""
	}
	return titleCase(place)
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// titleCase writes each word with a capital and the rest in lower case.
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range strings.TrimSpace(s) {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == utf8.RuneError
	}
	return b.String()
}
