package output

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tally-news/tally/schema"
)

// What a reader sees first on the page: the article's title, its text
// without the date header, each category in its own colour.

func TestHTMLHeadlineAndDateLine(t *testing.T) {
	text := "date 2024-11-08\nQuake toll climbs past 1,200\n\nAt least 1,214 people died, officials said.\n"
	at := strings.Index(text, "1,214")
	docs := []reportDoc{{
		src:  schema.Source{Source: "/data/news/quake.txt", Published: "2024-11-08"},
		text: text,
		figs: []schema.Figure{{
			Source: "/data/news/quake.txt", Value: 1214, Category: "killed", Text: "1,214",
			Start: at, End: at + len("1,214"), Section: "article",
		}},
	}}
	page := parseHTML(t, writeReport(t, "html", Options{}, docs))
	h2 := find(page, func(e *html.Node) bool { return e.Data == "h2" })
	if len(h2) != 1 || textOf(h2[0]) != "Quake toll climbs past 1,200" {
		t.Errorf("title = %q, want the headline", textOf(h2[0]))
	}
	body := find(page, func(e *html.Node) bool { return e.Data == "div" && hasClass(e, "text") })
	if len(body) != 1 || strings.Contains(textOf(body[0]), "date 2024-11-08") || !strings.HasPrefix(textOf(body[0]), "Quake toll") {
		t.Errorf("article text shows the date header: %q", textOf(body[0]))
	}
	if marks := find(page, isMark); len(marks) != 1 || textOf(marks[0]) != "1,214" {
		t.Errorf("the figure after the header is not highlighted")
	}

	for _, tt := range []struct{ text, published string }{
		{"date 2024-11-08\nbody", "2024-11-09"},                  // another date
		{"Talks on 2024-11-08 went on late\nbody", "2024-11-08"}, // a sentence, not a header
		{"date 2024-11-08", "2024-11-08"},                        // no line after it
	} {
		if got := headerEnd(tt.text, tt.published); got != 0 {
			t.Errorf("headerEnd(%q, %q) = %d, want 0", tt.text, tt.published, got)
		}
	}
}

// TestHTMLCategoryColours: every known category has its own colour, and
// a page's colours do not depend on which categories it holds or their
// order.
func TestHTMLCategoryColours(t *testing.T) {
	seen := map[string]string{}
	for name := range categoryColours {
		bg, line := categoryColour(name)
		for _, c := range []string{bg, line} {
			if other, ok := seen[c]; ok {
				t.Errorf("%s and %s share colour %s", name, other, c)
			}
			seen[c] = name
		}
	}
	if a, b := classSlug("shelters opened"), classSlug("killed"); a == b {
		t.Fatal("slugs collide")
	}
	bg1, _ := categoryColour("shelters opened")
	bg2, _ := categoryColour("shelters opened")
	if bg1 != bg2 || bg1 == "" {
		t.Errorf("a custom category's colour is not stable: %q, %q", bg1, bg2)
	}

	docs := reportCorpus(t)
	one := string(writeReport(t, "html", Options{}, docs))
	reversed := slices.Clone(docs)
	slices.Reverse(reversed)
	two := string(writeReport(t, "html", Options{}, reversed[:2]))
	for name := range categoryColours {
		bg, _ := categoryColour(name)
		rule := ".cat-" + classSlug(name) + "{background:" + bg
		if !strings.Contains(one, rule) || !strings.Contains(two, rule) {
			t.Errorf("category %s is not coloured %s on both pages", name, bg)
		}
	}
}

// TestChromiumPageLooks opens the page at 1400 px in Chromium and measures
// it from inside: the colour each legend entry really has, and whether
// the table's category, value and sentence columns are on screen. Two
// pages with the categories in another order must colour them alike.
func TestChromiumPageLooks(t *testing.T) {
	docs := reportCorpus(t)
	reversed := slices.Clone(docs)
	slices.Reverse(reversed)
	type probe struct {
		Colours map[string]string `json:"colours"`
		Columns map[string]bool   `json:"columns"`
	}
	measure := func(name string, docs []reportDoc) probe {
		page := string(writeReport(t, "html", Options{}, docs))
		page = strings.Replace(page, "</body>", "<script>"+pageProbe+"</script></body>", 1)
		path := filepath.Join(t.TempDir(), name+".html")
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := parseHTML(t, chromium(t, "--window-size=1400,1000", "--dump-dom", "file://"+path))
		out := find(dom, func(e *html.Node) bool { id, _ := attr(e, "id"); return id == "probe" })
		if len(out) != 1 {
			t.Fatalf("%s: the probe did not run", name)
		}
		var p probe
		if err := json.Unmarshal([]byte(textOf(out[0])), &p); err != nil {
			t.Fatalf("%s: probe: %v: %s", name, err, textOf(out[0]))
		}
		return p
	}
	a, b := measure("forward", docs), measure("reversed", reversed)
	owner := map[string]string{}
	for cat, colour := range a.Colours {
		if other, ok := owner[colour]; ok {
			t.Errorf("%s and %s are both drawn %s", cat, other, colour)
		}
		owner[colour] = cat
		if bc, ok := b.Colours[cat]; ok && bc != colour {
			t.Errorf("%s is %s on one page and %s on the other", cat, colour, bc)
		}
	}
	if len(a.Colours) < 8 {
		t.Errorf("legend shows %d categories, want the corpus's", len(a.Colours))
	}
	for _, col := range []string{"category", "value", "sentence"} {
		if !a.Columns[col] {
			t.Errorf("column %s is not on screen at 1400 px", col)
		}
	}
}

// pageProbe runs in the page after its own script and writes what it
// measured into <pre id="probe">.
const pageProbe = `(function () {
  var out = {colours: {}, columns: {}};
  document.querySelectorAll(".legend li").forEach(function (li) {
    var s = getComputedStyle(li);
    out.colours[li.textContent] = s.backgroundColor + " " + s.borderBottomColor;
  });
  document.querySelectorAll("#figures thead th").forEach(function (th) {
    var r = th.getBoundingClientRect();
    out.columns[th.textContent] = r.width > 30 && r.left >= 0 && r.right <= window.innerWidth;
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();`

func TestTooltipShowsNote(t *testing.T) {
	f := schema.Figure{Value: 10e6, Unit: "USD", Category: "money", Note: "ambiguous currency"}
	if got := tooltip(&f); !strings.Contains(got, "note: ambiguous currency") {
		t.Errorf("tooltip %q lacks the note", got)
	}
	f.Note = ""
	if got := tooltip(&f); strings.Contains(got, "note") {
		t.Errorf("tooltip %q shows an empty note", got)
	}
}
