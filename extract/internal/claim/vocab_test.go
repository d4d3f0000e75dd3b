package claim

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/schema"
)

// TestVocabManySets compiles the shipped rules with forty more word sets
// than a token has bits for, ahead of the shipped ones, so that most sets,
// the shipped ones among them, come after the bits are taken. Every set
// must still answer as its map does, on every token of the articles, and
// every figure of them must get the annotation the shipped vocabulary
// gives it.
func TestVocabManySets(t *testing.T) {
	paths, _ := filepath.Glob("../../../testdata/claim/articles/*.txt")
	if len(paths) == 0 {
		t.Fatal("no articles")
	}
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}

	want := shippedAnnotator(t)
	c := &compiler{a: &Annotator{}}
	c.compile(ShippedConfig(t))
	if c.err != nil {
		t.Fatal(c.err)
	}
	// The extra sets hold words of the articles, so they match.
	var words []string
	var plain view
	for _, text := range texts {
		plain.reset(text)
		plain.scan(0, len(text))
		for i := range plain.toks {
			if plain.word(i) && len(words) < 40*3 {
				words = append(words, string(plain.key(i)))
			}
		}
	}
	var extra []*wordSet
	for k := range 40 {
		w := wordSet{m: map[string]struct{}{}}
		for _, word := range words[k*3 : k*3+3] {
			w.m[word] = struct{}{}
		}
		extra = append(extra, &w)
	}
	c.buildVocab(append(extra, c.a.wordSets()...))
	c.a.docPool.New = func() any { return new(docScratch) }
	a := c.a

	sets := append(extra, a.wordSets()...)
	past := 0
	for _, w := range sets {
		if w.bit == 0 {
			past++
		}
	}
	if past < len(a.wordSets()) {
		t.Fatalf("%d sets past the bits, want the %d shipped ones at least", past, len(a.wordSets()))
	}

	for _, text := range texts {
		var v view
		v.voc = a.voc
		v.reset(text)
		v.scan(0, len(text))
		for i := range v.toks {
			for k, w := range sets {
				if got, want := w.at(&v, i), w.has(v.key(i)); got != want {
					t.Fatalf("set %d (bit %#x), token %q: at %v, want %v", k, w.bit, v.key(i), got, want)
				}
			}
		}

		// Every number is a figure, in its sentence as the splitter cuts it.
		var figs []schema.Figure
		var sents []Span
		var doc txt.Doc
		doc.Reset(a.splitter, text)
		for k := range doc.Lines() {
			for _, sp := range doc.Sentences(k) {
				for i := range v.toks {
					if s := int(v.toks[i].s); s >= sp.Start && s < sp.End && v.is(i, fDigit) {
						figs = append(figs, schema.Figure{Start: s, End: int(v.toks[i].e)})
						sents = append(sents, sp)
					}
				}
			}
		}
		wantFigs := append([]schema.Figure(nil), figs...)
		want.AnnotateAll(text, "2024-03-01", wantFigs, sents)
		a.AnnotateAll(text, "2024-03-01", figs, sents)
		annotated := 0
		for i := range figs {
			g, w := figs[i], wantFigs[i]
			if g.Attribution != w.Attribution || g.Hedge != w.Hedge || g.EventDate != w.EventDate || g.Location != w.Location {
				t.Fatalf("figure %q: got %s, want %s", text[g.Start:g.End], fields(g), fields(w))
			}
			if w.Attribution != "" || w.Hedge != "" || w.Location != "" {
				annotated++
			}
		}
		if annotated == 0 && len(figs) > 3 {
			t.Errorf("no figure of %.40q annotated: the test tests little", text)
		}
	}
}

func fields(f schema.Figure) string {
	return fmt.Sprintf("attribution %q hedge %q date %q location %q", f.Attribution, f.Hedge, f.EventDate, f.Location)
}
