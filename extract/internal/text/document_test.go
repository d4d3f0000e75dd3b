package text

import (
	"slices"
	"testing"
)

// TestDocSplitsALineOnce: the sentences of a line are split on the first
// request and the same slice is handed out after, whichever pass asks.
func TestDocSplitsALineOnce(t *testing.T) {
	text := "Quake kills 12\n\nGen. Smith said 40 were hurt. Ten fled.\nThe end."
	var d Doc
	d.Reset(testSplitter, text)
	if d.Lines() != 4 || d.splits != 0 {
		t.Fatalf("%d lines, %d split after the reset; want 4, 0", d.Lines(), d.splits)
	}
	first := d.Sentences(2)
	again := d.Sentences(2)
	if d.splits != 1 || &first[0] != &again[0] {
		t.Fatalf("line 2 asked twice: %d splits, same slice %v; want 1, true", d.splits, &first[0] == &again[0])
	}
	start, end := d.Line(2)
	if want := testSplitter.Split(nil, text, start, end); !slices.Equal(first, want) {
		t.Fatalf("line 2: %v, want the splitter's %v", first, want)
	}
	if got := d.SentencesIn(nil, 2, start, end); !slices.Equal(got, first) || d.splits != 1 {
		t.Fatalf("the whole line again: %v with %d splits, want %v with 1", got, d.splits, first)
	}
	if n := len(d.Sentences(1)); n != 0 || d.splits != 2 {
		t.Fatalf("the blank line: %v, %d splits", d.Sentences(1), d.splits)
	}

	// A region that cuts a line (a date header before it, an end marker
	// in it) is split on its own and not kept.
	from := start + len("Gen. ")
	got := d.SentencesIn(nil, 2, from, end)
	if want := testSplitter.Split(nil, text, from, end); !slices.Equal(got, want) || d.splits != 2 {
		t.Fatalf("a cut line: %v with %d splits, want %v with 2", got, d.splits, want)
	}
	if again := d.Sentences(2); &again[0] != &first[0] {
		t.Fatal("a cut line replaced the line's sentences")
	}

	// A reset forgets the lines.
	d.Reset(testSplitter, "One.\nTwo.")
	if d.splits != 0 || len(d.Sentences(1)) != 1 || d.splits != 1 {
		t.Fatalf("after a reset: %d splits", d.splits)
	}
}

func TestDocLines(t *testing.T) {
	text := "ab\n\ncd\ne"
	var d Doc
	d.Reset(testSplitter, text)
	for _, tt := range []struct{ pos, line, start, end int }{
		{0, 0, 0, 2}, {2, 0, 0, 2}, {3, 1, 3, 3}, {4, 2, 4, 6}, {6, 2, 4, 6}, {7, 3, 7, 8}, {8, 3, 7, 8},
	} {
		k := d.LineOf(tt.pos)
		s, e := d.Line(k)
		if k != tt.line || s != tt.start || e != tt.end || d.LineStart(tt.pos) != s || d.LineEnd(tt.pos) != e {
			t.Errorf("pos %d: line %d [%d, %d), want %d [%d, %d)", tt.pos, k, s, e, tt.line, tt.start, tt.end)
		}
	}
	if got := d.Breaks(); !slices.Equal(got, []int{2, 3, 6}) {
		t.Errorf("breaks %v", got)
	}
}
