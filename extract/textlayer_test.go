package extract

import (
	gocontext "context"
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/schema"
)

// TestOneTextLayer holds the two passes to one text layer: every figure's
// sentence is one of its line's sentences as the document keeps them
// (split by the figure pass, not again), and the claims pass, run again
// over the same document, finds every line it reads split already and
// annotates as the first time.
func TestOneTextLayer(t *testing.T) {
	cfg, err := DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := "date 2024-03-01\n" +
		"Flood kills 12 in Riverton\n\n" +
		"RIVERTON (AP) — Floods killed 12 people on Friday, Gen. J. Smith said. \"About 40 were hurt,\" he added.\n" +
		"The U.S. embassy said 300 homes were lost.\n\n" +
		"Officials said 7 remain missing. © 2024 The Associated Press. 5 comments"
	var s scratch
	figs, err := e.extract(gocontext.Background(), Document{Text: text}, &s)
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) < 4 {
		t.Fatalf("%d figures, want at least 4", len(figs))
	}
	split := s.doc.Splits()
	if split == 0 || split > s.doc.Lines() {
		t.Fatalf("%d lines split of %d", split, s.doc.Lines())
	}
	for _, f := range figs {
		k := s.doc.LineOf(f.Start)
		found := false
		for _, sp := range s.doc.Sentences(k) {
			found = found || sp.Start <= f.Start && f.End <= sp.End && text[sp.Start:sp.End] == f.Sentence
		}
		start, end := s.doc.Line(k)
		if cut := start < len("date 2024-03-01\n") || end == len(text); !found && !cut {
			t.Errorf("figure %q: sentence %q is none of its line's", f.Text, f.Sentence)
		}
	}
	if s.doc.Splits() != split {
		t.Errorf("the figures' lines: %d lines split, was %d: the figure pass did not keep its lines", s.doc.Splits(), split)
	}
	again := make([]schema.Figure, len(figs))
	copy(again, figs)
	if err := e.r.claims.AnnotateAllDocContext(gocontext.Background(), &s.doc, "2024-03-01", again, s.spans); err != nil {
		t.Fatal(err)
	}
	if s.doc.Splits() != split {
		t.Errorf("the claims pass again: %d lines split, was %d", s.doc.Splits(), split)
	}
	for i := range figs {
		if a, b := figs[i], again[i]; a.Attribution != b.Attribution || a.EventDate != b.EventDate || a.Location != b.Location || a.Hedge != b.Hedge {
			t.Errorf("figure %q: %q %q %q %q, again %q %q %q %q", a.Text, a.Attribution, a.EventDate, a.Location, a.Hedge, b.Attribution, b.EventDate, b.Location, b.Hedge)
		}
	}
	t.Logf("%d figures, %d of %d lines split", len(figs), split, s.doc.Lines())
}
