package claim_test

import (
	"strings"
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/schema"
)

// extractor is the shipped extractor: its figures and sentences are what
// AnnotateAll is given in production.
func extractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	cfg, err := extract.DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		tb.Fatalf("compile config.yaml: %v", err)
	}
	return e
}

// extracted returns the figures Extract finds in text (their claims
// fields cleared), their sentences and the publication date it read.
func extracted(tb testing.TB, e *extract.Extractor, text string) ([]schema.Figure, []claim.Span, string) {
	tb.Helper()
	figs := e.Extract(extract.Document{Text: text})
	sents := make([]claim.Span, len(figs))
	published := ""
	for i := range figs {
		f := &figs[i]
		published = f.Published
		lo := max(0, f.End-len(f.Sentence))
		k := strings.Index(text[lo:], f.Sentence)
		if k < 0 || lo+k > f.Start {
			tb.Fatalf("figure %q at %d: sentence %q not found around it", f.Text, f.Start, f.Sentence)
		}
		sents[i] = claim.Span{Start: lo + k, End: lo + k + len(f.Sentence)}
		f.Attribution, f.Hedge, f.EventDate, f.Location = "", "", "", ""
	}
	return figs, sents, published
}

// TestAnnotateAllExtracted holds AnnotateAll to Annotate on the figures and
// sentences the extractor finds.
func TestAnnotateAllExtracted(t *testing.T) {
	a := defaultAnnotator(t)
	e := extractor(t)
	n := 0
	for _, doc := range sameArticles(t) {
		figs, sents, published := extracted(t, e, doc.text)
		if published == "" {
			published = doc.published
		}
		n += len(figs)
		checkSame(t, a, doc.name+" (extracted)", doc.text, published, figs, sents)
	}
	t.Logf("%d figures", n)
}

// BenchmarkAnnotateAllExtracted is the claims share of BenchmarkExtract:
// the same documents, with the figures and sentences Extract gives.
func BenchmarkAnnotateAllExtracted(b *testing.B) {
	a := defaultAnnotator(b)
	e := extractor(b)
	type doc struct {
		text, published string
		figs            []schema.Figure
		sents           []claim.Span
	}
	texts, size := claim.BenchDocs(b)
	docs := make([]doc, len(texts))
	for i, text := range texts {
		figs, sents, published := extracted(b, e, text)
		docs[i] = doc{text, published, figs, sents}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			d := &docs[i] // AnnotateAll sets the four fields whatever they hold
			a.AnnotateAll(d.text, d.published, d.figs, d.sents)
		}
	}
}
