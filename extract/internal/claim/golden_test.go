package claim_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/claim/articles/*.golden")

// TestGolden annotates every number the tests' finder sees in the invented
// articles of testdata/claim/articles and compares with the .golden files
// (go test -update rewrites them; review with git diff). A first line
// "date YYYY-MM-DD" is the publication date and not part of the text.
func TestGolden(t *testing.T) {
	a := defaultAnnotator(t)
	files, _ := filepath.Glob("../../../testdata/claim/articles/*.txt")
	if len(files) == 0 {
		t.Fatal("no articles")
	}
	for _, fn := range files {
		t.Run(filepath.Base(fn), func(t *testing.T) {
			text, published := readArticle(t, fn)
			var b strings.Builder
			fmt.Fprintf(&b, "# figure\tattribution\thedge\tevent_date\tlocation\n")
			for _, fs := range findFigures(text) {
				f := schema.Figure{Start: fs.start, End: fs.end}
				a.Annotate(text, fs.sentStart, fs.sentEnd, published, &f)
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", text[fs.start:fs.end], f.Attribution, f.Hedge, f.EventDate, f.Location)
			}
			golden := strings.TrimSuffix(fn, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("annotations differ from %s:\n%s", golden, diff(string(want), got))
			}
		})
	}
}

// diff lists the lines that differ, want then got.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n- %s\n+ %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
