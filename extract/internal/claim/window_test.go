package claim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	txt "github.com/tally-news/tally/extract/internal/text"
)

// shippedAnnotator compiles the claims section of the shipped rules, for
// the package's internal tests.
func shippedAnnotator(tb testing.TB) *Annotator {
	tb.Helper()
	a, err := New(ShippedConfig(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// checkWindow scans text[from:to] (and then, when mid is a line break
// inside, the two halves one after the other) with scanWindow and with
// view.scan, and compares tokens, keys and quotations.
func checkWindow(t *testing.T, a *Annotator, text string, from, mid, to int) {
	t.Helper()
	var want, got view
	want.voc, got.voc = a.voc, a.voc
	want.reset(text)
	want.scan(from, to)
	got.reset(text)
	if from < mid && mid < to && text[mid] == '\n' {
		a.scanWindow(&got, nil, from, mid)
		a.scanWindow(&got, nil, mid, to)
	} else {
		a.scanWindow(&got, nil, from, to)
	}
	if len(got.toks) != len(want.toks) {
		t.Fatalf("%q: %d tokens, want %d", text[from:to], len(got.toks), len(want.toks))
	}
	clause := int32(0)
	for i := range want.toks {
		w, g := want.toks[i], got.toks[i]
		switch w.kind {
		case kComma, kSemi, kColon, kDash, kOpen, kClose:
			clause++
		case kWord:
			if a.clauseWords.has(want.key(i)) {
				clause++
			}
		}
		if g.clause != clause {
			t.Fatalf("%q: token %d %q: clause %d, want %d", text[from:to], i, text[w.s:w.e], g.clause, clause)
		}
		g.clause = 0
		if g != w || string(got.key(i)) != string(want.key(i)) {
			t.Fatalf("%q: token %d:\n got %+v %q\nwant %+v %q", text[from:to], i, g, got.key(i), w, want.key(i))
		}
	}
	if len(got.quotes) != len(want.quotes) {
		t.Fatalf("%q: %d quotations, want %d", text[from:to], len(got.quotes), len(want.quotes))
	}
	for i := range want.quotes {
		if got.quotes[i] != want.quotes[i] {
			t.Fatalf("%q: quotation %d: %+v, want %+v", text[from:to], i, got.quotes[i], want.quotes[i])
		}
	}
}

// checkLines finds the window's line sentences of text with splitLines,
// in two goes, and holds them to the document's sentences: each is the
// tokens of one span, from its first byte to its last, and a heading when
// it ends its line with a word.
func checkLines(t *testing.T, a *Annotator, text string) {
	t.Helper()
	var d docScratch
	var doc txt.Doc
	doc.Reset(a.splitter, text)
	d.s.main.voc = a.voc
	d.reset(&doc, date{})
	a.cover(&d, 0, len(text))
	v := &d.s.main
	d.splitLines(len(v.toks) / 2)
	d.splitLines(len(v.toks))
	n := 0
	for k := range doc.Lines() {
		spans := doc.Sentences(k)
		for i, sp := range spans {
			// A line sentence is the tokens that start inside the span:
			// from the first rune the scanner keeps (a form feed is space
			// to both, but the splitter trims only the end's) to the end
			// of the last token, which a run-on's forced cut may split
			// ("0,000" cut after "0,0").
			first, last := -1, -1
			for ti := range v.toks {
				if s := int(v.toks[ti].s); s >= sp.Start && s < sp.End {
					if first < 0 {
						first = ti
					}
					last = ti
				}
			}
			if first < 0 {
				continue // no token: no sentence
			}
			sp = Span{Start: int(v.toks[first].s), End: int(v.toks[last].e)}
			if n >= len(d.lines) {
				t.Fatalf("%q: %d line sentences, want more", text, len(d.lines))
			}
			ls := d.lines[n].sent
			n++
			got := Span{Start: int(v.toks[ls.a].s), End: int(v.toks[ls.b-1].e)}
			if got != sp {
				t.Fatalf("%q: sentence %d: %q, want %q", text, n-1, text[got.Start:got.End], text[sp.Start:sp.End])
			}
			if heading := i == len(spans)-1 && v.toks[ls.b-1].kind == kWord; ls.heading != heading {
				t.Fatalf("%q: sentence %q: heading %v, want %v", text, text[sp.Start:sp.End], ls.heading, heading)
			}
		}
	}
	if n != len(d.lines) {
		t.Fatalf("%q: %d line sentences, want %d", text, len(d.lines), n)
	}
}

func TestScanWindow(t *testing.T) {
	a := shippedAnnotator(t)
	texts := []string{
		"", "a", "A.", "soldiers' homes", "Ukraine's 6,266 U.S. J. Smith 3.5 4,5 a-b a- -b --- — “q” «q» „q” \"a\" \"b",
		"line one \"open\nline two” ) close\n\n\n(new) para\u2028sep\u00a0nbsp\u00adsoft Kyiv’s 5th 12-year-old",
		"He said. (Then.) Mr. X. A. B said 5.\n) closing. “Q.”\n] x\n\nHead line\nU.S. officials. 5. Six.",
		"ÉTÉ été Łódź naïve 5\u0660 x\u2019s x\u2019 \xff\xfe bad \xe2\x80 end",
		strings.Repeat("abcdefghij", 5) + " " + strings.Repeat("X", 9) + "," + "1234567,890.5.",
		"123456789012345.6", "abcdefghijklmno-p", "abcdefg's ABCDEFGHIJKLMNOp\u00e9 x1234567.5",
	}
	for _, dir := range []string{"../../../testdata/articles", "../../../testdata/claim/articles", "../../../../shared/corpus/seeds"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, fn := range files {
			data, err := os.ReadFile(fn)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	for _, text := range texts {
		checkLines(t, a, text)
		checkWindow(t, a, text, 0, strings.IndexByte(text, '\n'), len(text))
		for to := range len(text) { // the window's end cuts a word anywhere
			checkWindow(t, a, text[:min(len(text), to+20)], 0, -1, to)
		}
		for _, cut := range []int{1, 3, 7} { // a window may start and end anywhere
			if len(text) > 2*cut {
				checkWindow(t, a, text, cut, -1, len(text)-cut)
			}
		}
	}
}

func FuzzScanWindow(f *testing.F) {
	a := shippedAnnotator(f)
	f.Add("Rebels' “seized” 12,000.5 trucks in Kiev's\n\n(east) -- U.S. \"x", 0, 30, 50)
	f.Add("a\u2028b\u00a0c’s d’ \xe2\x80\x99", 1, 2, 100)
	f.Fuzz(func(t *testing.T, text string, from, mid, to int) {
		to = max(0, min(to, len(text)))
		from = max(0, min(from, to))
		checkWindow(t, a, text, from, mid, to)
		checkLines(t, a, text)
	})
}

// benchDocs are the extract benchmark's documents: the articles of
// testdata/articles, repeated to about 1 MB.
func benchDocs(tb testing.TB) ([]string, int) {
	files, _ := filepath.Glob("../../../testdata/articles/*.txt")
	var docs []string
	size := 0
	for size < 1<<20 {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			article, _, _ := strings.Cut(string(data), "©")
			docs = append(docs, article)
			size += len(article)
		}
	}
	return docs, size
}

// BenchmarkScanWindow compares view.scan with scanWindow on the extract
// benchmark's documents.
func BenchmarkScanWindow(b *testing.B) {
	a := shippedAnnotator(b)
	docs, size := benchDocs(b)
	for _, sc := range []struct {
		name string
		scan func(v *view, d string)
	}{
		{"scan", func(v *view, d string) { v.scan(0, len(d)) }},
		{"window", func(v *view, d string) { a.scanWindow(v, nil, 0, len(d)) }},
	} {
		b.Run(sc.name, func(b *testing.B) {
			var v view
			v.voc = a.voc
			b.SetBytes(int64(size))
			for b.Loop() {
				for _, d := range docs {
					v.reset(d)
					sc.scan(&v, d)
				}
			}
		})
	}
}
