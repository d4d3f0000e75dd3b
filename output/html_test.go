package output

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tally-news/tally/schema"
)

// parseHTML parses a page the way a browser would.
func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	if !utf8.Valid(b) {
		t.Fatal("page is not valid UTF-8")
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// walk calls fn for n and every element below it.
func walk(n *html.Node, fn func(*html.Node)) {
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

// find returns the elements below n that match.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(e *html.Node) {
		if match(e) {
			out = append(out, e)
		}
	})
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func isMark(n *html.Node) bool { return n.Data == "mark" && hasClass(n, "fig") }

func isRow(n *html.Node) bool { return n.Data == "tr" && hasClass(n, "row") }

func TestHTMLHighlights(t *testing.T) {
	docs := reportCorpus(t)
	figs := corpusFigures(docs)
	page := parseHTML(t, writeReport(t, "html", Options{Run: testRun()}, docs))

	marks := find(page, isMark)
	if len(marks) != len(figs) {
		t.Fatalf("%d highlights, want one per figure: %d", len(marks), len(figs))
	}
	rows := find(page, isRow)
	if len(rows) != len(figs) {
		t.Fatalf("%d table rows, want %d", len(rows), len(figs))
	}
	for i, m := range marks {
		f := &figs[i]
		n := strconv.Itoa(i + 1)
		id, _ := attr(m, "id")
		fig, _ := attr(m, "data-fig")
		cat, _ := attr(m, "data-category")
		value, _ := attr(m, "data-value")
		title, _ := attr(m, "title")
		if id != "f"+n || fig != n || cat != f.Category || value != schema.FormatNumber(f.Value) {
			t.Errorf("highlight %d: id %q data-fig %q data-category %q data-value %q", i+1, id, fig, cat, value)
		}
		if got := textOf(m); got != f.Text {
			t.Errorf("highlight %d covers %q, want %q", i+1, got, f.Text)
		}
		if !hasClass(m, "cat-"+classSlug(f.Category)) {
			t.Errorf("highlight %d lacks class cat-%s", i+1, classSlug(f.Category))
		}
		for _, want := range []string{"value: " + groupThousands(f.Value), "category: " + f.Category} {
			if !strings.Contains(title, want) {
				t.Errorf("highlight %d tooltip %q lacks %q", i+1, title, want)
			}
		}
		// Row and highlight point at each other.
		rowID, _ := attr(rows[i], "id")
		links := find(rows[i], func(e *html.Node) bool { return e.Data == "a" })
		href := ""
		if len(links) > 0 {
			href, _ = attr(links[0], "href")
		}
		if rowID != "r"+n || href != "#f"+n {
			t.Errorf("row %d: id %q, link %q", i+1, rowID, href)
		}
	}
	// Figure 8 is the wire's 120,000: every field of its tooltip.
	title, _ := attr(marks[7], "title")
	want := "value: 120,000\nqualifier: some\ncategory: displaced\nobject: people\nplace: Kharkiv\ndate: 2026-03-01\nattribution: the UN refugee agency\nhedge: estimated"
	if title != want {
		t.Errorf("tooltip =\n%s\nwant\n%s", title, want)
	}

	articles := find(page, func(e *html.Node) bool { return e.Data == "article" })
	if len(articles) != len(docs) {
		t.Errorf("%d articles, want %d", len(articles), len(docs))
	}
	errs := find(page, func(e *html.Node) bool { return hasClass(e, "error") })
	if len(errs) != 1 || textOf(errs[0]) != "read broken.html: unexpected EOF" {
		t.Errorf("error paragraphs = %d", len(errs))
	}
	// Highlights take nothing away: each article's text reads as given.
	for i, a := range articles {
		texts := find(a, func(e *html.Node) bool { return hasClass(e, "text") })
		got := ""
		if len(texts) == 1 {
			got = textOf(texts[0])
		}
		if want := strings.ReplaceAll(docs[i].text, "\r\n", "\n"); got != want {
			t.Errorf("article %d text = %q, want %q", i+1, got, want)
		}
	}
	options := find(page, func(e *html.Node) bool { return e.Data == "option" })
	if len(options) != 11 { // All, and 10 categories
		t.Errorf("%d category options, want 11", len(options))
	}
}

