package input

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/tally-news/tally/schema"
	"github.com/tally-news/tally/schema/skips"
)

// TestHugeLine reads 50 MB files with no line break in every format. None
// may crash or hang; with a 1 MiB limit each is refused while allocating a
// few MiB, however large the file.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		skips.Skip(t, "writes 50 MB files")
	}
	const size = 50 << 20
	body := bytes.Repeat([]byte("word 12 "), size/8)
	dir := t.TempDir()
	tests := []struct {
		name     string
		prefix   string
		max      int64
		docs     int
		err      string // suffix after the path
		maxAlloc uint64 // bytes allocated by the read, 0 for no check
	}{
		{"big.txt", "", 0, 1, "", 2*size + 8<<20},
		{"big.txt", "", 1 << 20, 0, ": larger than the 1 MiB limit", 1 << 20},
		{"big.jsonl", `{"text":"`, 0, 0, ":1: invalid json: unexpected end of input", 0},
		{"big.jsonl", `{"text":"`, 1 << 20, 0, ":1: line longer than the 1 MiB limit", 8 << 20},
		{"big.csv", "text\n\"", 1 << 20, 0, ":2: record larger than the 1 MiB limit: skipped", 16 << 20},
		{"big.json", `[{"text":"`, 1 << 20, 0, ": record 1: larger than the 1 MiB limit", 8 << 20},
		{"big.html", "<html><body><article><p>", 1 << 20, 0, ": larger than the 1 MiB limit", 1 << 20},
	}
	for _, tt := range tests {
		p := filepath.Join(dir, tt.name)
		if _, err := os.Stat(p); err != nil {
			if err := os.WriteFile(p, append([]byte(tt.prefix), body...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var errs []string
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		n, err := Read([]string{p}, Options{MaxBytes: tt.max}, func(schema.Document) error { return nil },
			func(e *Error) { errs = append(errs, e.Error()) })
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s, limit %d: %v, %d MiB allocated", tt.name, tt.max, elapsed.Round(time.Millisecond), alloc>>20)
		if err != nil || n != tt.docs {
			t.Errorf("%s: Read = %d, %v; want %d documents", tt.name, n, err, tt.docs)
		}
		if tt.err == "" && errs != nil || tt.err != "" && (len(errs) != 1 || errs[0] != p+tt.err) {
			t.Errorf("%s: errors %q, want %q", tt.name, errs, tt.err)
		}
		if tt.maxAlloc > 0 && alloc > tt.maxAlloc && !raceEnabled {
			t.Errorf("%s: allocated %d MiB, want at most %d", tt.name, alloc>>20, tt.maxAlloc>>20)
		}
		if elapsed > 10*time.Second {
			t.Errorf("%s: took %v", tt.name, elapsed)
		}
	}
}
