package input

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/tally-news/tally/schema"
)

var errNoArticle = errors.New("no article text found")

// embedSelector names third-party embeds that trafilatura keeps as quotes
// or text: their numbers belong to someone else's post, not the article.
const embedSelector = "blockquote.twitter-tweet, blockquote.twitter-video, " +
	"blockquote.instagram-media, blockquote.tiktok-embed, blockquote.reddit-embed-bq, " +
	"blockquote.bluesky-embed, blockquote.mastodon-embed, blockquote.threads-post, " +
	"div.fb-post, div.fb-video, iframe, noscript"

// readHTML reads a web page (.html, .htm) as one article: go-trafilatura
// finds the body, dropping navigation, teasers, share widgets, cookie
// banners, embeds and scripts, and the page's metadata gives the title,
// date, outlet and canonical URL. A page with no article is an error, not
// an empty document.
func readHTML(s *source, yield func(schema.Document) error, report func(*Error)) error {
	b, err := s.readAll()
	if err != nil {
		report(&Error{Path: s.name, Err: err})
		return nil
	}
	page, off, err := decodeHTML(b, s.declared)
	if err != nil {
		report(&Error{Path: s.name, Line: lineAt(b, off), Err: err})
		return nil
	}
	doc, err := article(page)
	if err != nil {
		report(&Error{Path: s.name, Err: err})
		return nil
	}
	if k := strings.IndexByte(doc.Text, 0); k >= 0 {
		report(&Error{Path: s.name, Err: errNUL(k)})
		return nil
	}
	doc.Source = s.name
	return yield(doc)
}

// decodeHTML turns a page into UTF-8: by its BOM, else by the charset its
// <meta> declares, else as decodeText guesses. A page that declares
// windows-1252 (or Latin-1, which browsers read as windows-1252) but is valid
// UTF-8 is taken as UTF-8: the label is a common leftover of templates.
func decodeHTML(b []byte, declared bool) (string, int, error) {
	if declared {
		return decodeText(b, true)
	}
	enc, name, _ := charset.DetermineEncoding(b, "")
	if name == "utf-8" || name == "windows-1252" || enc == nil {
		return decodeText(b, false)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", 0, fmt.Errorf("decoding %s: %w", name, err)
	}
	if !utf8.Valid(out) {
		return "", 0, fmt.Errorf("decoding %s: result is not valid utf-8", name)
	}
	return string(out), 0, nil
}

// article extracts the document from a UTF-8 page.
func article(page string) (schema.Document, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return schema.Document{}, fmt.Errorf("parsing html: %w", err)
	}
	res, err := extractArticle(root)
	if err != nil || res == nil || res.ContentNode == nil {
		return schema.Document{}, errNoArticle
	}
	meta := res.Metadata
	title := strings.TrimSpace(meta.Title)
	text := blockText(res.ContentNode)
	// The headline usually opens the body too; it is already the Title,
	// and keeping it would count its figures twice.
	if title != "" {
		if rest, ok := strings.CutPrefix(text, title); ok && (rest == "" || strings.HasPrefix(rest, "\n\n")) {
			text = strings.TrimPrefix(rest, "\n\n")
		}
	}
	if strings.TrimSpace(text) == "" {
		return schema.Document{}, errNoArticle
	}
	doc := schema.Document{
		Text:   text,
		Title:  title,
		URL:    strings.TrimSpace(meta.URL),
		Outlet: strings.TrimSpace(meta.Sitename),
	}
	if !meta.Date.IsZero() {
		doc.Published = meta.Date.Format(time.DateOnly)
	}
	return doc, nil
}

// extractArticle runs go-trafilatura. FavorPrecision because a figure
// taken from a teaser is worse than a paragraph missed, and because the
// balanced mode's fallback returns the whole page's text when it finds no
// article. Fast date mode reads the page's metadata and markup without
// the slow free-text date parser.
func extractArticle(root *html.Node) (res *trafilatura.ExtractResult, err error) {
	// The extractor runs on untrusted pages; a page that trips it must not
	// end a batch run, so a panic there becomes this page's error.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("html extractor failed: %v", r)
		}
	}()
	return trafilatura.ExtractDocument(root, trafilatura.Options{
		Focus:           trafilatura.FavorPrecision,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast,
		PruneSelector:   embedSelector,
	})
}
