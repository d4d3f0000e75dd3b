package output

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

// The report corpus: invented articles under testdata/report, with figures
// placed by hand (output tests do not depend on the extractor), a failed
// input, and a hostile article whose text, title and figure fields are
// full of markup.

// reportDoc is one document as the CLI hands it to a DocumentWriter.
type reportDoc struct {
	src  schema.Source
	text string
	figs []schema.Figure
}

// figSpec places a figure: text is found inside the first occurrence of
// in (after the previous figure's), which keeps short numbers like "12"
// unambiguous.
type figSpec struct {
	in, text                      string
	value                         float64
	category, unit, object, place string
	date, attribution, qualifier  string
	hedge                         string
}

func reportCorpus(t testing.TB) []reportDoc {
	t.Helper()
	docs := []struct {
		src   schema.Source
		specs []figSpec
	}{
		{
			schema.Source{
				Source: "northport-gazette.txt", DocID: "ng-1", Title: "Mariupol counts what it lost",
				Outlet: "Northport Gazette", Published: "2026-03-02", URL: "https://northport.example/news/mariupol?id=7&lang=en",
			},
			[]figSpec{
				{in: "430,000 people", text: "430,000", value: 430000, category: "population", object: "people", place: "Mariupol", attribution: "the city council"},
				{in: "about 100,000 residents", text: "100,000", value: 100000, category: "displaced", object: "residents", place: "Kharkiv", date: "2026-03-01", attribution: "regional officials", qualifier: "about"},
				{in: "every 40 minutes", text: "40 minutes", value: 40, category: "duration", unit: "minute"},
				{in: "12 people were killed", text: "12", value: 12, category: "killed", object: "people", place: "Odesa", date: "2026-03-05", attribution: "rescuers"},
				{in: "3 children", text: "3", value: 3, category: "killed", object: "children", place: "Odesa", date: "2026-03-05"},
				{in: "27 were injured", text: "27", value: 27, category: "injured", place: "Odesa"},
			},
		},
		{
			schema.Source{
				Source: "harbour-wire.txt", DocID: "hw-9", Title: "Aid pledges grow as cities empty",
				Outlet: "Harbour Wire", Published: "2026-03-01", URL: `https://harbourwire.example/a/"quoted"?x=1`,
			},
			[]figSpec{
				{in: "430,000 people", text: "430,000", value: 430000, category: "population", object: "people", place: "Mariupol"},
				{in: "Some 120,000 people", text: "120,000", value: 120000, category: "displaced", object: "people", place: "Kharkiv", date: "2026-03-01", attribution: "the UN refugee agency", qualifier: "some", hedge: "estimated"},
				{in: "At least 12 people", text: "12", value: 12, category: "killed", object: "people", place: "Odesa", date: "2026-03-05", attribution: "emergency services", qualifier: "at least"},
				{in: "$2.5 billion in aid", text: "$2.5 billion", value: 2.5e9, category: "aid", unit: "USD", object: "aid", attribution: "diplomats"},
			},
		},
		{
			schema.Source{
				Source: "valley-times.txt", DocID: "vt-3", Title: "Power returns to frontline hospitals",
				Outlet: "Valley Times", Published: "2026-03-04",
			},
			[]figSpec{
				{in: "31 hospitals", text: "31", value: 31, category: "infrastructure", object: "hospitals", attribution: "the energy ministry"},
				{in: "$2.5 billion aid", text: "$2.5 billion", value: 2.5e9, category: "aid", unit: "USD", object: "aid"},
				{in: "40 km", text: "40 km", value: 40, category: "distance", unit: "km"},
				{in: "roughly 9 GW", text: "9 GW", value: 9, category: "other", unit: "GW", object: "capacity", qualifier: "roughly"},
			},
		},
		{
			schema.Source{Source: "broken.html", Errors: "read broken.html: unexpected EOF"},
			nil,
		},
		{
			schema.Source{
				Source: "hostile.txt", DocID: `"><script>alert("id")</script>`, Title: `<script>alert("title")</script>`,
				Outlet: `"><b>Outlet</b>`, Published: "2026-03-06", URL: "javascript:alert(1)",
			},
			[]figSpec{
				{in: `5 "><b>bridges`, text: "5", value: 5, category: "infrastructure", object: "<b>bridges</b>", attribution: `"><script>alert(2)</script>`},
				{in: "2 <i>roads", text: "2", value: 2, category: "infrastructure", object: "<i>roads</i>"},
				{in: "€3.2 million", text: "€3.2 million", value: 3.2e6, category: "money", unit: "EUR", object: "=HYPERLINK(\"http://evil.example\")", hedge: "<img src=x onerror=alert(3)>"},
			},
		},
	}
	var out []reportDoc
	for _, d := range docs {
		doc := reportDoc{src: d.src}
		if d.src.Errors == "" {
			b, err := os.ReadFile(filepath.Join("..", "testdata", "report", d.src.Source))
			if err != nil {
				t.Fatal(err)
			}
			doc.text = string(b)
		}
		from := 0
		for _, s := range d.specs {
			i := strings.Index(doc.text[from:], s.in)
			j := strings.Index(s.in, s.text)
			if i < 0 || j < 0 {
				t.Fatalf("%s: %q not found after byte %d", d.src.Source, s.in, from)
			}
			start := from + i + j
			from = start + len(s.text)
			doc.figs = append(doc.figs, schema.Figure{
				Source: d.src.Source, Published: d.src.Published, Value: s.value, Qualifier: s.qualifier,
				Unit: s.unit, Object: s.object, Category: s.category, Text: s.text,
				Sentence: sentenceAround(doc.text, start), Start: start, End: start + len(s.text),
				Rule: "hand", Section: "article", DocID: d.src.DocID, URL: d.src.URL, Title: d.src.Title,
				Outlet: d.src.Outlet, Attribution: s.attribution, Hedge: s.hedge, EventDate: s.date, Location: s.place,
			})
		}
		out = append(out, doc)
	}
	return out
}

// sentenceAround returns the line holding byte i, near enough a sentence
// for these articles.
func sentenceAround(text string, i int) string {
	start := strings.LastIndexByte(text[:i], '\n') + 1
	end := strings.IndexByte(text[i:], '\n')
	if end < 0 {
		return text[start:]
	}
	return text[start : i+end]
}

// corpusFigures returns every figure of the corpus in order.
func corpusFigures(docs []reportDoc) []schema.Figure {
	var figs []schema.Figure
	for _, d := range docs {
		figs = append(figs, d.figs...)
	}
	return figs
}

// writeReport writes docs through New(format), the way the CLI does: each
// document, then its figures.
func writeReport(t testing.TB, format string, opts Options, docs []reportDoc) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	w = mergingFacts(w)
	dw, ok := w.(DocumentWriter)
	if !ok {
		t.Fatalf("%s writer is not a DocumentWriter", format)
	}
	for _, d := range docs {
		if err := dw.WriteDocument(d.src, d.text); err != nil {
			t.Fatal(err)
		}
		for i := range d.figs {
			if err := w.Write(&d.figs[i]); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
