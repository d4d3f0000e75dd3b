package output

// The HTML report: one self-contained page (inline CSS and JavaScript, no
// network, no external fonts) that shows each article with every figure
// highlighted, coloured by category, and beside the articles a table of all
// figures with a filter box.
//
// Figures are placed by their Start and End byte offsets into the text
// given to WriteDocument. Overlap policy, as in the extractor: spans are
// taken in order of start, the longer first on a tie; a span that overlaps
// one already taken, falls outside the text, is empty, or does not start
// and end on a UTF-8 character boundary is not highlighted, and its table
// row says why. Every highlighted figure has exactly one <mark class="fig">
// and one table row, linked both ways by id.
//
// All text (article, titles, figure fields) is escaped, invalid UTF-8 and
// control characters are replaced, and a Content-Security-Policy forbids
// the page from loading anything, so an article that contains <script> can
// do no harm.

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tally-news/tally/schema"
)

// categoryColours gives each category its own colour, the same on every
// page whatever categories it holds: a light background and a darker
// underline, told apart without relying on hue alone. A category not
// listed (from a custom rules file) takes a colour from its name's hash.
var categoryColours = map[string][2]string{
	"killed": {"#fde0dc", "#c62828"}, "remains": {"#efd6d6", "#7f1d1d"},
	"injured": {"#ffe9c7", "#ef6c00"}, "missing": {"#ece1f7", "#6a1b9a"},
	"captured": {"#f5e3d6", "#6d4c41"}, "released": {"#d5f2ef", "#00796b"},
	"evacuated": {"#d7ecfb", "#1565c0"}, "displaced": {"#dde3f7", "#283593"},
	"trapped": {"#fbe0ef", "#ad1457"}, "arrested": {"#e3e7ea", "#37474f"},
	"cases": {"#f7e0f7", "#8e24aa"}, "affected": {"#fde7dc", "#bf360c"},
	"population": {"#e8f0d0", "#689f38"}, "troops": {"#dbe7d3", "#33691e"},
	"equipment": {"#e6e6e6", "#424242"}, "infrastructure": {"#fff6bf", "#b59800"},
	"territory": {"#dcf3dc", "#2e7d32"}, "aid": {"#d6f5f9", "#00838f"},
	"distance": {"#eef1f4", "#78909c"}, "money": {"#fdefd2", "#a1680a"},
	"duration": {"#ebe4ff", "#5e35b1"}, "other": {"#f3f3f3", "#9e9e9e"},
}

