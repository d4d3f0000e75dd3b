package claim_test

import (
	"sync"
	"testing"

	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/schema"
	"github.com/tally-news/tally/schema/skips"
)

// benchArticle is the longer invented article, with its figures.
func benchArticle(tb testing.TB) (string, string, []figureSpan) {
	text, published := readArticle(tb, "../../../testdata/claim/articles/front.txt")
	return text, published, findFigures(text)
}

// benchArticleAll is benchArticle as AnnotateAll takes it. AnnotateAll
// sets the four claim fields whatever they hold, so the figures can be
// annotated again and again.
func benchArticleAll(tb testing.TB) (string, string, []schema.Figure, []claim.Span) {
	text, published, spans := benchArticle(tb)
	figs := make([]schema.Figure, len(spans))
	sents := make([]claim.Span, len(spans))
	for i, fs := range spans {
		figs[i] = schema.Figure{Start: fs.start, End: fs.end}
		sents[i] = claim.Span{Start: fs.sentStart, End: fs.sentEnd}
	}
	return text, published, figs, sents
}

func BenchmarkAnnotate(b *testing.B) {
	a := defaultAnnotator(b)
	text, published, figs := benchArticle(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, fs := range figs {
			f := schema.Figure{Start: fs.start, End: fs.end}
			a.Annotate(text, fs.sentStart, fs.sentEnd, published, &f)
		}
	}
	b.ReportMetric(float64(len(figs)), "figures/op")
}

// BenchmarkAnnotateAll annotates the same figures as BenchmarkAnnotate,
// once per document.
func BenchmarkAnnotateAll(b *testing.B) {
	a := defaultAnnotator(b)
	text, published, figs, sents := benchArticleAll(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		a.AnnotateAll(text, published, figs, sents)
	}
	b.ReportMetric(float64(len(figs)), "figures/op")
}

// TestAllocationsAll holds AnnotateAll to the same promise as Annotate: no
// allocation but the date strings, and those once per sentence at most.
func TestAllocationsAll(t *testing.T) {
	if raceEnabled {
		skips.Skip(t, "the race detector defeats sync.Pool")
	}
	a := defaultAnnotator(t)
	text, published, figs, sents := benchArticleAll(t)
	a.AnnotateAll(text, published, figs, sents) // warm the pool
	allocs := testing.AllocsPerRun(50, func() {
		a.AnnotateAll(text, published, figs, sents)
	})
	if allocs > float64(len(figs)) {
		t.Errorf("%.1f allocations for %d figures", allocs, len(figs))
	}
}

// TestAllocations holds the promise that a call allocates only the date
// string it returns.
func TestAllocations(t *testing.T) {
	if raceEnabled {
		skips.Skip(t, "the race detector defeats sync.Pool")
	}
	a := defaultAnnotator(t)
	text, published, figs := benchArticle(t)
	allocs := testing.AllocsPerRun(50, func() {
		for _, fs := range figs {
			f := schema.Figure{Start: fs.start, End: fs.end}
			a.Annotate(text, fs.sentStart, fs.sentEnd, published, &f)
		}
	})
	if allocs > float64(len(figs)) {
		t.Errorf("%.1f allocations for %d figures", allocs, len(figs))
	}
}

// TestConcurrent runs one Annotator from many goroutines, through Annotate
// and AnnotateAll (go test -race).
func TestConcurrent(t *testing.T) {
	a := defaultAnnotator(t)
	text, published, figs := benchArticle(t)
	want := make([]schema.Figure, len(figs))
	for i, fs := range figs {
		want[i] = schema.Figure{Start: fs.start, End: fs.end}
		a.Annotate(text, fs.sentStart, fs.sentEnd, published, &want[i])
	}
	sents := make([]claim.Span, len(figs))
	for i, fs := range figs {
		sents[i] = claim.Span{Start: fs.sentStart, End: fs.sentEnd}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			all := make([]schema.Figure, len(figs))
			for r := 0; r < 20; r++ {
				for i, fs := range figs {
					f := schema.Figure{Start: fs.start, End: fs.end}
					a.Annotate(text, fs.sentStart, fs.sentEnd, published, &f)
					if f != want[i] {
						t.Errorf("figure %d: %+v, want %+v", i, f, want[i])
						return
					}
					all[i] = schema.Figure{Start: fs.start, End: fs.end}
				}
				a.AnnotateAll(text, published, all, sents)
				for i := range all {
					if all[i] != want[i] {
						t.Errorf("AnnotateAll, figure %d: %+v, want %+v", i, all[i], want[i])
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}
