package input

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/unicode"

	"github.com/tally-news/tally/schema"
)

var update = flag.Bool("update", false, "rewrite the golden .txt files next to the HTML fixtures")

// TestHTMLFixtures reads the hand-written pages under testdata/input and
// compares the text with the golden .txt beside each (go test -update
// rewrites them; review with git diff). The lists prove the boilerplate is
// gone: every number in want is in an article paragraph, every one in
// notWant appears only in navigation, teasers, share widgets, an embedded
// post, a script or the cookie banner.
func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		file    string
		meta    schema.Document
		want    []string
		notWant []string
	}{
		{
			file: "article.html",
			meta: schema.Document{
				Title:     "Lakeside council backs ferry pier rebuild",
				Published: "2024-04-16",
				URL:       "https://courier.example.org/local/2024/04/16/ferry-pier-rebuild",
				Outlet:    "The Millbrook Courier",
			},
			want: []string{"3.8 million", "23 votes to 9", "1,450", "40 minutes", "14 months", "220 tonnes", "2.6 million", "900,000", "610 people"},
			notWant: []string{
				"7,373", "cookie", // cookie banner
				"6,262", "Sport", // navigation
				"5151", "Share", // share widget
				"8888", "@ferryusers", // embedded post
				"4181", "6060", "dataLayer", // scripts
				"58 per cent", "4,747", "9,191", "Related", // related-story teasers
				"31,337", "1029384", // newsletter box, footer
				"Lakeside council backs ferry pier rebuild", // the headline is the Title, not body text
				"Oona Tellgren", // byline
			},
		},
		{
			file: "article-cp1252.html",
			meta: schema.Document{
				Title:     "Café chain to open 12 branches",
				Published: "2023-11-02",
				URL:       "https://ledger.example.net/business/cafe-chain-branches",
				Outlet:    "Riverside Ledger",
			},
			// go-trafilatura turns the no-break spaces into plain ones.
			want: []string{
				"€4.5 million", "180 baristas", "Renée Marchetti", "27%", "“People still want a proper cup,”",
				"Town | Branches\n\nDunmore | 5\n\nAshby | 7", "4 Mill Lane\nDunmore", "€20 million", "640 customers",
			},
			notWant: []string{"0.7%", "€1 a week", "96 years", "©"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(fixtures, tt.file)
			r := read(t, []string{path}, Options{})
			if len(r.docs) != 1 || r.errs != nil {
				t.Fatalf("got %d documents, errors %q", len(r.docs), r.errs)
			}
			doc := r.docs[0]
			meta := doc
			meta.Source, meta.Text = "", ""
			if meta != tt.meta {
				t.Errorf("metadata\n got %+v\nwant %+v", meta, tt.meta)
			}
			for _, s := range tt.want {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(doc.Text, s) {
					t.Errorf("text has boilerplate %q", s)
				}
			}
			golden := strings.TrimSuffix(path, ".html") + ".txt"
			if *update {
				if err := os.WriteFile(golden, []byte(doc.Text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if doc.Text != string(want) {
				t.Errorf("text differs from %s (go test -update, then git diff):\n%s", golden, doc.Text)
			}
		})
	}
}

// TestHTMLEncodings reads the ASCII fixture re-encoded or re-labelled in
// the ways pages arrive, and checks the same text comes out.
func TestHTMLEncodings(t *testing.T) {
	page := mustRead(t, filepath.Join(fixtures, "article.html"))
	base := read(t, []string{filepath.Join(fixtures, "article.html")}, Options{}).docs[0].Text
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(page)
	if err != nil {
		t.Fatal(err)
	}
	// "\xa4" is the euro sign in ISO-8859-15 and a currency sign (¤) in
	// windows-1252, so the declared charset decides which comes out.
	euro := func(charsetName string) []byte {
		p := bytes.Replace(page, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="`+charsetName+`">`), 1)
		return bytes.Replace(p, []byte("spend 3.8 million crowns"), []byte("spend \xa43.8 million"), 1)
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a.html", page, base},
		{"b.html.gz", gz(t, page), base},
		{"c.htm", append([]byte("\xef\xbb\xbf"), page...), base},
		{"d.html", utf16le, base},
		{"e.html", euro("iso-8859-15"), strings.Replace(base, "spend 3.8 million crowns", "spend €3.8 million", 1)},
		{"f.html", euro("windows-1252"), strings.Replace(base, "spend 3.8 million crowns", "spend ¤3.8 million", 1)},
		// Declared UTF-8 but not: read as windows-1252 rather than lost.
		{"g.html", euro("utf-8"), strings.Replace(base, "spend 3.8 million crowns", "spend ¤3.8 million", 1)},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		p := write(t, dir, tt.name, tt.data)
		r := read(t, []string{p}, Options{})
		if len(r.docs) != 1 || r.errs != nil {
			t.Errorf("%s: %d documents, errors %q", tt.name, len(r.docs), r.errs)
			continue
		}
		if r.docs[0].Text != tt.want {
			t.Errorf("%s: text\n%s\nwant\n%s", tt.name, r.docs[0].Text, tt.want)
		}
	}
}

// TestHTMLNoArticle checks that a page of navigation and teasers is an
// error, not a document made of its links.
func TestHTMLNoArticle(t *testing.T) {
	path := filepath.Join(fixtures, "no-article.html")
	r := read(t, []string{path}, Options{})
	if want := path + ": no article text found"; len(r.docs) != 0 || len(r.errs) != 1 || r.errs[0] != want {
		t.Errorf("got %d documents, errors %q; want %q", len(r.docs), r.errs, want)
	}
}

// TestBlockText checks the rendering of extracted markup on its own.
func TestBlockText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraphs", "<p>One  two\n three.</p><p> Four </p>", "One two three.\n\nFour"},
		{"inline", "<p>Rose <b>4</b>%<i> in</i> May</p>", "Rose 4% in May"},
		{"br", "<p>Line one<br>line two<br></p>", "Line one\nline two"},
		{"list", "<ul><li>a 1</li><li>b 2</li></ul>", "a 1\n\nb 2"},
		{"table", "<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2023</td><td>1 200</td></tr></table>", "Year | Sales\n\n2023 | 1 200"},
		{"pre", "<pre>  a   b\n  c</pre><p>d</p>", "a   b\n  c\n\nd"},
		{"nbsp kept", "<p>3&nbsp;500 people</p>", "3\u00a0500 people"},
		{"script dropped", "<p>Text<script>var n = 5;</script> end</p>", "Text end"},
	}
	for _, tt := range tests {
		n := parseBody(t, tt.in)
		if got := blockText(n); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func parseBody(t *testing.T, s string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	// html > body
	return root.FirstChild.LastChild
}
