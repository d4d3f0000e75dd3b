package text

import (
	"strings"
	"testing"
)

// testSplitter has the kind of abbreviations the shipped rules list.
var testSplitter = NewSplitter([]string{"Gen", "feb", "Mr", "u.s", "Inc"})

// split returns the sentences of text, as strings.
func split(text string) []string {
	var out []string
	for _, sp := range testSplitter.Split(nil, text, 0, len(text)) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"two sentences", "Five died. Ten were hurt.", []string{"Five died.", "Ten were hurt."}},
		{"question and exclamation", "How many? At least 12! Officials said so.", []string{"How many?", "At least 12!", "Officials said so."}},
		{"a digit opens", "It rose. 40 more died.", []string{"It rose.", "40 more died."}},
		{"lower case goes on", "He said 5 p.m. was late. It was.", []string{"He said 5 p.m. was late.", "It was."}},

		// abbreviations and initials
		{"abbreviation", "Gen. Smith said 5 died.", []string{"Gen. Smith said 5 died."}},
		{"abbreviation any case", "On FEB. 24 troops came. They left.", []string{"On FEB. 24 troops came.", "They left."}},
		{"abbreviation with dots", "The U.S. Army said so. Then it left.", []string{"The U.S. Army said so.", "Then it left."}},
		{"initial", "J. Smith said 5 died.", []string{"J. Smith said 5 died."}},
		{"initial in quotes", `He said "A. Jones" came.`, []string{`He said "A. Jones" came.`}},
		{"unlisted word ends", "Acme Corp. Said nothing.", []string{"Acme Corp.", "Said nothing."}},
		{"long word ends", "It was Mississippi. Then rain.", []string{"It was Mississippi.", "Then rain."}},

		// closers and openers
		{"closing quote", `"We fled." She wept.`, []string{`"We fled."`, "She wept."}},
		{"curly quotes", "“We fled.” “Then what?” he asked.", []string{"“We fled.”", "“Then what?” he asked."}},
		{"closing bracket", "(Five died.) Ten fled.", []string{"(Five died.)", "Ten fled."}},
		{"opening quote opens", `It ended. "Now," he said.`, []string{"It ended.", `"Now," he said.`}},
		{"bullet opens", "It ended. • Five died.", []string{"It ended.", "• Five died."}},
		{"no space after the stop", "It was 3.5 km.Then more.", []string{"It was 3.5 km.Then more."}},

		// line breaks
		{"line break", "Quake kills 12\nRescuers dug.", []string{"Quake kills 12", "Rescuers dug."}},
		{"blank lines and spaces", "  One. \n\n\t Two  \r\n", []string{"One.", "Two"}},
		{"line break after abbreviation", "He met Gen.\nSmith left.", []string{"He met Gen.", "Smith left."}},
		{"line separator is a space", "Quake kills 12\u2028Rescuers dig\u2029on", []string{"Quake kills 12\u2028Rescuers dig\u2029on"}},
		{"line separator after a stop", "Five died.\u2028Ten fled.", []string{"Five died.", "Ten fled."}},
		{"no-break spaces trimmed", "\u00a0Five died.\u202f\u2009", []string{"Five died."}},
		{"empty", "", nil},

		// fixed bugs
		{"stop at the end", "It ended.", []string{"It ended."}},
	} {
		got := split(tt.text)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("%s: %q\n got %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestSplitRunOn: a sentence longer than MaxSentenceBytes is cut at a
// space in the second half of each piece, or, without spaces, at a rune
// start; nothing but space is lost.
func TestSplitRunOn(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"spaces", strings.Repeat("officials said 12 people died in the city ", 300)},
		{"no spaces", strings.Repeat("12€x", 3000)},
		// a rune before thousands of stray continuation bytes: its piece
		// keeps it whole and runs to the bound (FuzzScanWindow found a
		// one-byte piece that split it)
		{"stray continuation bytes", "ح" + strings.Repeat("\xb1", 9000)},
	} {
		spans := testSplitter.Split(nil, tt.text, 0, len(tt.text))
		if len(spans) < 2 {
			t.Fatalf("%s: %d sentences, want the run-on cut", tt.name, len(spans))
		}
		var rebuilt strings.Builder
		for i, sp := range spans {
			if n := sp.End - sp.Start; n > MaxSentenceBytes || n < MaxSentenceBytes/2 && i < len(spans)-1 {
				t.Errorf("%s: piece %d of %d bytes", tt.name, i, n)
			}
			if tt.name == "spaces" && i < len(spans)-1 && tt.text[sp.End] != ' ' {
				t.Errorf("%s: piece %d not cut at a space", tt.name, i)
			}
			rebuilt.WriteString(tt.text[sp.Start:sp.End])
		}
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if squash(rebuilt.String()) != squash(tt.text) {
			t.Errorf("%s: the pieces lose text", tt.name)
		}
	}
}

func TestHasSentenceEnd(t *testing.T) {
	for text, want := range map[string]bool{
		"Five died.":          true,
		"Acme Inc.":           false,
		"Who? ":               true,
		"Reporting by Gen. X": false,
		"Photo: AP":           false,
	} {
		if got := testSplitter.HasSentenceEnd(text); got != want {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
