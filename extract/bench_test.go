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
// about 1 MB, as a batch run would see them. They state about one figure
// per 100 bytes, four times real news.
func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	benchmarkDocuments(b, files, func(text string) string {
		article, _, _ := strings.Cut(text, "©")
		return article
	})
}

// BenchmarkExtractSeeds measures throughput on real news: the shared seed
// articles beside the repository (skipped where they are absent), about one
// figure per 400 bytes.
func BenchmarkExtractSeeds(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seed corpus beside the repository")
	}
	benchmarkDocuments(b, files, func(text string) string { return text })
}

// benchmarkDocuments extracts the files, each a document after prepare,
// repeated to about 1 MB.
func benchmarkDocuments(b *testing.B, files []string, prepare func(string) string) {
	var docs []extract.Document
	size := 0
	for size < 1<<20 {
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			d := extract.Document{Source: f, Text: prepare(string(text))}
			docs = append(docs, d)
			size += len(d.Text)
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