// categoryColour returns a category's background and underline colours.
func categoryColour(name string) (bg, line string) {
	if c, ok := categoryColours[name]; ok {
		return c[0], c[1]
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	hue := h.Sum32() % 360
	return fmt.Sprintf("hsl(%d,70%%,90%%)", hue), fmt.Sprintf("hsl(%d,60%%,35%%)", hue)
}

// htmlWriter streams each article as soon as the next one begins; the
// table of figures, whose rows are kept as finished HTML, goes out on Close
// with the filter controls, the legend and the script.
type htmlWriter struct {
	out    *bufio.Writer
	opts   Options
	begun  bool // page head written
	cur    *htmlDoc
	rows   strings.Builder // the table's <tr> rows so far
	nFigs  int
	nDocs  int
	nMarks int
	cats   map[string]*htmlCategory
	order  []string // categories in order of first appearance
	closed bool
}

type htmlCategory struct {
	class   string // "cat-<slug>"
	figures int
}

// htmlDoc is the document being written and the figures that came after
// it, which are placed when the next document (or Close) arrives.
type htmlDoc struct {
	id   int
	src  schema.Source
	text string
	from int // where the text shown begins: after a date header line
	figs []htmlFigure
}

type htmlFigure struct {
	n      int // figure number, from 1: ids f<n> and r<n>
	f      schema.Figure
	inDoc  bool   // same Source as the document
	placed bool   // highlighted
	why    string // why not, when not
}

func newHTML(w io.Writer, opts Options) *htmlWriter {
	return &htmlWriter{out: bufio.NewWriter(w), opts: opts, cats: map[string]*htmlCategory{}}
}

// WriteDocument starts a document: its text is shown, with the figures
// written after it highlighted, when the next document begins or on Close.
func (h *htmlWriter) WriteDocument(src schema.Source, text string) error {
	if h.closed {
		return errors.New("output: html: write after close")
	}
	h.begin()
	h.flushDoc()
	h.nDocs++
	h.cur = &htmlDoc{id: h.nDocs, src: src, text: text, from: headerEnd(text, src.Published)}
	return h.err()
}

// Write adds a figure: a highlight in its document's text and a table row.
// A figure whose Source is not the current document's gets a row only.
func (h *htmlWriter) Write(f *schema.Figure) error {
	if h.closed {
		return errors.New("output: html: write after close")
	}
	if f == nil {
		return errors.New("output: html: nil figure")
	}
	h.begin()
	h.nFigs++
	h.category(f.Category).figures++
	fig := htmlFigure{n: h.nFigs, f: *f}
	if h.cur != nil && h.cur.src.Source == f.Source {
		fig.inDoc = true
		h.cur.figs = append(h.cur.figs, fig)
		return nil
	}
	fig.why = "its document's text was not given"
	if h.cur != nil {
		// Keep table rows in the order figures came.
		h.cur.figs = append(h.cur.figs, fig)
		return nil
	}
	h.writeRow(&fig)
	return h.err()
}

// Close writes the last document, the table, the script and the end of the
// page; it does not close the underlying writer.
func (h *htmlWriter) Close() error {
	if h.closed {
		return nil
	}
	h.closed = true
	h.begin()
	h.flushDoc()
	h.end()
	if err := h.out.Flush(); err != nil {
		return fmt.Errorf("output: html: %w", err)
	}
	return nil
}

// err reports a write error so far; bufio.Writer keeps the first one.
func (h *htmlWriter) err() error {
	if _, err := h.out.Write(nil); err != nil {
		return fmt.Errorf("output: html: %w", err)
	}
	return nil
}

func (h *htmlWriter) category(name string) *htmlCategory {
	c := h.cats[name]
	if c == nil {
		c = &htmlCategory{class: "cat-" + classSlug(name)}
		h.cats[name] = c
		h.order = append(h.order, name)
		if _, known := categoryColours[name]; !known {
			// Between documents: a <style> here colours what follows.
			h.out.WriteString("<style>")
			writeCategoryCSS(h.out, name)
			h.out.WriteString("</style>\n")
		}
	}
	return c
}

// classSlug makes a category usable in a class name: lower-case letters,
// digits and single dashes.
func classSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// writeCategoryCSS writes the rule that colours a category's highlights,
// rows and legend entry.
func writeCategoryCSS(w *bufio.Writer, name string) {
	bg, line := categoryColour(name)
	fmt.Fprintf(w, ".cat-%s{background:%s;border-color:%s}\n", classSlug(name), bg, line)
}

func (h *htmlWriter) begin() {
	if h.begun {
		return
	}
	h.begun = true
	w := h.out
	w.WriteString(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>tally: figures in the news</title>
<style>
`)
	w.WriteString(htmlCSS)
	for _, name := range slices.Sorted(maps.Keys(categoryColours)) {
		writeCategoryCSS(w, name)
	}
	w.WriteString(`</style>
</head>
<body>
<header class="page"><h1>Figures in the news</h1><p>Every number tally found, highlighted in its article. Hover a highlight for its meaning; use the filter beside the articles to narrow the table.</p></header>
<div class="layout">
<main id="articles">
`)
}

const htmlCSS = `*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#f4f5f7}
header.page{padding:14px 24px;background:#1f3a5f;color:#fff}
header.page h1{margin:0;font-size:22px}
header.page p{margin:4px 0 0;opacity:.85;font-size:14px}
.layout{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px;padding:18px;align-items:start}
main,aside{min-width:0}
aside{position:sticky;top:0;max-height:100vh;overflow:auto;background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:12px}
article.doc{background:#fff;border:1px solid #d9dde3;border-radius:8px;padding:14px 18px;margin-bottom:18px}
article.doc h2{margin:0 0 4px;font-size:18px}
.meta{margin:0 0 10px;color:#5f6670;font-size:13px}
.tolls{margin:0 0 10px;font-size:13px}.tolls span{border:1px solid;border-radius:3px;padding:0 4px;margin-left:4px}
.meta a{color:#1a5fb4;overflow-wrap:anywhere}
.error{color:#b3261e;background:#fdecea;border-radius:4px;padding:6px 10px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
mark.fig{color:inherit;border-radius:3px;padding:0 2px;border-bottom:2px solid;cursor:help}
mark.fig.dim{background:transparent!important;border-color:transparent!important}
mark.fig:target,mark.fig.flash{outline:3px solid #1f3a5f}
.controls{display:flex;gap:8px;flex-wrap:wrap;margin-bottom:8px}
.controls input{flex:1 1 200px;padding:6px 8px;font:inherit;border:1px solid #b8bfc8;border-radius:4px}
.controls select{padding:6px;font:inherit;border:1px solid #b8bfc8;border-radius:4px}
.legend{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px;padding:0;list-style:none;font-size:13px}
.legend li{border-bottom:2px solid;border-radius:3px;padding:0 6px}
#shown{color:#5f6670;font-size:13px;margin:0 0 6px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #eceef1;padding:3px 6px;text-align:left;vertical-align:top}
thead th{position:sticky;top:-12px;background:#eef3f8}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.sentence{min-width:20em}
td.source{max-width:9em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:#5f6670}
tr.row{background:none!important}
tr.row td:first-child{border-left:4px solid;border-left-color:inherit}
tr.row.flash{outline:2px solid #1f3a5f}
tr.row a{color:#1a5fb4}
.unplaced{color:#8a9099}
footer{padding:0 18px 18px;color:#5f6670;font-size:12px}
@media (max-width:1000px){.layout{grid-template-columns:1fr}aside{position:static;max-height:none}}
`

// flushDoc writes the current document with its figures highlighted, and
// their table rows.
func (h *htmlWriter) flushDoc() {
	d := h.cur
	if d == nil {
		return
	}
	h.cur = nil
	place(d)
	w := h.out
	fmt.Fprintf(w, `<article class="doc" id="d%d">`, d.id)
	title := d.src.Title
	if strings.TrimSpace(title) == "" {
		title = headline(d.text[d.from:])
	}
	if title == "" {
		title = d.src.Source
	}
	w.WriteString("\n<h2>")
	writeEscaped(w, title)
	w.WriteString("</h2>\n<p class=\"meta\">")
	var parts []string
	for _, s := range []string{d.src.Source, d.src.Outlet, d.src.Published} {
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	for i, s := range parts {
		if i > 0 {
			w.WriteString(" · ")
		}
		writeEscaped(w, s)
	}
	if isWebURL(d.src.URL) {
		w.WriteString(` · <a rel="noopener noreferrer nofollow" target="_blank" href="`)
		writeEscaped(w, d.src.URL)
		w.WriteString(`">`)
		writeEscaped(w, d.src.URL)
		w.WriteString("</a>")
	}
	n := 0
	for i := range d.figs {
		if d.figs[i].inDoc {
			n++
		}
	}
	fmt.Fprintf(w, " · %d figure%s</p>\n", n, plural(n))
	h.writeTolls(d)
	if d.src.Errors != "" {
		w.WriteString(`<p class="error">`)
		writeEscaped(w, d.src.Errors)
		w.WriteString("</p>\n")
	}
	if d.text != "" {
		w.WriteString(`<div class="text">`)
		h.writeMarked(d)
		w.WriteString("</div>\n")
	}
	w.WriteString("</article>\n")
	for i := range d.figs {
		h.writeRow(&d.figs[i])
	}
}

// writeTolls lists the document's casualty tolls under its heading, each
// in its category's colour, with the figures it rests on as its tooltip.
func (h *htmlWriter) writeTolls(d *htmlDoc) {
	if h.opts.Tolls == nil {
		return
	}
	figs := make([]schema.Figure, 0, len(d.figs))
	for i := range d.figs {
		if d.figs[i].inDoc {
			figs = append(figs, d.figs[i].f)
		}
	}
	tolls := h.opts.Tolls.Of(figs)
	if len(tolls) == 0 {
		return
	}
	w := h.out
	w.WriteString(`<p class="tolls">Tolls:`)
	for _, t := range tolls {
		fmt.Fprintf(w, ` <span class="%s" title="`, h.category(t.Category).class)
		writeEscaped(w, t.Qualifier+", "+t.Basis+": "+t.Figures)
		w.WriteString(`">`)
		writeEscaped(w, categoryLabel(t.Category)+" "+groupThousands(t.Value))
		if t.Disputed {
			w.WriteString(" (disputed)")
		}
		w.WriteString("</span>")
	}
	w.WriteString("</p>\n")
}

// headerEnd returns where a text's date header line ends ("date
// 2024-11-08", which the extractor reads as the publication date): the
// first line, when it holds the published date and at most one word
// besides. The page shows the date in the document's details instead.
func headerEnd(text, published string) int {
	if published == "" {
		return 0
	}
	line, _, found := strings.Cut(text, "\n")
	if !found || !strings.Contains(line, published) || len(strings.Fields(line)) > 2 {
		return 0
	}
	return len(line) + 1
}

// headline is a text's first non-blank line, the headline of a plain-text
// article, when it is short enough to be one.
func headline(text string) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > 160 {
			return ""
		}
		return line
	}
	return ""
}

// place decides which of a document's figures are highlighted.
func place(d *htmlDoc) {
	idx := make([]int, 0, len(d.figs))
	for i := range d.figs {
		if d.figs[i].inDoc {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		fa, fb := &d.figs[a].f, &d.figs[b].f
		return cmp.Or(cmp.Compare(fa.Start, fb.Start), cmp.Compare(fb.End, fa.End))
	})
	end := 0
	for _, i := range idx {
		fig := &d.figs[i]
		s, e := fig.f.Start, fig.f.End
		switch {
		case s < 0 || e > len(d.text):
			fig.why = fmt.Sprintf("its span %d–%d is outside the text (%d bytes)", s, e, len(d.text))
		case s < d.from:
			fig.why = "it is in the date line above the article"
		case s >= e:
			fig.why = fmt.Sprintf("its span %d–%d is empty", s, e)
		case !utf8.RuneStart(d.text[s]) || (e < len(d.text) && !utf8.RuneStart(d.text[e])):
			fig.why = fmt.Sprintf("its span %d–%d cuts a character in two", s, e)
		case s < end:
			fig.why = "it overlaps another highlighted figure"
		default:
			fig.placed = true
			end = e
		}
	}
}

// writeMarked writes the document text with a <mark> around each placed
// figure.
func (h *htmlWriter) writeMarked(d *htmlDoc) {
	var placed []*htmlFigure
	for i := range d.figs {
		if d.figs[i].placed {
			placed = append(placed, &d.figs[i])
		}
	}
	slices.SortFunc(placed, func(a, b *htmlFigure) int { return cmp.Compare(a.f.Start, b.f.Start) })
	w := h.out
	pos := d.from
	for _, fig := range placed {
		f := &fig.f
		writeEscaped(w, d.text[pos:f.Start])
		fmt.Fprintf(w, `<mark class="fig %s" id="f%d" data-fig="%d" data-category="`, h.category(f.Category).class, fig.n, fig.n)
		writeEscaped(w, f.Category)
		w.WriteString(`" data-value="`)
		writeEscaped(w, schema.FormatNumber(f.Value))
		w.WriteString(`" title="`)
		writeEscaped(w, tooltip(f))
		w.WriteString(`">`)
		writeEscaped(w, d.text[f.Start:f.End])
		w.WriteString("</mark>")
		pos = f.End
		h.nMarks++
	}
	writeEscaped(w, d.text[pos:])
}

// writeSentence writes a figure's sentence with the figure's text in bold
// (its first occurrence: the sentence carries no offsets of its own).
func writeSentence(w htmlEscaper, sentence, text string) {
	i := -1
	if text != "" {
		i = strings.Index(sentence, text)
	}
	if i < 0 {
		writeEscaped(w, sentence)
		return
	}
	writeEscaped(w, sentence[:i])
	w.WriteString("<strong>")
	writeEscaped(w, text)
	w.WriteString("</strong>")
	writeEscaped(w, sentence[i+len(text):])
}

// tooltip says what a figure means, one fact a line.
func tooltip(f *schema.Figure) string {
	var b strings.Builder
	line := func(k, v string) {
		if strings.TrimSpace(v) == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
	}
	line("value", groupThousands(f.Value))
	if f.Low != nil || f.High != nil {
		line("range", optNumber(f.Low)+" – "+optNumber(f.High))
	}
	line("qualifier", f.Qualifier)
	line("unit", f.Unit)
	line("category", f.Category)
	line("object", f.Object)
	line("place", f.Location)
	line("date", f.EventDate)
	line("attribution", f.Attribution)
	line("hedge", f.Hedge)
	line("note", f.Note)
	return b.String()
}

func optNumber(v *float64) string {
	if v == nil {
		return "?"
	}
	return groupThousands(*v)
}

// htmlColumns head the figures table; writeRow fills them in this order.
// What a reader scans first comes first (the table is half the page); the
// source, a path as long as it likes, comes last and is cut.
var htmlColumns = []string{"#", "category", "value", "unit", "qualifier", "sentence", "object", "place", "date", "attribution", "hedge", "section", "source"}

func (h *htmlWriter) writeRow(fig *htmlFigure) {
	f := &fig.f
	r := &h.rows
	fmt.Fprintf(r, `<tr class="row %s" id="r%d" data-fig="%d" data-category="`, h.category(f.Category).class, fig.n, fig.n)
	writeEscaped(r, f.Category)
	r.WriteString(`"><td class="num">`)
	if fig.placed {
		fmt.Fprintf(r, `<a href="#f%d">%d</a>`, fig.n, fig.n)
	} else {
		r.WriteString(`<span class="unplaced" title="not highlighted: `)
		writeEscaped(r, fig.why)
		fmt.Fprintf(r, `">%d</span>`, fig.n)
	}
	cell := func(s string, class string) {
		r.WriteString("<td")
		if class != "" {
			r.WriteString(` class="` + class + `"`)
		}
		r.WriteString(">")
		writeEscaped(r, s)
		r.WriteString("</td>")
	}
	r.WriteString("</td>")
	cell(categoryLabel(f.Category), "")
	cell(groupThousands(f.Value), "num")
	cell(f.Unit, "")
	cell(f.Qualifier, "")
	r.WriteString(`<td class="sentence">`)
	writeSentence(r, f.Sentence, f.Text)
	r.WriteString("</td>")
	for _, s := range []string{f.Object, f.Location, f.EventDate, f.Attribution, f.Hedge, f.Section} {
		cell(s, "")
	}
	r.WriteString(`<td class="source" title="`)
	writeEscaped(r, f.Source)
	r.WriteString(`">`)
	writeEscaped(r, f.Source)
	r.WriteString("</td></tr>\n")
}

// end writes the figures table with its controls, the footer, the script.
func (h *htmlWriter) end() {
	w := h.out
	w.WriteString("</main>\n<aside id=\"panel\">\n<div class=\"controls\">")
	w.WriteString(`<input type="search" id="filter" placeholder="Filter figures by any text…" aria-label="Filter figures">`)
	w.WriteString(`<select id="category" aria-label="Category"><option value="">All categories</option>`)
	names := slices.Clone(h.order)
	slices.Sort(names)
	for _, name := range names {
		w.WriteString(`<option value="`)
		writeEscaped(w, name)
		w.WriteString(`">`)
		writeEscaped(w, categoryLabel(name))
		fmt.Fprintf(w, " (%d)</option>", h.cats[name].figures)
	}
	w.WriteString("</select></div>\n<ul class=\"legend\">")
	for _, name := range names {
		fmt.Fprintf(w, `<li class="%s">`, h.cats[name].class)
		writeEscaped(w, categoryLabel(name))
		w.WriteString("</li>")
	}
	fmt.Fprintf(w, "</ul>\n<p id=\"shown\">%d figure%s in %d document%s, %d highlighted</p>\n",
		h.nFigs, plural(h.nFigs), h.nDocs, plural(h.nDocs), h.nMarks)
	w.WriteString("<table id=\"figures\">\n<thead><tr>")
	for _, c := range htmlColumns {
		w.WriteString("<th>" + c + "</th>")
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	w.WriteString(h.rows.String())
	w.WriteString("</tbody>\n</table>\n</aside>\n</div>\n<footer>")
	if r := h.opts.Run; r != nil {
		w.WriteString("tally ")
		writeEscaped(w, r.Version)
		if !r.Finished.IsZero() {
			w.WriteString(" · ")
			writeEscaped(w, r.Finished.Format(time.RFC3339))
		}
		if r.ConfigHash != "" {
			w.WriteString(" · rules ")
			writeEscaped(w, r.ConfigHash)
		}
	} else {
		w.WriteString("tally")
	}
	w.WriteString("</footer>\n<script>\n")
	w.WriteString(htmlScript)
	w.WriteString("</script>\n</body>\n</html>\n")
}

// htmlScript filters the table by category and text, dims the highlights
// of hidden rows, and links highlights and rows both ways.
const htmlScript = `(function () {
  "use strict";
  var box = document.getElementById("filter");
  var select = document.getElementById("category");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#figures tbody tr"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.fig"));
  var total = shown.textContent;
  function applyFilter() {
    var q = box.value.trim().toLowerCase();
    var cat = select.value;
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!cat || r.dataset.category === cat) &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    marks.forEach(function (m) {
      var r = document.getElementById("r" + m.dataset.fig);
      m.classList.toggle("dim", !!r && r.hidden);
    });
    shown.textContent = (q || cat) ? n + " of " + rows.length + " figures shown" : total;
  }
  function flash(el) {
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1200);
  }
  marks.forEach(function (m) {
    m.addEventListener("click", function () {
      var r = document.getElementById("r" + m.dataset.fig);
      if (r && !r.hidden) { r.scrollIntoView({block: "center"}); flash(r); }
    });
  });
  box.addEventListener("input", applyFilter);
  select.addEventListener("change", applyFilter);
  // A link can open the page filtered: report.html#category=killed&filter=Odesa
  if (location.hash.indexOf("=") > 0) {
    var params = new URLSearchParams(location.hash.slice(1));
    box.value = params.get("filter") || "";
    select.value = params.get("category") || "";
    applyFilter();
  }
})();
`

func categoryLabel(name string) string {
	if name == "" {
		return noCategory
	}
	return name
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// isWebURL reports whether u is an http or https address, the only links
// the page makes.
func isWebURL(u string) bool {
	lower := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// groupThousands writes a value with thousands separators, as a reader
// expects in a table: 430,000; 2.5; -1,200.75.
func groupThousands(v float64) string {
	s := schema.FormatNumber(v)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// htmlEscaper is the writer writeEscaped writes to.
type htmlEscaper interface {
	io.Writer
	io.StringWriter
}

// writeEscaped writes s as HTML text or attribute value: markup characters
// escaped, invalid UTF-8 and control characters (but tab, LF, CR) replaced
// by U+FFFD, so the page is valid UTF-8 and nothing in s can open a tag or
// close an attribute.
func writeEscaped(w htmlEscaper, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var rep string
		size := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '&':
				rep = "&amp;"
			case c == '"':
				rep = "&#34;"
			case c == '\'':
				rep = "&#39;"
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7F:
				rep = "\uFFFD"
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r < 0xA0) {
				rep = "\uFFFD"
			}
		}
		if rep != "" {
			w.WriteString(s[last:i])
			w.WriteString(rep)
			last = i + size
		}
		i += size
	}
	w.WriteString(s[last:])
}
