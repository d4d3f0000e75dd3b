package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/schema"
)

func extractor(t *testing.T) *extract.Extractor {
	t.Helper()
	cfg, err := extract.DecodeConfig("config.yaml", tally.DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	e, err := extract.New(cfg, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func docs(n int) []extract.Document {
	var out []extract.Document
	for i := 0; i < n; i++ {
		// documents of very different sizes finish out of order
		text := fmt.Sprintf("Officials said %d people were evacuated.", i+1)
		for k := 0; k < (i%7)*50; k++ {
			text += " At least 3 homes were damaged."
		}
		out = append(out, extract.Document{Source: fmt.Sprintf("doc%03d", i), Text: text})
	}
	return out
}

func source(ds []extract.Document) batch.Source {
	return func(yield func(extract.Document) error) error {
		for _, d := range ds {
			if err := yield(d); err != nil {
				return err
			}
		}
		return nil
	}
}

// render runs the batch and returns the emitted sources and first values.
func render(t *testing.T, jobs int, ds []extract.Document) string {
	var buf bytes.Buffer
	err := batch.Run(context.Background(), extractor(t), batch.Options{Jobs: jobs}, source(ds), func(r batch.Result) error {
		fmt.Fprintf(&buf, "%s:%d:%v\n", r.Doc.Source, len(r.Figures), r.Figures[0].Value)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestRunKeepsInputOrder(t *testing.T) {
	ds := docs(200)
	one := render(t, 1, ds)
	for _, jobs := range []int{2, 4, 16} {
		if got := render(t, jobs, ds); got != one {
			t.Fatalf("jobs=%d output differs from jobs=1", jobs)
		}
	}
	if want := "doc000:1:1\n"; one[:len(want)] != want {
		t.Fatalf("first line %q, want %q", one[:len(want)], want)
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := batch.Run(context.Background(), extractor(t), batch.Options{Jobs: 4}, source(docs(100)), func(batch.Result) error {
		n++
		if n == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 10 {
		t.Fatalf("err %v after %d results, want disk full after 10", err, n)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := batch.Run(ctx, extractor(t), batch.Options{Jobs: 2}, source(docs(100)), func(batch.Result) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

func TestRunEncodesInWorkers(t *testing.T) {
	var got []string
	encode := func(dst []byte, figs []schema.Figure) ([]byte, error) {
		if len(dst) != 0 {
			return nil, fmt.Errorf("recycled buffer not emptied: %q", dst)
		}
		return fmt.Appendf(dst, "%s: %d figures", figs[0].Source, len(figs)), nil
	}
	err := batch.Run(context.Background(), extractor(t), batch.Options{Jobs: 3, Encode: encode}, source(docs(200)), func(r batch.Result) error {
		got = append(got, string(r.Encoded))
		return nil
	})
	if err != nil || len(got) != 200 {
		t.Fatalf("%d encoded results, err %v", len(got), err)
	}
	// doc199 has 1 + (199 % 7) * 50 figures.
	if got[0] != "doc000: 1 figures" || got[199] != "doc199: 151 figures" {
		t.Fatalf("encoded results %q ... %q", got[0], got[199])
	}

	// An encoding error stops the run after the documents before it.
	bad := errors.New("cannot encode")
	failOn5 := func(dst []byte, figs []schema.Figure) ([]byte, error) {
		if figs[0].Source == "doc005" {
			return nil, bad
		}
		return dst, nil
	}
	var emitted []string
	err = batch.Run(context.Background(), extractor(t), batch.Options{Jobs: 3, Encode: failOn5},
		source(docs(200)), func(r batch.Result) error {
			emitted = append(emitted, r.Doc.Source)
			return nil
		})
	if !errors.Is(err, bad) || len(emitted) != 5 || emitted[4] != "doc004" {
		t.Fatalf("encode error: err %v, emitted %v; want %v after doc004", err, emitted, bad)
	}
}

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := batch.LoadState(path, "rules-a")
	if err != nil || len(s.Docs) != 0 {
		t.Fatalf("fresh state: %v %+v", err, s)
	}
	if s.Fresh() != "missing" {
		t.Errorf("Fresh = %q, want missing", s.Fresh())
	}
	s.Mark("a.txt", "text one")
	data, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := batch.LoadState(path, "rules-a")
	if err != nil || !again.Seen("a.txt", "text one") || again.Seen("a.txt", "text two") || again.Seen("b.txt", "text one") {
		t.Fatalf("reloaded state wrong: %v %+v", err, again)
	}
	if again.Fresh() != "" {
		t.Errorf("Fresh of a state read back = %q", again.Fresh())
	}
	other, _ := batch.LoadState(path, "rules-b")
	if other.Seen("a.txt", "text one") || other.Fresh() != "made with other rules" {
		t.Fatalf("state made with other rules must start afresh and say so (Fresh %q)", other.Fresh())
	}
	for text, want := range map[string]string{"": "empty", " \n": "empty", "null\n": "null"} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if s, err := batch.LoadState(path, "rules-a"); err != nil || s.Fresh() != want {
			t.Errorf("state file %q: Fresh %q, %v; want %q", text, s.Fresh(), err, want)
		}
	}
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := batch.LoadState(path, "rules-a"); err == nil {
		t.Fatal("a corrupt state file must be an error, not silently reset")
	}
}

func TestShard(t *testing.T) {
	for _, bad := range []string{"0/4", "5/4", "x", "1/0", "2"} {
		if _, err := batch.ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
	ds := docs(400)
	seen := map[string]int{}
	for i := 1; i <= 4; i++ {
		s, err := batch.ParseShard(fmt.Sprintf("%d/4", i))
		if err != nil {
			t.Fatal(err)
		}
		count := 0
		for _, d := range ds {
			if s.Has(d.Text) {
				seen[d.Source]++
				count++
			}
		}
		if count < 50 || count > 150 {
			t.Errorf("shard %d/4 holds %d of 400 documents", i, count)
		}
	}
	for _, d := range ds {
		if seen[d.Source] != 1 {
			t.Fatalf("%s is in %d shards, want exactly 1", d.Source, seen[d.Source])
		}
	}
}

// TestStateSharedByReaderAndWriter: a run asks Seen from the goroutine that
// reads inputs while the one that writes output calls Mark; with a feed of
// many documents the two overlap (this once crashed a --state run with
// "concurrent map read and map write").
func TestStateSharedByReaderAndWriter(t *testing.T) {
	s, err := batch.LoadState(filepath.Join(t.TempDir(), "none.json"), "h")
	if err != nil {
		t.Fatal(err)
	}
	const n = 20000
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := range n {
			s.Mark(fmt.Sprint("feed.jsonl#", i), "text")
		}
	}()
	go func() {
		defer wg.Done()
		for i := range n {
			s.Seen(fmt.Sprint("feed.jsonl#", n-i), "text")
		}
	}()
	wg.Wait()
	if !s.Seen("feed.jsonl#7", "text") || s.Seen("feed.jsonl#7", "other text") {
		t.Fatal("Seen does not answer from what Mark recorded")
	}
}
