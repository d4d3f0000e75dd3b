package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/tally-news/tally/output"
)

// Rows are encoded by package output, the encoder tally extract uses, so a
// shard's bytes are tally's bytes: the same quoting, number formatting and
// neutralised formula cells. Each document's rows go to one shard, chosen
// by its source, and every shard file is written, empty or not, so a set of
// shards is always complete.

// encodeFn turns one document's figures into its output rows, keyed by the
// shard they belong to.
type encodeFn struct {
	Format string // "csv" or "jsonl"
	Raw    bool   // do not neutralise formula-like CSV cells
	Shards int

	enc output.ChunkEncoder
}

func (fn *encodeFn) Setup() error {
	// Append: the header is written once per shard file, not per document.
	w, err := output.New(fn.Format, io.Discard, output.Options{Raw: fn.Raw, Append: true})
	if err != nil {
		return err
	}
	enc, ok := w.(output.ChunkEncoder)
	if !ok {
		return fmt.Errorf("output format %q cannot be written in shards", fn.Format)
	}
	fn.enc = enc
	return nil
}

func (fn *encodeFn) ProcessElement(x extracted, emit func(int, string)) error {
	if len(x.Figures) == 0 {
		return nil
	}
	rows, err := fn.enc.EncodeChunk(nil, x.Figures)
	if err != nil {
		return fmt.Errorf("%s: %w", x.Source, err)
	}
	emit(shardOf(x.Source, fn.Shards), string(rows))
	return nil
}

// shardOf spreads documents over n shards by their source, so that one
// document's rows stay together.
func shardOf(source string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(source))
	return int(h.Sum32() % uint32(n))
}

// figuresHeader is what a figures file of format starts with before any
// row: the header line for CSV, nothing for JSON Lines.
func figuresHeader(format string, raw bool) (string, error) {
	var buf bytes.Buffer
	w, err := output.New(format, &buf, output.Options{Raw: raw})
	if err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// shardName is Beam's usual name for shard i of n.
func shardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, ext)
}

// writeShards writes rows, a PCollection<KV<int, string>> of shard number
// and text, to n files named by shardName, each starting with header.
func writeShards(s beam.Scope, rows beam.PCollection, prefix, ext, header string, n int) {
	s = s.Scope("WriteShards")
	all := beam.ParDo(s, emptyShard, beam.CreateList(s, shardNumbers(n)))
	grouped := beam.GroupByKey(s, beam.Flatten(s, rows, all))
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Ext: ext, Header: header, Shards: n}, grouped)
}

func shardNumbers(n int) []int {
	list := make([]int, n)
	for i := range list {
		list[i] = i
	}
	return list
}

// emptyShard gives every shard one empty row, so that GroupByKey calls
// writeShardFn for it even when no document landed there.
func emptyShard(i int) (int, string) { return i, "" }

// writeShardFn writes one shard's file through Beam's filesystems (local
// paths, gs:// and the others a runner registers). A retried bundle
// rewrites the file whole.
type writeShardFn struct {
	Prefix, Ext, Header string
	Shards              int
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, rows func(*string) bool) (err error) {
	name := shardName(fn.Prefix, shard, fn.Shards, fn.Ext)
	fsys, err := beamFilesystem(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	f, err := fsys.OpenWrite(ctx, name)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("%s: %w", name, cerr)
		}
	}()
	w := bufio.NewWriterSize(f, 256<<10)
	w.WriteString(fn.Header)
	var row string
	for rows(&row) {
		w.WriteString(row)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
