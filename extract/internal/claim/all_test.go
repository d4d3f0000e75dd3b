package claim_test

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/internal/claim"
	txt "github.com/tally-news/tally/extract/internal/text"
	"github.com/tally-news/tally/schema"
)

// sameDirs hold the articles TestAnnotateAllSame reads when present; the
// invented articles of testdata are always read.
var sameDirs = []string{
	"../../../testdata/articles",
	"../../../testdata/claim/articles",
	sharedDir + "/corpus/seeds",
	sharedDir + "/eval/dev/newsquant/docs",
}

var sameDir = flag.String("same", "", "another directory of *.txt articles for TestAnnotateAllSame")

// sameArticle is one document with its publication date.
type sameArticle struct {
	name, text, published string
}

func sameArticles(t testing.TB) []sameArticle {
	var out []sameArticle
	dirs := sameDirs
	if *sameDir != "" {
		dirs = append(dirs[:len(dirs):len(dirs)], *sameDir)
	}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, fn := range files {
			text, published := readArticle(t, fn)
			out = append(out, sameArticle{fn, text, published})
		}
	}
	return out
}

// Sentence spans for digitFigures.
const (
	bySplitter = iota // the tests' splitter
	byLine            // a line: a long, multi-figure sentence that is its own paragraph
	byGap             // the splitter's, reaching to the next: with the spaces and line breaks after it
	spanModes
)

// digitFigures returns every run of digits in text, in text order, each
// with its sentence as mode cuts them.
func digitFigures(text string, mode int) ([]schema.Figure, []claim.Span) {
	var spans [][2]int
	if mode == byLine {
		start := 0
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == '\n' {
				if start < i {
					spans = append(spans, [2]int{start, i})
				}
				start = i + 1
			}
		}
	} else {
		spans = sentences(text)
		if mode == byGap {
			for i := range spans {
				if i+1 < len(spans) {
					spans[i][1] = spans[i+1][0]
				} else {
					spans[i][1] = len(text)
				}
			}
		}
	}
	var figs []schema.Figure
	var sents []claim.Span
	for _, s := range spans {
		for i := s[0]; i < s[1]; {
			if text[i] < '0' || text[i] > '9' {
				i++
				continue
			}
			j := i
			for j < s[1] && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			figs = append(figs, schema.Figure{Start: i, End: j})
			sents = append(sents, claim.Span{Start: s[0], End: s[1]})
			i = j
		}
	}
	return figs, sents
}