// TestHTMLSelfContained: the page loads nothing: no external scripts,
// styles, fonts, images or frames, and a policy that forbids them anyway.
func TestHTMLSelfContained(t *testing.T) {
	b := writeReport(t, "html", Options{Run: testRun()}, reportCorpus(t))
	page := parseHTML(t, b)
	scripts := 0
	walk(page, func(n *html.Node) {
		switch n.Data {
		case "script":
			scripts++
			if _, ok := attr(n, "src"); ok {
				t.Errorf("<script src>")
			}
			if !strings.Contains(textOf(n), "applyFilter") {
				t.Errorf("a script that is not the filter: %.80q", textOf(n))
			}
		case "link", "img", "iframe", "frame", "object", "embed", "video", "audio", "source", "form", "base":
			t.Errorf("<%s> element in the page", n.Data)
		case "style":
			css := strings.ToLower(textOf(n))
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") || strings.Contains(css, "@font-face") {
				t.Errorf("style loads something")
			}
		case "a":
			href, _ := attr(n, "href")
			if !strings.HasPrefix(href, "#") && !strings.HasPrefix(href, "https://") {
				t.Errorf("link to %q", href)
			}
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "srcset" || a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	})
	if scripts != 1 {
		t.Errorf("%d scripts, want 1", scripts)
	}
	if !bytes.Contains(b, []byte(`http-equiv="Content-Security-Policy" content="default-src 'none';`)) {
		t.Error("no Content-Security-Policy")
	}
	if !bytes.Contains(b, []byte(`id="filter"`)) || !bytes.Contains(b, []byte(`id="category"`)) {
		t.Error("no filter controls")
	}
}

func TestHTMLHostile(t *testing.T) {
	docs := reportCorpus(t)
	b := writeReport(t, "html", Options{}, docs)
	page := parseHTML(t, b)
	hostile := find(page, func(e *html.Node) bool { v, _ := attr(e, "id"); return v == "d5" })
	if len(hostile) != 1 {
		t.Fatal("no hostile article")
	}
	a := hostile[0]
	// Inside the article only the page's own elements: the article's
	// markup is text.
	walk(a, func(n *html.Node) {
		switch n.Data {
		case "article", "h2", "p", "div", "mark":
		default:
			t.Errorf("<%s> inside the hostile article", n.Data)
		}
	})
	if h2 := find(a, func(e *html.Node) bool { return e.Data == "h2" }); len(h2) != 1 || textOf(h2[0]) != docs[4].src.Title {
		t.Errorf("title not shown as text")
	}
	if got := textOf(a); !strings.Contains(got, `<script>alert("article text ran")</script><img src="http://tracker.example/pixel.png"`) {
		t.Errorf("article text not shown as text: %q", got)
	}
	if links := find(a, func(e *html.Node) bool { return e.Data == "a" }); len(links) != 0 {
		t.Errorf("javascript: URL became a link")
	}
	marks := find(a, isMark)
	if len(marks) != 3 {
		t.Fatalf("%d highlights in the hostile article, want 3", len(marks))
	}
	title, _ := attr(marks[0], "title")
	if !strings.Contains(title, "object: <b>bridges</b>\nattribution: \"><script>alert(2)</script>") {
		t.Errorf("tooltip = %q", title)
	}
	title, _ = attr(marks[2], "title")
	if !strings.Contains(title, "hedge: <img src=x onerror=alert(3)>") {
		t.Errorf("tooltip = %q", title)
	}
	for _, raw := range []string{"<script>alert", "<b>", "<img", "</textarea>", "<style>body"} {
		if n := bytes.Count(b, []byte(raw)); n != 0 {
			t.Errorf("%q appears %d times unescaped", raw, n)
		}
	}
}

