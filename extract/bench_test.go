package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

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

// BenchmarkExtractLong measures one document of hostile shape, as large as
// TALLY_BENCH_LONG_MB says (a comma-separated list of sizes; default 1):
// the sample articles run together as one paragraph, as one sentence (full
// stops made commas) and without any punctuation. Time per MB must not
// grow with the size: go test ./extract -run XXX -bench ExtractLong with
// TALLY_BENCH_LONG_MB=1,4,16,64.
func BenchmarkExtractLong(b *testing.B) {
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	var sb strings.Builder
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		article, _, _ := strings.Cut(string(text), "©")
		sb.WriteString(article)
	}
	paragraph := strings.Join(strings.Fields(sb.String()), " ") + " "
	shapes := []struct{ name, text string }{
		{"paragraph", paragraph},
		{"sentence", strings.NewReplacer(".", ",", "!", ",", "?", ",").Replace(paragraph)},
		{"nopunct", strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
				return r
			}
			return -1
		}, paragraph)},
	}
	sizes := os.Getenv("TALLY_BENCH_LONG_MB")
	if sizes == "" {
		sizes = "1"
	}
	e := defaultExtractor(b, extract.Options{})
	for _, shape := range shapes {
		for _, mb := range strings.Split(sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(mb))
			if err != nil || n <= 0 {
				b.Fatalf("TALLY_BENCH_LONG_MB: %q is not a size in MB", mb)
			}
			text := strings.Repeat(shape.text, n<<20/len(shape.text)+1)[:n<<20]
			b.Run(fmt.Sprintf("%s/%dMB", shape.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					e.Extract(extract.Document{Source: "long.txt", Text: text})
				}
			})
		}
	}
}
