package claim_test

import (
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/schema"
)

// mark reads a test article in which the figure is written [[like this]]:
// it returns the text without the brackets and the figure's span.
func mark(t testing.TB, marked string) (text string, start, end int) {
	t.Helper()
	start = strings.Index(marked, "[[")
	end = strings.Index(marked, "]]")
	if start < 0 || end < start {
		t.Fatalf("no [[figure]] in %q", marked)
	}
	text = marked[:start] + marked[start+2:end] + marked[end+2:]
	return text, start, end - 2
}

// annotate runs the annotator on the marked figure, with the sentence the
// tests' own splitter finds around it.
func annotate(t testing.TB, a *claim.Annotator, marked, published string) schema.Figure {
	t.Helper()
	text, start, end := mark(t, marked)
	f := schema.Figure{Start: start, End: end}
	for _, s := range sentences(text) {
		if s[0] <= start && start < s[1] {
			a.Annotate(text, s[0], s[1], published, &f)
			return f
		}
	}
	t.Fatalf("figure outside every sentence in %q", marked)
	return f
}
