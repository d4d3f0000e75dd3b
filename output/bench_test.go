package output

import (
	"errors"
	"io"
	"path/filepath"
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
	b.ReportMetric(float64(len(figs)*b.N)/b.Elapsed().Seconds(), "figures/s")
}

func BenchmarkCSV(b *testing.B)   { benchmarkWriter(b, "csv", Options{}) }
func BenchmarkJSONL(b *testing.B) { benchmarkWriter(b, "jsonl", Options{}) }
func BenchmarkXLSX(b *testing.B)  { benchmarkWriter(b, "xlsx", Options{}) }

// BenchmarkCSVChunk encodes 10,000 figures per op the way a batch run does:
// a document's figures at a time, into a reused buffer.
func BenchmarkCSVChunk(b *testing.B) {
	figs := manyFigures(10_000)
	w, err := New("csv", io.Discard, Options{})
	if err != nil {
		b.Fatal(err)
	}
	enc := w.(ChunkEncoder)
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		size := 0
		for start := 0; start < len(figs); start += 6 {
			buf, err = enc.EncodeChunk(buf[:0], figs[start:min(start+6, len(figs))])
			if err != nil {
				b.Fatal(err)
			}
			size += len(buf)
		}
		b.SetBytes(int64(size))
	}
}

func BenchmarkParquet(b *testing.B) { benchmarkWriter(b, "parquet", Options{}) }

// BenchmarkSQLite writes 10,000 figures per op into a new database file,
// facts, full-text index and indexes included.
func BenchmarkSQLite(b *testing.B) {
	figs := manyFigures(10_000)
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		f, err := CreateAtomic(filepath.Join(dir, "figures.sqlite"))
		if err != nil {
			b.Fatal(err)
		}
		w, err := New("sqlite", f, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for i := range figs {
			if err := w.Write(&figs[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := errors.Join(w.Close(), f.Commit()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(figs)*b.N)/b.Elapsed().Seconds(), "figures/s")
}
