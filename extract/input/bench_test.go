package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

// feed builds n records of about 1 KB of article text each.
func feed(n int) []map[string]string {
	para := strings.Repeat("The port handled 4,210 containers in March, up 6.5% on a year earlier. ", 14)
	recs := make([]map[string]string, n)
	for i := range recs {
		recs[i] = map[string]string{"id": fmt.Sprint(i), "title": "Port traffic", "date": "2024-04-01", "text": para}
	}
	return recs
}

func benchRead(b *testing.B, format string, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n, err := Read([]string{"-"}, Options{Format: format, Stdin: bytes.NewReader(data)},
			func(schema.Document) error { return nil }, func(e *Error) { b.Fatal(e) })
		if err != nil || n == 0 {
			b.Fatal(n, err)
		}
	}
}

func BenchmarkJSONL(b *testing.B) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, r := range feed(1000) {
		enc.Encode(r)
	}
	benchRead(b, "jsonl", buf.Bytes())
}

func BenchmarkJSON(b *testing.B) {
	data, err := json.Marshal(feed(1000))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, "json", data)
}

func BenchmarkCSV(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("id,title,date,text\n")
	for _, r := range feed(1000) {
		fmt.Fprintf(&buf, "%s,%s,%s,%q\n", r["id"], r["title"], r["date"], r["text"])
	}
	benchRead(b, "csv", buf.Bytes())
}

func BenchmarkHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(fixtures, "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, "html", data)
}
