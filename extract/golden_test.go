package extract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/articles and testdata/golden")

// TestGolden extracts each article under testdata/articles (the README
// sample) and testdata/golden (more invented articles, of other kinds) and
// compares the figures (JSON Lines) with NAME.golden beside it, an
// extension tally does not read. Review changes with git diff after
// `go test ./extract -run Golden -update`.
func TestGolden(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	runGolden(t, []string{"../testdata/articles/*.txt", "../testdata/golden/*.txt"}, ".golden", e.Extract)
}

// runGolden runs records on each article matching patterns and compares
// them, as JSON Lines, with the golden file beside it (NAME+ext).
func runGolden[T any](t *testing.T, patterns []string, ext string, records func(extract.Document) []T) {
	t.Helper()
	var files []string
	for _, pattern := range patterns {
		matches, err := filepath.Glob(pattern)
		if err != nil || len(matches) == 0 {
			t.Fatalf("no articles match %s: %v", pattern, err)
		}
		files = append(files, matches...)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			for _, r := range records(extract.Document{Source: filepath.Base(path), Text: string(text)}) {
				if err := enc.Encode(r); err != nil {
					t.Fatal(err)
				}
			}
			checkGolden(t, strings.TrimSuffix(path, ".txt")+ext, buf.Bytes())
		})
	}
}

// checkGolden compares got with the golden file, line by line, or rewrites
// the file with -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gotLines, wantLines := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got %s\nwant %s", golden, i+1, g, w)
		}
	}
}
