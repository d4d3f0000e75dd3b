package claim_test

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// figureSpan is a number found by the tests' own finder: digits, or a
// number word.
type figureSpan struct {
	start, end         int // the number
	sentStart, sentEnd int // its sentence
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"twenty": true, "thirty": true, "fifty": true, "hundred": true, "dozens": true,
	"hundreds": true, "thousands": true, "half": true, "quarter": true, "tenth": true,
}

// sentences splits text at line breaks and at . ! ? followed by a space and
// a capital letter or a quote: good enough to test with.
func sentences(text string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\n') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\n') {
			e--
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			emit(i)
		case '.', '!', '?':
			j := i + 1
			for j < len(text) && strings.ContainsRune("\"”’')", rune(text[j])) {
				j++
			}
			if j < len(text) && text[j] == 0xe2 { // ” as three bytes
				if strings.HasPrefix(text[j:], "”") {
					j += len("”")
				}
			}
			if j+1 < len(text) && text[j] == ' ' {
				r, _ := utf8.DecodeRuneInString(text[j+1:])
				if unicode.IsUpper(r) || r == '"' || r == '“' {
					if i > 0 && text[i] == '.' && i >= 2 && text[i-2] == ' ' && unicode.IsUpper(rune(text[i-1])) {
						continue // an initial
					}
					if strings.HasSuffix(text[:i], "Feb") || strings.HasSuffix(text[:i], "Mr") {
						continue
					}
					emit(j)
				}
			}
		}
	}
	emit(len(text))
	return out
}

// findFigures returns the numbers of text with their sentences.
func findFigures(text string) []figureSpan {
	var out []figureSpan
	for _, s := range sentences(text) {
		i := s[0]
		for i < s[1] {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += size
				continue
			}
			j := i
			for j < s[1] {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || (r2 == ',' || r2 == '.') && j+1 < s[1] && text[j+1] >= '0' && text[j+1] <= '9' && r >= '0' && r <= '9' {
					j += s2
					continue
				}
				break
			}
			w := text[i:j]
			if w[0] >= '0' && w[0] <= '9' || numberWords[strings.ToLower(w)] {
				out = append(out, figureSpan{i, j, s[0], s[1]})
			}
			i = j
		}
	}
	return out
}

// figureAt finds the figure whose text starts with num after the first
// occurrence of context (context contains num).
func figureAt(text, context, num string) (figureSpan, bool) {
	k := strings.Index(text, context)
	if k < 0 {
		return figureSpan{}, false
	}
	k += strings.Index(context, num)
	for _, f := range findFigures(text) {
		if f.start == k {
			return f, true
		}
	}
	return figureSpan{}, false
}