// checkSame annotates figs in one AnnotateAll run over the document and
// each on its own with Annotate (a single-figure run), and reports every
// difference.
func checkSame(t *testing.T, a *claim.Annotator, name, text, published string, figs []schema.Figure, sents []claim.Span) {
	t.Helper()
	all := append([]schema.Figure(nil), figs...)
	a.AnnotateAll(text, published, all, sents)
	bad := 0
	for i := range figs {
		one := figs[i]
		a.Annotate(text, sents[i].Start, sents[i].End, published, &one)
		if all[i] != one {
			if bad++; bad <= 5 {
				t.Errorf("%s: figure %q at %d (sentence %d-%d):\nAnnotateAll %s\nAnnotate    %s",
					name, text[figs[i].Start:figs[i].End], figs[i].Start, sents[i].Start, sents[i].End, fields(all[i]), fields(one))
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d figures differ", name, bad)
	}
}

func fields(f schema.Figure) string {
	return fmt.Sprintf("attribution=%q hedge=%q event_date=%q location=%q", f.Attribution, f.Hedge, f.EventDate, f.Location)
}

// TestAnnotateAllSame holds AnnotateAll to Annotate: the same four fields
// for every figure of every article, with the figures the tests' finders
// see and the sentences their splitter (or the line breaks) gives.
func TestAnnotateAllSame(t *testing.T) {
	a := defaultAnnotator(t)
	docs := sameArticles(t)
	if len(docs) == 0 {
		t.Fatal("no articles")
	}
	n := 0
	for _, doc := range docs {
		for mode := range spanModes {
			figs, sents := digitFigures(doc.text, mode)
			n += len(figs)
			checkSame(t, a, doc.name, doc.text, doc.published, figs, sents)
			checkSame(t, a, doc.name+" (no date)", doc.text, "", figs, sents)
		}
		// Digits and number words.
		var figs []schema.Figure
		var sents []claim.Span
		for _, fs := range findFigures(doc.text) {
			figs = append(figs, schema.Figure{Start: fs.start, End: fs.end})
			sents = append(sents, claim.Span{Start: fs.sentStart, End: fs.sentEnd})
		}
		n += len(figs)
		checkSame(t, a, doc.name+" (words)", doc.text, doc.published, figs, sents)
	}
	t.Logf("%d documents, %d figures", len(docs), n)
}

// TestAnnotateAllEdges covers what the articles may not: figures out of
// order, offsets outside the text or the sentence, empty sentences, texts
// without line breaks, and sentences long enough for the read bounds
// (maxSentence, maxParagraph, maxFollowing).
func TestAnnotateAllEdges(t *testing.T) {
	a := defaultAnnotator(t)
	para := "Officials said 12 people died in Kyiv on Friday. “We found 40 more,” he said. Peskov said 3 were hurt. "
	long := strings.Repeat(para, 120) // one line of about 12 KB
	tests := []struct {
		name, text string
		figs       []schema.Figure
		sents      []claim.Span
	}{
		{"empty text", "", []schema.Figure{{Start: 0, End: 1}}, []claim.Span{{Start: 0, End: 0}}},
		{"out of range", "Rebels said 5 died.", []schema.Figure{{Start: -4, End: 99}, {Start: 12, End: 13}}, []claim.Span{{Start: -10, End: 100}, {Start: 5, End: 5}}},
		{"backwards", para + "\n" + para, []schema.Figure{{Start: len(para) + 16, End: len(para) + 18}, {Start: 15, End: 17}}, []claim.Span{{Start: len(para) + 1, End: 2*len(para) + 1}, {Start: 0, End: 48}}},
		{"figure outside its sentence", para, []schema.Figure{{Start: 60, End: 62}}, []claim.Span{{Start: 0, End: 48}}},
	}
	for _, tt := range tests {
		checkSame(t, a, tt.name, tt.text, "2024-05-10", tt.figs, tt.sents)
	}
	for mode := range spanModes {
		figs, sents := digitFigures(long, mode)
		checkSame(t, a, "long line", long, "2024-05-10", figs, sents)
		text := strings.Repeat(long+"\n", 3) // windows past maxWindow
		figs, sents = digitFigures(text, mode)
		checkSame(t, a, "long lines", text, "2024-05-10", figs, sents)
		runOn := strings.Repeat(para, 700) // past runOnLine: read in blocks
		figs, sents = digitFigures(runOn, mode)
		checkSame(t, a, "run-on line", runOn, "2024-05-10", figs, sents)
	}
	var b strings.Builder
	for i := 0; i < 400; i++ { // many paragraphs: the window restarts
		fmt.Fprintf(&b, "Governor Ivan Petrenko said %d shells hit Kharkiv.\n(Reuters) Petrenko said %d died. He said %d more were hurt.\n\n", i, i+1, i+2)
	}
	figs, sents := digitFigures(b.String(), bySplitter)
	checkSame(t, a, "many paragraphs", b.String(), "2024-05-10", figs, sents)
	b.Reset()
	for i := 0; i < 50; i++ { // the window starts past text without figures, at a closing bracket
		fmt.Fprintf(&b, "Governor Ivan Petrenko said the roads were shut.\n\nNo one came.\n\n) Petrenko said %d died.\n\nHe said %d more were hurt.\n\n", i, i+1)
	}
	figs, sents = digitFigures(b.String(), bySplitter)
	checkSame(t, a, "window after a gap", b.String(), "2024-05-10", figs, sents)
}

// FuzzAnnotateAll checks AnnotateAll against Annotate on any text; jitter
// moves sentence and figure boundaries by a few bytes, so spans start and
// end anywhere.
func FuzzAnnotateAll(f *testing.F) {
	a := defaultAnnotator(f)
	f.Add("Rebels seized 12 trucks in Kiev on Friday, officials said.\nHe said 4 died. “We counted 57 bodies,” he said.", "2024-05-10", uint8(bySplitter), uint64(0))
	f.Add("Gladkov said 3.\n(Reuters) said 5. It could not be verified.\n) 7 said Peskov, the head of Kursk region.", "", uint8(byLine), uint64(0x1234567))
	f.Add("“5”, Ivan Petrenko said: “6.” “7,” he said. (8) said Petrenko.\n\n9 Petrenko's claims could not be verified.", "2022-03-01", uint8(byGap), uint64(0))
	f.Fuzz(func(t *testing.T, text, published string, mode uint8, jitter uint64) {
		figs, sents := digitFigures(text, int(mode%spanModes))
		if jitter != 0 {
			move := func(x *int) {
				*x += int(jitter&7) - 3
				jitter = jitter>>3 | jitter<<61
			}
			for i := range figs {
				move(&sents[i].Start)
				move(&sents[i].End)
				move(&figs[i].Start)
			}
		}
		checkSame(t, a, "fuzz", text, published, figs, sents)
	})
}

// TestAnnotateAllDoc holds AnnotateAllDocContext, given the document's
// text layer as the extractor builds it (with sentences it has split
// already), to AnnotateAll, which builds its own.
func TestAnnotateAllDoc(t *testing.T) {
	cfg := defaultConfig(t)
	a, err := claim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	splitter := txt.NewSplitter(cfg.Abbreviations)
	var doc txt.Doc
	for _, d := range sameArticles(t) {
		for mode := range spanModes {
			want, sents := digitFigures(d.text, mode)
			got := append([]schema.Figure(nil), want...)
			a.AnnotateAll(d.text, d.published, want, sents)
			doc.Reset(splitter, d.text)
			for k := 0; k < doc.Lines(); k += 2 {
				doc.Sentences(k) // the figure pass's lines, split first
			}
			if err := a.AnnotateAllDocContext(context.Background(), &doc, d.published, got, sents); err != nil {
				t.Fatal(err)
			}
			for i := range want {
				if fields(got[i]) != fields(want[i]) {
					t.Errorf("%s: figure %q at %d: given the text layer %s, own %s", d.name, d.text[want[i].Start:want[i].End], want[i].Start, fields(got[i]), fields(want[i]))
				}
			}
		}
	}
}
