package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tally-news/tally/schema"
)

// fuzzRead reads data as standard input in format and checks what holds
// for any input: no panic, valid UTF-8 text, sources and errors that name
// the input, and a count that matches the documents yielded.
func fuzzRead(t *testing.T, format string, data []byte) []schema.Document {
	var docs []schema.Document
	n, err := Read([]string{"-"}, Options{Format: format, Stdin: bytes.NewReader(data), MaxBytes: 1 << 20},
		func(d schema.Document) error {
			if !utf8.ValidString(d.Text) {
				t.Errorf("%s: text is not valid utf-8: %q", d.Source, d.Text)
			}
			if d.Source != "-" && !strings.HasPrefix(d.Source, "-#") {
				t.Errorf("source %q does not name the input", d.Source)
			}
			if strings.TrimSpace(d.Text) == "" {
				t.Errorf("%s: empty text yielded", d.Source)
			}
			docs = append(docs, d)
			return nil
		},
		func(e *Error) {
			if e.Path != "-" || e.Err == nil || !strings.HasPrefix(e.Error(), "-") {
				t.Errorf("bad error %#v", e)
			}
		})
	if err != nil || n != len(docs) {
		t.Errorf("Read = %d, %v; yielded %d", n, err, len(docs))
	}
	return docs
}

func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"text":"one 1"}` + "\n" + `{"text": "two` + "\n" + `{"id":3}` + "\n",
		"{\"text\":\"caf\xe9 \x80\"}\r\n\r\n[1]\n",
		"\xef\xbb\xbf{\"body\":\"bom\",\"date\":\"Jan 2, 2006\"}",
		"\xff\xfe{\x00}\x00",
		`{"text":"\ud800 lone surrogate","id":1e400}`,
		`{"text":"nul \u0000 escaped"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte{'\n'}) + 1
		for _, d := range fuzzRead(t, "jsonl", data) {
			if n, err := strconv.Atoi(strings.TrimPrefix(d.Source, "-#")); err != nil || n < 1 || n > lines {
				t.Errorf("source %q is not a line of the input (%d lines)", d.Source, lines)
			}
		}
	})
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`[{"text":"one 1"}, 2, {"x":1}, {"text":"four"}]`,
		`{"text":"single"}`,
		`[{"text":"a"},`,
		"[{\"text\":\"na\xefve\"}] trailing",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "json", data)
	})
}

func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"id,text\n1,first 1\n2,second,extra\n3\n4,\"unclosed \"quote\n5,\n6,sixth 6\n",
		"Text,Date\n\"multi\nline 2\",2024-01-02\n",
		"text\n\x80 11\n\x9d bad\n",
		"\"a\nb",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "csv", data)
	})
}

func FuzzHTML(f *testing.F) {
	for _, name := range []string{"article.html", "article-cp1252.html", "no-article.html"} {
		b, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		"<p>short</p>",
		"<html><head><meta charset=shift_jis></head><body><article><p>\x82\xa0</p></article></body></html>",
		"<table><tr><td>1<td>2</table><pre>  x</pre><br><br>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "html", data)
	})
}
