package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

// BenchmarkExtract measures throughput on news-like text: the articles in
// testdata (without their comment sections), each a document, repeated to
// about 1 MB, as a batch run would see them.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	var docs []extract.Document
	size := 0
	for size < 1<<20 {
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			article, _, _ := strings.Cut(string(text), "©")
			docs = append(docs, extract.Document{Source: f, Text: article})
			size += len(article)
		}
	}
	e := defaultExtractor(b, extract.Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			e.Extract(d)
		}
	}
}

// BenchmarkExtractSeeds measures throughput on real news: the shared seed
// articles beside the repository (skipped where they are absent), each a
// document, repeated to about 1 MB. They state about one figure per 400
// bytes; the invented articles above about one per 100.
func BenchmarkExtractSeeds(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed corpus beside the repository")
	}
	var docs []extract.Document
	size := 0
	for size < 1<<20 {
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, extract.Document{Source: f, Text: string(text)})
			size += len(text)
		}
	}
	e := defaultExtractor(b, extract.Options{})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			e.Extract(d)
		}
	}
}
