package output

import (
	"io"
	"testing"
)

// benchmarkWriter writes 10,000 figures per op; SetBytes reports the output
// size, so MB/s is output throughput.
func benchmarkWriter(b *testing.B, format string, opts Options) {
	figs := manyFigures(10_000)
	b.SetBytes(int64(len(writeAll(b, format, opts, figs))))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w, err := New(format, io.Discard, opts)
		if err != nil {
			b.Fatal(err)
		}
		for i := range figs {
			if err := w.Write(&figs[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCSV(b *testing.B)   { benchmarkWriter(b, "csv", Options{}) }
func BenchmarkJSONL(b *testing.B) { benchmarkWriter(b, "jsonl", Options{}) }
func BenchmarkXLSX(b *testing.B)  { benchmarkWriter(b, "xlsx", Options{}) }
