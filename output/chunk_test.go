package output

import (
	"bytes"
	"testing"
)

// TestChunksMatchWrite checks that figures encoded in chunks (as batch
// workers do) give the same bytes as figures written one by one.
func TestChunksMatchWrite(t *testing.T) {
	figs := append(sampleFigures(), manyFigures(50)...)
	for _, format := range []string{"csv", "jsonl"} {
		for _, opts := range []Options{{}, {Raw: true}, {BOM: true}} {
			var one, chunked bytes.Buffer
			w1, err := New(format, &one, opts)
			if err != nil {
				t.Fatal(err)
			}
			for i := range figs {
				if err := w1.Write(&figs[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w1.Close(); err != nil {
				t.Fatal(err)
			}
			w2, err := New(format, &chunked, opts)
			if err != nil {
				t.Fatal(err)
			}
			enc, ok := w2.(ChunkEncoder)
			if !ok {
				t.Fatalf("%s writer is not a ChunkEncoder", format)
			}
			if err := w2.Write(&figs[0]); err != nil { // a mix of both ways
				t.Fatal(err)
			}
			var buf []byte // reused, as a batch run reuses its buffers
			for start := 1; start < len(figs); start += 7 {
				end := min(start+7, len(figs))
				p, err := enc.EncodeChunk(append(buf[:0], "keep"...), figs[start:end])
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.HasPrefix(p, []byte("keep")) {
					t.Fatalf("EncodeChunk did not append to dst: %.20q", p)
				}
				if err := enc.WriteChunk(p[len("keep"):]); err != nil {
					t.Fatal(err)
				}
				buf = p
			}
			if err := w2.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(one.Bytes(), chunked.Bytes()) {
				t.Fatalf("%s %+v: chunked output differs from figure-by-figure output", format, opts)
			}
		}
	}
}
