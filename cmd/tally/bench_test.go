package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkExtractCLI runs tally extract end to end (read JSON Lines,
// extract, write CSV) on a generated corpus: TALLY_BENCH_CORPUS names one,
// otherwise 20 MB are generated with cmd/gencorpus. TALLY_BENCH_JOBS sets
// --jobs (default 1).
func BenchmarkExtractCLI(b *testing.B) {
	corpus := os.Getenv("TALLY_BENCH_CORPUS")
	if corpus == "" {
		corpus = filepath.Join(b.TempDir(), "corpus.jsonl")
		if out, err := exec.Command("go", "run", "../gencorpus", "-size", "20MB", "-o", corpus).CombinedOutput(); err != nil {
			b.Fatalf("gencorpus: %v\n%s", err, out)
		}
	}
	st, err := os.Stat(corpus)
	if err != nil {
		b.Fatal(err)
	}
	jobs := 1
	if s := os.Getenv("TALLY_BENCH_JOBS"); s != "" {
		if jobs, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "figures.csv")
	b.SetBytes(st.Size())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		code := run([]string{"extract", corpus, "-o", out, "--jobs", strconv.Itoa(jobs), "--quiet"}, strings.NewReader(""), io.Discard, io.Discard)
		if code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