// TestHTMLSpans: figures whose spans cannot be highlighted get a row that
// says why, never a panic or a broken page.
func TestHTMLSpans(t *testing.T) {
	text := "Über 12 Menschen flohen, 5 kamen zurück.\xff Ende"
	at := func(s string) int { return strings.Index(text, s) }
	fig := func(start, end int) schema.Figure {
		return schema.Figure{Source: "a.txt", Category: "displaced", Value: 1, Start: start, End: end, Section: "article"}
	}
	figs := []schema.Figure{
		fig(at("12"), at("12")+2),                      // the longer span at the same start wins
		fig(at("12 M"), at("12 M")+len("12 Menschen")), // placed
		fig(at("5 k"), at("5 k")+1),                    // placed
		fig(1, 3),                                      // inside Ü
		fig(0, 1),                                      // ends inside Ü
		fig(len(text)-4, len(text)+10),                 // past the end
		fig(-3, 2),                                     // before the start
		fig(7, 7),                                      // empty
		fig(at("Ende"), len(text)),                     // placed, at the very end
		{Source: "other.txt", Category: "killed", Start: 0, End: 2}, // another document
	}
	var buf bytes.Buffer
	w, err := New("html", &buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.(DocumentWriter).WriteDocument(schema.Source{Source: "a.txt"}, text); err != nil {
		t.Fatal(err)
	}
	for i := range figs {
		if err := w.Write(&figs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	page := parseHTML(t, buf.Bytes())
	marks := find(page, isMark)
	var got []string
	for _, m := range marks {
		got = append(got, textOf(m))
	}
	if want := []string{"12 Menschen", "5", "Ende"}; !slices.Equal(got, want) {
		t.Errorf("highlights = %q, want %q", got, want)
	}
	rows := find(page, isRow)
	if len(rows) != len(figs) {
		t.Fatalf("%d rows, want %d", len(rows), len(figs))
	}
	why := map[int]string{1: "overlaps", 4: "cuts a character", 5: "cuts a character", 6: "outside", 7: "outside", 8: "empty", 10: "not given"}
	for i, r := range rows {
		spans := find(r, func(e *html.Node) bool { return hasClass(e, "unplaced") })
		reason := ""
		if len(spans) == 1 {
			reason, _ = attr(spans[0], "title")
		}
		if w := why[i+1]; !strings.Contains(reason, w) || (w == "") != (reason == "") {
			t.Errorf("row %d: reason %q, want one saying %q", i+1, reason, w)
		}
	}
	if !strings.Contains(textOf(page), "zurück.\uFFFD Ende") {
		t.Errorf("invalid UTF-8 not replaced")
	}
}

func TestHTMLWithoutDocuments(t *testing.T) {
	figs := sampleFigures()
	page := parseHTML(t, writeAll(t, "html", Options{}, figs))
	if n := len(find(page, isMark)); n != 0 {
		t.Errorf("%d highlights without documents", n)
	}
	if n := len(find(page, isRow)); n != len(figs) {
		t.Errorf("%d rows, want %d", n, len(figs))
	}
}

func TestWriteEscaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{`<a href="x">&'</a>`, "&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;"},
		{"tab\tlf\ncr\r", "tab\tlf\ncr\r"},
		{"nul\x00bell\x07del\x7f", "nul\uFFFDbell\uFFFDdel\uFFFD"},
		{"bad\xffutf8\xc3", "bad\uFFFDutf8\uFFFD"},
		{"c1\u0085", "c1\uFFFD"},
		{"Über 📈", "Über 📈"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeEscaped(&b, tt.in)
		if b.String() != tt.want {
			t.Errorf("writeEscaped(%q) = %q, want %q", tt.in, b.String(), tt.want)
		}
	}
}

func TestGroupThousands(t *testing.T) {
	for v, want := range map[float64]string{
		0: "0", 999: "999", 1000: "1,000", 430000: "430,000", -1234567.5: "-1,234,567.5",
		2.5e9: "2,500,000,000", 0.25: "0.25",
	} {
		if got := groupThousands(v); got != want {
			t.Errorf("groupThousands(%v) = %q, want %q", v, got, want)
		}
	}
}

func TestClassSlug(t *testing.T) {
	for in, want := range map[string]string{
		"killed": "killed", "Aid Money": "aid-money", `"><x`: "x", "": "none", "  a--b  ": "a-b", "ünï": "n",
	} {
		if got := classSlug(in); got != want {
			t.Errorf("classSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleDocumentWriter() {
	var buf bytes.Buffer
	w, _ := New("html", &buf, Options{})
	text := "Officials said 430,000 people lived there."
	_ = w.(DocumentWriter).WriteDocument(schema.Source{Source: "a.txt", Title: "A city"}, text)
	_ = w.Write(&schema.Figure{Source: "a.txt", Value: 430000, Category: "population", Text: "430,000", Start: 15, End: 22})
	_ = w.Close()
	fmt.Println(strings.Count(buf.String(), `<mark class="fig`))
	// Output: 1
}

// FuzzHTMLSpans writes any text with any spans: no panic, a valid page, no
// more highlights than figures, and the text never opens a tag.
func FuzzHTMLSpans(f *testing.F) {
	f.Add("Über 12 Menschen", 5, 7, 0, 16)
	f.Add("<script>1</script>", 8, 9, -1, 100)
	f.Add("a\xffb\x00c", 0, 3, 2, 4)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		var buf bytes.Buffer
		w, err := New("html", &buf, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.(DocumentWriter).WriteDocument(schema.Source{Source: "a", Title: text}, text); err != nil {
			t.Fatal(err)
		}
		for _, span := range [][2]int{{s1, e1}, {s2, e2}} {
			if err := w.Write(&schema.Figure{Source: "a", Category: text, Text: text, Start: span[0], End: span[1]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		page := parseHTML(t, buf.Bytes())
		if n := len(find(page, isMark)); n > 2 {
			t.Errorf("%d highlights for 2 figures", n)
		}
		if n := len(find(page, func(e *html.Node) bool { return e.Data == "script" })); n != 1 {
			t.Errorf("%d scripts", n)
		}
	})
}
