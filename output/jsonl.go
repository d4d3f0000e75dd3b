package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/tally-news/tally/schema"
)

// jsonlWriter writes one JSON object per line. Keys follow the struct's json
// tags, which are in schema.Columns order; absent bounds are null.
type jsonlWriter struct {
	out    *bufio.Writer
	enc    *json.Encoder
	n      int // figures written, for error messages
	closed bool
}

func newJSONL(w io.Writer, _ Options) *jsonlWriter {
	out := bufio.NewWriter(w)
	enc := json.NewEncoder(out)
	// Sentences quote "<", ">" and "&" often; \u003c would only hinder
	// anyone reading or grepping the file.
	enc.SetEscapeHTML(false)
	return &jsonlWriter{out: out, enc: enc}
}

// Write appends one figure as a line.
// EncodeChunk encodes figures as JSON Lines exactly as Write would. It
// touches no writer state, so workers may call it at once.
func (w *jsonlWriter) EncodeChunk(dst []byte, figs []schema.Figure) ([]byte, error) {
	buf := bytes.NewBuffer(dst)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	for i := range figs {
		if err := enc.Encode(&figs[i]); err != nil {
			return nil, fmt.Errorf("output: jsonl: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// WriteChunk appends lines made by EncodeChunk.
func (w *jsonlWriter) WriteChunk(p []byte) error {
	if w.closed {
		return errors.New("output: jsonl: write after close")
	}
	if _, err := w.out.Write(p); err != nil {
		return fmt.Errorf("output: jsonl: %w", err)
	}
	return nil
}

func (w *jsonlWriter) Write(f *schema.Figure) error {
	if w.closed {
		return errors.New("output: jsonl: write after close")
	}
	if f == nil {
		return errors.New("output: jsonl: nil figure")
	}
	w.n++
	if err := w.enc.Encode(f); err != nil {
		return fmt.Errorf("output: jsonl: figure %d: %w", w.n, err)
	}
	return nil
}

// Close flushes the buffered lines; it does not close the underlying writer.
func (w *jsonlWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	if err := w.out.Flush(); err != nil {
		return fmt.Errorf("output: jsonl: flush: %w", err)
	}
	return nil
}
