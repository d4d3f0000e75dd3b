package claim

import "github.com/tally-news/tally/schema"

// Span is a sentence's byte range [Start, End) in a document's text.
type Span struct{ Start, End int }

// AnnotateAll annotates every figure of one document; sents[i] is the
// sentence of figs[i], and figures come in text order. It gives the same
// fields as calling Annotate for each figure.
func (a *Annotator) AnnotateAll(text, published string, figs []schema.Figure, sents []Span) {
	for i := range figs {
		a.Annotate(text, sents[i].Start, sents[i].End, published, &figs[i])
	}
}
