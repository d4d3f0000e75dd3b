package input

import (
	"strings"

	"golang.org/x/net/html"
)

// blockText renders extracted article markup as plain text the way a
// reader sees it: one paragraph per block element, paragraphs separated by
// a blank line, runs of HTML white space collapsed to one space (except in
// <pre>), <br> as a line break and table cells joined by " | " so that
// numbers in neighbouring cells do not run together. No-break spaces are
// not collapsed here, though go-trafilatura's own cleaning already turns
// them into plain spaces.
func blockText(n *html.Node) string {
	var b textBuilder
	b.walk(n, false)
	b.flush()
	return b.out.String()
}

type textBuilder struct {
	out, para strings.Builder
	space     bool // white space seen since the last text in para
}

func (b *textBuilder) walk(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		b.text(n.Data, pre)
		return
	case html.ElementNode:
		switch n.Data {
		case "br":
			if b.para.Len() > 0 {
				b.para.WriteByte('\n')
			}
			b.space = false
			return
		case "script", "style", "template", "noscript":
			return
		case "td", "th":
			if b.para.Len() > 0 {
				b.para.WriteString(" | ")
			}
			b.space = false
		case "pre":
			pre = true
		}
	}
	block := n.Type == html.ElementNode && isBlock(n.Data)
	if block {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c, pre)
	}
	if block {
		b.flush()
	}
}

func (b *textBuilder) text(s string, pre bool) {
	if pre {
		b.para.WriteString(s)
		b.space = false
		return
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\f':
			b.space = b.para.Len() > 0
		default:
			if b.space {
				b.para.WriteByte(' ')
				b.space = false
			}
			b.para.WriteByte(c)
		}
	}
}

// flush ends the current paragraph.
func (b *textBuilder) flush() {
	p := strings.Trim(b.para.String(), " \n")
	b.para.Reset()
	b.space = false
	if p == "" {
		return
	}
	if b.out.Len() > 0 {
		b.out.WriteString("\n\n")
	}
	b.out.WriteString(p)
}

func isBlock(tag string) bool {
	switch tag {
	case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
		"blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption",
		"figure", "figcaption", "section", "article", "header", "footer", "aside",
		"main", "nav", "hr", "details", "summary", "address", "body":
		return true
	}
	return false
}
