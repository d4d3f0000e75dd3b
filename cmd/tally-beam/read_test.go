package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"

	"github.com/tally-news/tally/schema"
)

// TestRemoteFiles lists and reads files on a Beam filesystem (memfs here,
// gs:// on Dataflow) through listFn and readFn, outside a pipeline.
func TestRemoteFiles(t *testing.T) {
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write([]byte(`{"id":"b1","text":"Some 300 people were evacuated."}` + "\n" + `{"id":` + "\n"))
	zw.Close()
	memfs.Write("memfs://feeds/a.jsonl", []byte(`{"id":"a1","text":"At least 12 people were killed."}`+"\n"))
	memfs.Write("memfs://feeds/b.jsonl.gz", zipped.Bytes())
	memfs.Write("memfs://feeds/notes.md", []byte("not matched by the glob"))

	ctx := context.Background()
	var files, errs []string
	collectErr := func(msg string) { errs = append(errs, msg) }
	list := &listFn{}
	for _, arg := range []string{"memfs://feeds/*.jsonl*", "memfs://empty/*.jsonl"} {
		if err := list.ProcessElement(ctx, arg, func(p string) { files = append(files, p) }, collectErr); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"memfs://feeds/a.jsonl", "memfs://feeds/b.jsonl.gz"}; !slices.Equal(files, want) {
		t.Errorf("listed %q, want %q", files, want)
	}

	var docs []string
	read := &readFn{}
	for _, f := range files {
		err := read.ProcessElement(ctx, f, func(d schema.Document) { docs = append(docs, d.Source+" "+d.ID+" "+d.Text) }, collectErr)
		if err != nil {
			t.Fatal(err)
		}
	}
	wantDocs := []string{
		"memfs://feeds/a.jsonl#1 a1 At least 12 people were killed.",
		"memfs://feeds/b.jsonl.gz#1 b1 Some 300 people were evacuated.",
	}
	if !slices.Equal(docs, wantDocs) {
		t.Errorf("read %q, want %q", docs, wantDocs)
	}
	if len(errs) != 2 || errs[0] != "memfs://empty/*.jsonl: no file matches" || !strings.HasPrefix(errs[1], "memfs://feeds/b.jsonl.gz:2: ") {
		t.Errorf("errors %q, want the empty glob and line 2 of b.jsonl.gz", errs)
	}
}

// TestWriteShard writes a shard through a Beam filesystem: header first,
// then each document's rows whole.
func TestWriteShard(t *testing.T) {
	ctx := context.Background()
	rows := []string{"", "a,1\nb,2\n", "c,3\n"}
	next := func(row *string) bool {
		if len(rows) == 0 {
			return false
		}
		*row, rows = rows[0], rows[1:]
		return true
	}
	fn := &writeShardFn{Prefix: "memfs://out/figures", Ext: ".csv", Header: "name,n\n", Shards: 4}
	if err := fn.ProcessElement(ctx, 2, next); err != nil {
		t.Fatal(err)
	}
	fsys, _ := filesystem.New(ctx, "memfs://out")
	r, err := fsys.OpenRead(ctx, "memfs://out/figures-00002-of-00004.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(r)
	if want := "name,n\na,1\nb,2\nc,3\n"; string(got) != want {
		t.Errorf("shard holds %q, want %q", got, want)
	}
}
