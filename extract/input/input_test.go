package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/tally-news/tally/schema"
)

// fixtures is the shared folder of hand-written test articles.
const fixtures = "../../testdata/input"

// result is everything one Read call produced.
type result struct {
	docs []schema.Document
	errs []string
	n    int
	err  error
}

func read(t *testing.T, paths []string, opts Options) result {
	t.Helper()
	var r result
	r.n, r.err = Read(paths, opts, func(d schema.Document) error {
		if !utf8.ValidString(d.Text) {
			t.Errorf("%s: text is not valid utf-8", d.Source)
		}
		r.docs = append(r.docs, d)
		return nil
	}, func(e *Error) {
		r.errs = append(r.errs, e.Error())
	})
	if r.n != len(r.docs) {
		t.Errorf("Read returned %d, yielded %d", r.n, len(r.docs))
	}
	return r
}

// sources lists each document as "source=text" for compact comparison.
func (r result) sources() []string {
	var out []string
	for _, d := range r.docs {
		out = append(out, d.Source+"="+d.Text)
	}
	return out
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// expand replaces "{dir}" with the test's directory, so that expected
// messages can be written as literals.
func expand(dir string, list []string) []string {
	var out []string
	for _, s := range list {
		out = append(out, strings.ReplaceAll(s, "{dir}", dir))
	}
	return out
}

// TestRead covers each format read from files the test writes: the good
// records of every file are yielded and each bad one is reported by path
// and line (or record) with the exact message.
func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // name -> content; "{gz}" prefix compresses the rest
		args  []string          // paths relative to the directory; default: all files, sorted
		opts  Options
		docs  []string // "source=text"
		errs  []string
	}{
		{
			name:  "txt keeps date line and line endings",
			files: map[string]string{"a.txt": "date 2024-03-01\r\nThe mill hired 40 people.\r\n"},
			docs:  []string{"{dir}/a.txt=date 2024-03-01\r\nThe mill hired 40 people.\r\n"},
		},
		{
			name:  "txt gzip",
			files: map[string]string{"a.txt.gz": "{gz}Rates rose 2 points."},
			docs:  []string{"{dir}/a.txt.gz=Rates rose 2 points."},
		},
		{
			name:  "unknown extension given explicitly is text",
			files: map[string]string{"story.md": "Turnout was 61 per cent."},
			docs:  []string{"{dir}/story.md=Turnout was 61 per cent."},
		},
		{
			name: "jsonl maps fields",
			files: map[string]string{"a.jsonl": `{"id":7,"url":"https://e.example/a","title":"T","published":"2024-02-03T10:00:00+09:00","text":"Sales fell 3%.","outlet":"Gazette"}` + "\n" +
				`{"ID":"b","Body":"Exports rose 5%.","date":"Feb 4, 2024"}` + "\n"},
			docs: []string{"{dir}/a.jsonl#1=Sales fell 3%.", "{dir}/a.jsonl#2=Exports rose 5%."},
		},
		{
			name:  "ndjson gzip, CRLF and blank lines",
			files: map[string]string{"a.ndjson.gz": "{gz}{\"text\":\"one 1\"}\r\n\r\n   \n{\"text\":\"two 2\"}"},
			docs:  []string{"{dir}/a.ndjson.gz#1=one 1", "{dir}/a.ndjson.gz#4=two 2"},
		},
		{
			name:  "jsonl custom field names",
			files: map[string]string{"a.jsonl": `{"story":"Wheat yields rose 9%.","text":"not this"}` + "\n"},
			opts:  Options{Fields: FieldMap{Text: []string{"story"}}},
			docs:  []string{"{dir}/a.jsonl#1=Wheat yields rose 9%."},
		},
		{
			name: "jsonl escapes, duplicate keys and trailing data",
			files: map[string]string{"a.jsonl": `{"text":"He said \"12 died\"\nin Caf\u00e9 \ud83d\ude00 \ud800."}` + "\n" +
				`{"text":"old 1","text":"new 2"}` + "\n" +
				`{"text":"one 3"} {"text":"two 4"}` + "\n"},
			docs: []string{"{dir}/a.jsonl#1=He said \"12 died\"\nin Café 😀 \uFFFD.", "{dir}/a.jsonl#2=new 2"},
			errs: []string{"{dir}/a.jsonl:3: invalid json: unexpected data after the record"},
		},
		{
			name: "jsonl broken record among good ones",
			files: map[string]string{"a.jsonl": `{"text":"first 1"}` + "\n" +
				`{"text": "second` + "\n" +
				`{"id":"x9","title":"no body"}` + "\n" +
				`[1,2]` + "\n" +
				`{"text":""}` + "\n" +
				`{"text":{"nested":true}}` + "\n" +
				`{"text":"last 6","date":"someday"}` + "\n"},
			docs: []string{"{dir}/a.jsonl#1=first 1", "{dir}/a.jsonl#7=last 6"},
			errs: []string{
				"{dir}/a.jsonl:2: invalid json: unexpected end of input",
				`{dir}/a.jsonl:3: record "x9": no text field (tried text, body, content)`,
				"{dir}/a.jsonl:4: record is not a JSON object",
				`{dir}/a.jsonl:5: empty "text" field`,
				`{dir}/a.jsonl:6: field "text": not a string or number`,
				`{dir}/a.jsonl:7: unrecognised date "someday" in field "date"; published left empty`,
			},
		},
		{
			name:  "jsonl over-long line is skipped, the next read",
			files: map[string]string{"a.jsonl": `{"text":"` + strings.Repeat("9", 3000) + `"}` + "\n" + `{"text":"short 2"}` + "\n"},
			opts:  Options{MaxBytes: 1024},
			docs:  []string{"{dir}/a.jsonl#2=short 2"},
			errs:  []string{"{dir}/a.jsonl:1: line longer than the 1 KiB limit"},
		},
		{
			name:  "csv over-long record is skipped, the next read",
			files: map[string]string{"a.csv": "id,text\n1,first 1\n2," + strings.Repeat("9", 8000) + "\n3,third 3\n4,\"fourth\n4\"\n"},
			opts:  Options{MaxBytes: 1024},
			docs:  []string{"{dir}/a.csv#2=first 1", "{dir}/a.csv#4=third 3", "{dir}/a.csv#5=fourth\n4"},
			errs:  []string{"{dir}/a.csv:3: record larger than the 1 KiB limit: skipped"},
		},
		{
			name:  "NUL past the sniffed start refused like one at the start",
			files: map[string]string{"a.txt": strings.Repeat("x", 9000) + "\x00 12", "b.jsonl": `{"text":"bad\u0000 1"}` + "\n" + `{"text":"good 2"}` + "\n"},
			docs:  []string{"{dir}/b.jsonl#2=good 2"},
			errs: []string{
				"{dir}/a.txt: binary data, not text: a NUL byte at offset 9000",
				"{dir}/b.jsonl:1: binary data, not text: a NUL byte at offset 3",
			},
		},
		{
			name:  "json array",
			files: map[string]string{"a.json": "[\n {\"text\":\"one 1\"},\n {\"text\":\"two 2\", \"id\": 2}\n]\n"},
			docs:  []string{"{dir}/a.json#1=one 1", "{dir}/a.json#2=two 2"},
		},
		{
			name:  "json single object",
			files: map[string]string{"a.json": "{\n  \"body\": \"Only 3 left.\"\n}\n"},
			docs:  []string{"{dir}/a.json#1=Only 3 left."},
		},
		{
			name:  "json bad records are skipped by index",
			files: map[string]string{"a.json": `[{"text":"one 1"}, {"x":1}, 3, null, {"text":"five 5"}]`},
			docs:  []string{"{dir}/a.json#1=one 1", "{dir}/a.json#5=five 5"},
			errs: []string{
				"{dir}/a.json: record 2: no text field (tried text, body, content)",
				"{dir}/a.json: record 3: record is not a JSON object",
				"{dir}/a.json: record 4: record is not a JSON object",
			},
		},
		{
			name:  "json syntax error ends the file after the good records",
			files: map[string]string{"a.json": `[{"text":"one 1"}, {"text" "two"}, {"text":"three"}]`},
			docs:  []string{"{dir}/a.json#1=one 1"},
			errs:  []string{"{dir}/a.json: record 2: invalid json at byte 27: invalid character '\"' after object name (expecting ':')"},
		},
		{
			name:  "json unclosed array",
			files: map[string]string{"a.json": `[{"text":"one 1"},`},
			docs:  []string{"{dir}/a.json#1=one 1"},
			errs:  []string{"{dir}/a.json: record 2: invalid json: unexpected end of input"},
		},
		{
			name:  "json not an array",
			files: map[string]string{"a.json": `"just a string"`},
			errs:  []string{"{dir}/a.json: want a JSON array of records or one record object"},
		},
		{
			name: "csv",
			files: map[string]string{"a.csv": "id,Title,text,date\n" +
				"1,Port,\"Cargo rose 4%,\nsaid the port.\",2024-05-06\n" +
				"2,Rail,Fares rise 1.5%.,\n"},
			docs: []string{"{dir}/a.csv#2=Cargo rose 4%,\nsaid the port.", "{dir}/a.csv#4=Fares rise 1.5%."},
		},
		{
			name: "csv ragged row, bad quote and empty text",
			files: map[string]string{"a.csv.gz": "{gz}id,text\n" +
				"1,first 1\n" +
				"2,second,extra\n" +
				"3\n" +
				"4,\"unclosed \"quote\n" +
				"5,\n" +
				"6,sixth 6\n"},
			docs: []string{"{dir}/a.csv.gz#2=first 1", "{dir}/a.csv.gz#7=sixth 6"},
			errs: []string{
				"{dir}/a.csv.gz:3: row has 3 fields, header has 2",
				"{dir}/a.csv.gz:4: row has 1 fields, header has 2",
				"{dir}/a.csv.gz:5: column 13: extraneous or missing \" in quoted-field",
				`{dir}/a.csv.gz:6: record "5": empty "text" field`,
			},
		},
		{
			name:  "csv without a text column",
			files: map[string]string{"a.csv": "id,headline\n1,Nothing here\n"},
			errs:  []string{"{dir}/a.csv:1: no text column (tried text, body, content)"},
		},
		{
			name:  "forced format",
			files: map[string]string{"feed.log": `{"text":"forced 1"}` + "\n"},
			opts:  Options{Format: "ndjson"},
			docs:  []string{"{dir}/feed.log#1=forced 1"},
		},

		// errors
		{
			name: "missing and unreadable paths",
			files: map[string]string{
				"a.txt": "still read 1",
			},
			args: []string{"missing.txt", "a.txt/inside.txt", "a.txt"},
			docs: []string{"{dir}/a.txt=still read 1"},
			errs: []string{
				"{dir}/missing.txt: no such file or directory",
				"{dir}/a.txt/inside.txt: not a directory",
			},
		},
		{
			name: "empty files",
			files: map[string]string{
				"a.txt":      "",
				"b.txt":      " \n\t\n",
				"c.jsonl":    "",
				"d.csv":      "\n",
				"e.txt.gz":   "",
				"f.jsonl.gz": "{gz}",
				"g.txt":      "\xef\xbb\xbf",
			},
			errs: []string{
				"{dir}/a.txt: empty file",
				"{dir}/b.txt: empty file",
				"{dir}/c.jsonl: empty file",
				"{dir}/d.csv: empty file",
				"{dir}/e.txt.gz: empty file",
				"{dir}/f.jsonl.gz: empty file",
				"{dir}/g.txt: empty file",
			},
		},
		{
			name: "binary files",
			files: map[string]string{
				"a.txt":   "PK\x03\x04\x14\x00\x00\x00 a zip header",
				"b.jsonl": strings.Repeat("\x01\x02\x03 text", 100),
				"c.html":  "{gz}<html>this is gzip data in a file not named .gz</html>",
			},
			errs: []string{
				"{dir}/a.txt: binary file, not text",
				"{dir}/b.jsonl: binary file, not text",
				"{dir}/c.html: binary file, not text",
			},
		},
		{
			name:  "not gzip",
			files: map[string]string{"a.txt.gz": "plain text in a .gz file"},
			errs:  []string{"{dir}/a.txt.gz: not gzip data"},
		},
		{
			name:  "too large",
			files: map[string]string{"a.txt": strings.Repeat("x", 2049), "b.txt.gz": "{gz}" + strings.Repeat("y", 2049), "c.txt": strings.Repeat("z", 2048)},
			opts:  Options{MaxBytes: 2048},
			docs:  []string{"{dir}/c.txt=" + strings.Repeat("z", 2048)},
			errs: []string{
				"{dir}/a.txt: larger than the 2 KiB limit",
				"{dir}/b.txt.gz: larger than the 2 KiB limit",
			},
		},
		{
			name:  "json record too large",
			files: map[string]string{"a.json": `[{"text":"` + strings.Repeat("x", 200<<10) + `"}]`},
			opts:  Options{MaxBytes: 64 << 10},
			errs:  []string{"{dir}/a.json: record 1: larger than the 64 KiB limit"},
		},
		{
			name:  "html without an article",
			files: map[string]string{"a.html": "<html><head><title>Index</title></head><body><nav><a href=/>Home</a> <a href=/b>Business</a></nav></body></html>"},
			errs:  []string{"{dir}/a.html: no article text found"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var names []string
			for name, content := range tt.files {
				data := []byte(content)
				if rest, ok := strings.CutPrefix(content, "{gz}"); ok {
					data = gz(t, []byte(rest))
				}
				write(t, dir, name, data)
				names = append(names, name)
			}
			args := tt.args
			if args == nil {
				// Read the files one by one, as given: explicit files are
				// read whatever their extension.
				args = names
				slices.Sort(args)
			}
			var paths []string
			for _, a := range args {
				paths = append(paths, filepath.Join(dir, a))
			}
			r := read(t, paths, tt.opts)
			if r.err != nil {
				t.Fatalf("Read: %v", r.err)
			}
			if got, want := r.sources(), expand(dir, tt.docs); !reflect.DeepEqual(got, want) {
				t.Errorf("documents:\n got %q\nwant %q", got, want)
			}
			if got, want := r.errs, expand(dir, tt.errs); !reflect.DeepEqual(got, want) {
				t.Errorf("errors:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestRecordFields checks every Document field a record fills.
func TestRecordFields(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte(`{"id":7,"link":"https://e.example/a","headline":"Port busy","published":"2024-02-03T23:30:00-05:00","text":"Cargo rose 4%.","site":"Gazette"}`+"\n"))
	q := write(t, dir, "b.csv", []byte("ID,URL,Title,Date,Body,Outlet\nx1,https://e.example/b,Rail,\"Mon, 05 Feb 2024 09:00:00 GMT\",Fares up 2%.,Courier\n"))
	r := read(t, []string{p, q}, Options{})
	want := []schema.Document{
		{Source: p + "#1", Text: "Cargo rose 4%.", Published: "2024-02-03", ID: "7", URL: "https://e.example/a", Title: "Port busy", Outlet: "Gazette"},
		{Source: q + "#2", Text: "Fares up 2%.", Published: "2024-02-05", ID: "x1", URL: "https://e.example/b", Title: "Rail", Outlet: "Courier"},
	}
	if !reflect.DeepEqual(r.docs, want) || r.errs != nil {
		t.Errorf("got %+v, errors %q\nwant %+v", r.docs, r.errs, want)
	}
}

// TestTruncatedGzip checks that the records before a cut in a gzip stream
// are yielded, followed by one error at the line where the cut fell.
func TestTruncatedGzip(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString(`{"text":"record ` + strings.Repeat("x", i%50) + `"}` + "\n")
	}
	dir := t.TempDir()
	for _, name := range []string{"a.jsonl.gz", "a.json.gz", "a.csv.gz", "a.txt.gz"} {
		var content string
		switch name {
		case "a.json.gz":
			content = "[" + strings.ReplaceAll(strings.TrimSuffix(b.String(), "\n"), "\n", ",\n") + "]"
		case "a.csv.gz":
			content = "text\n" + strings.ReplaceAll(b.String(), `"`, "")
		default:
			content = b.String()
		}
		data := gz(t, []byte(content))
		p := write(t, dir, name, data[:len(data)/2])
		r := read(t, []string{p}, Options{})
		if len(r.errs) != 1 || !strings.HasPrefix(r.errs[0], p) || !strings.HasSuffix(r.errs[0], ": truncated gzip data") {
			t.Errorf("%s: errors %q, want one ending in truncated gzip data", name, r.errs)
		}
		if name == "a.txt.gz" {
			if len(r.docs) != 0 {
				t.Errorf("%s: a cut text file yielded %d documents", name, len(r.docs))
			}
			continue
		}
		if len(r.docs) < 100 || len(r.docs) >= 2000 {
			t.Errorf("%s: %d documents before the cut, want some but not all", name, len(r.docs))
		}
		// The error names the first record not read: its line, or its
		// index in a JSON array (a CSV's first record is on line 2).
		next := len(r.docs) + 1
		want := map[string]string{
			"a.jsonl.gz": fmt.Sprintf("%s:%d: truncated gzip data", p, next),
			"a.json.gz":  fmt.Sprintf("%s: record %d: truncated gzip data", p, next),
			"a.csv.gz":   fmt.Sprintf("%s:%d: truncated gzip data", p, next+1),
		}[name]
		if len(r.errs) == 1 && r.errs[0] != want {
			t.Errorf("%s: error %q, want %q", name, r.errs[0], want)
		}
	}
}

// TestWalk checks directory order, hidden entries, unknown extensions and
// the Include and Exclude globs.
func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.txt", "c.jsonl", "notes.md", "sub/d.txt", "sub/deeper/e.html.gz",
		".hidden.txt", ".git/f.txt", "drafts/g.txt", "z.story",
	} {
		content := []byte("text of " + name)
		if strings.HasSuffix(name, ".jsonl") {
			content = []byte(`{"text":"record of c"}` + "\n")
		}
		if strings.HasSuffix(name, ".html.gz") {
			content = gz(t, mustRead(t, filepath.Join(fixtures, "article.html")))
		}
		write(t, dir, name, content)
	}
	// A link to a file is read; a link to a directory is not followed,
	// which keeps a link back up the tree from looping.
	if err := os.Symlink("a.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"known extensions, sorted, hidden skipped", Options{},
			[]string{"a.txt", "b.txt", "c.jsonl#1", "drafts/g.txt", "link.txt", "sub/d.txt", "sub/deeper/e.html.gz"}},
		{"exclude a directory by name", Options{Exclude: []string{"drafts", "link.*"}},
			[]string{"a.txt", "b.txt", "c.jsonl#1", "sub/d.txt", "sub/deeper/e.html.gz"}},
		{"exclude by relative path", Options{Exclude: []string{"sub/*"}},
			[]string{"a.txt", "b.txt", "c.jsonl#1", "drafts/g.txt", "link.txt"}},
		{"include by base name", Options{Include: []string{"*.txt"}},
			[]string{"a.txt", "b.txt", "drafts/g.txt", "link.txt", "sub/d.txt"}},
		{"include picks an unknown extension as text", Options{Include: []string{"*.story", "a.*"}},
			[]string{"a.txt", "z.story"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, []string{dir}, tt.opts)
			if r.err != nil || r.errs != nil {
				t.Fatalf("Read: %v %q", r.err, r.errs)
			}
			var got []string
			for _, d := range r.docs {
				rel, _ := filepath.Rel(dir, d.Source)
				got = append(got, filepath.ToSlash(rel))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}

			// Files lists the same files, and reading each alone gives
			// the same documents, as a distributed run does.
			var one, reported []string
			err := Files([]string{dir, filepath.Join(dir, "missing.txt")}, tt.opts, func(p string) error {
				one = append(one, read(t, []string{p}, tt.opts).sources()...)
				return nil
			}, func(e *Error) { reported = append(reported, e.Error()) })
			if err != nil {
				t.Fatal(err)
			}
			if len(reported) != 1 || !strings.Contains(reported[0], "missing.txt: no such file") {
				t.Errorf("Files reported %q, want the missing file", reported)
			}
			if whole := r.sources(); !reflect.DeepEqual(one, whole) {
				t.Errorf("files read one by one give\n%q\nthe walk gives\n%q", one, whole)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestOpen checks that Options.Open replaces the filesystem: paths are
// opened through it, by their extension, and never stat'ed or walked.
func TestOpen(t *testing.T) {
	files := map[string][]byte{
		"mem://bucket/a.txt":         []byte("date 2024-05-01\nAbout 40 homes were destroyed."),
		"mem://bucket/feed.jsonl.gz": gz(t, []byte(`{"id":"x","text":"Three bridges collapsed."}`+"\n"+`{"id":"y"`+"\n")),
		"mem://bucket/empty.html":    nil,
	}
	opts := Options{Open: func(path string) (io.ReadCloser, error) {
		data, ok := files[path]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
	r := read(t, []string{"mem://bucket/a.txt", "mem://bucket/feed.jsonl.gz", "mem://bucket/empty.html", "mem://bucket/gone.txt"}, opts)
	want := []string{
		"mem://bucket/a.txt=date 2024-05-01\nAbout 40 homes were destroyed.",
		"mem://bucket/feed.jsonl.gz#1=Three bridges collapsed.",
	}
	if r.err != nil || !reflect.DeepEqual(r.sources(), want) {
		t.Errorf("got %q (%v)\nwant %q", r.sources(), r.err, want)
	}
	wantErrs := []string{
		"mem://bucket/feed.jsonl.gz:2: ",
		"mem://bucket/empty.html: empty file",
		"mem://bucket/gone.txt: file does not exist",
	}
	if len(r.errs) != len(wantErrs) {
		t.Fatalf("errors %q, want %d", r.errs, len(wantErrs))
	}
	for i, e := range wantErrs {
		if !strings.HasPrefix(r.errs[i], e) {
			t.Errorf("error %d is %q, want it to start %q", i, r.errs[i], e)
		}
	}
}

// TestStdin checks "-" with a forced format and with each sniffed one.
func TestStdin(t *testing.T) {
	article := mustRead(t, filepath.Join(fixtures, "article.html"))
	tests := []struct {
		name   string
		in     []byte
		format string
		want   []string
		errs   []string
	}{
		{"jsonl sniffed", []byte("{\"text\":\"a 1\"}\n{\"text\":\"b 2\"}\n"), "", []string{"-#1=a 1", "-#2=b 2"}, nil},
		{"pretty json object sniffed", []byte("{\n \"text\": \"c 3\"\n}\n"), "", []string{"-#1=c 3"}, nil},
		{"json array sniffed", []byte(` [{"text":"d 4"}]`), "", []string{"-#1=d 4"}, nil},
		{"gzip jsonl sniffed", gz(t, []byte(`{"text":"e 5"}`)), "", []string{"-#1=e 5"}, nil},
		{"text by default", []byte("Plain 6."), "", []string{"-=Plain 6."}, nil},
		{"csv forced", []byte("text\nf 7\n"), "csv", []string{"-#2=f 7"}, nil},
		{"empty", nil, "", nil, []string{"-: empty file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, []string{"-"}, Options{Stdin: bytes.NewReader(tt.in), Format: tt.format})
			if got := r.sources(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if !reflect.DeepEqual(r.errs, tt.errs) {
				t.Errorf("errors %q, want %q", r.errs, tt.errs)
			}
		})
	}
	t.Run("html sniffed", func(t *testing.T) {
		r := read(t, []string{"-"}, Options{Stdin: bytes.NewReader(article)})
		if len(r.docs) != 1 || r.docs[0].Title != "Lakeside council backs ferry pier rebuild" {
			t.Errorf("got %+v %q", r.docs, r.errs)
		}
	})
	t.Run("no stdin", func(t *testing.T) {
		r := read(t, []string{"-"}, Options{})
		if want := []string{"-: no standard input to read"}; !reflect.DeepEqual(r.errs, want) {
			t.Errorf("errors %q, want %q", r.errs, want)
		}
	})
}

// TestOptionErrors checks that bad options fail before anything is read.
func TestOptionErrors(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Format: "xml"}, `unknown input format "xml" (want txt, html, jsonl, json or csv)`},
		{Options{Include: []string{"[a-"}}, `bad glob "[a-": syntax error in pattern`},
		{Options{Exclude: []string{"ok", "\\"}}, `bad glob "\\": syntax error in pattern`},
	}
	for _, tt := range tests {
		_, err := Read([]string{"-"}, tt.opts, func(schema.Document) error {
			t.Error("yield called")
			return nil
		}, func(e *Error) { t.Errorf("report called: %v", e) })
		if err == nil || err.Error() != tt.want {
			t.Errorf("%+v: got %v, want %s", tt.opts, err, tt.want)
		}
	}
}

// TestYieldError checks that Read stops at the first error yield returns
// and passes it back.
func TestYieldError(t *testing.T) {
	stop := errors.New("disk full")
	calls := 0
	n, err := Read([]string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")},
		func(schema.Document) error { calls++; return stop }, nil)
	if err != stop || n != 0 || calls != 1 {
		t.Errorf("got n=%d err=%v calls=%d, want 0, %v, 1", n, err, calls, stop)
	}
}

// TestJSONLBatchesInOrder reads a feed of several decoding batches that
// ends in a read error: every line before the error is yielded in order,
// then the error is reported; and a yield error in the second batch stops
// the read there.
func TestJSONLBatchesInOrder(t *testing.T) {
	const lines = 3*jsonlBatchLines + 7
	var feed strings.Builder
	for i := 1; i <= lines; i++ {
		fmt.Fprintf(&feed, "{\"text\":\"line %d\"}\n", i)
	}
	cut := errors.New("cable cut")
	var events []string
	n, err := Read([]string{"-"}, Options{Stdin: io.MultiReader(strings.NewReader(feed.String()), iotest.ErrReader(cut))},
		func(d schema.Document) error { events = append(events, d.Text); return nil },
		func(e *Error) { events = append(events, "error: "+e.Error()) })
	if err != nil || n != lines {
		t.Fatalf("Read: n=%d err=%v, want %d documents", n, err, lines)
	}
	if len(events) != lines+1 {
		t.Fatalf("got %d events, want %d lines and the error", len(events), lines)
	}
	for i, ev := range events[:lines] {
		if want := fmt.Sprintf("line %d", i+1); ev != want {
			t.Fatalf("event %d = %q, want %q", i, ev, want)
		}
	}
	if last := events[lines]; !strings.Contains(last, "cable cut") {
		t.Errorf("last event %q, want the read error", last)
	}

	stop := errors.New("disk full")
	calls := 0
	_, err = Read([]string{"-"}, Options{Stdin: strings.NewReader(feed.String())},
		func(schema.Document) error {
			if calls++; calls == jsonlBatchLines+5 {
				return stop
			}
			return nil
		}, nil)
	if err != stop || calls != jsonlBatchLines+5 {
		t.Errorf("got err=%v after %d documents, want %v after %d", err, calls, stop, jsonlBatchLines+5)
	}
}

// TestText checks that Text returns what Read yields, for a whole file and
// for one record named by its Source.
func TestText(t *testing.T) {
	dir := t.TempDir()
	feed := write(t, dir, "feed.jsonl", []byte(`{"text":"first 1"}`+"\n"+`{"text":"second 2"}`+"\n"))
	hash := write(t, dir, "odd#name.txt", []byte("Hash in the name 3."))
	article := filepath.Join(fixtures, "article.html")
	r := read(t, []string{article}, Options{})
	tests := []struct {
		source, want, err string
	}{
		{article, r.docs[0].Text, ""},
		{feed + "#2", "second 2", ""},
		{hash, "Hash in the name 3.", ""},
		{feed, "", feed + " holds several documents; name one as " + feed + "#1"},
		{feed + "#9", "", feed + ": no document " + feed + "#9"},
		{filepath.Join(fixtures, "no-article.html"), "", filepath.Join(fixtures, "no-article.html") + ": no article text found"},
	}
	for _, tt := range tests {
		got, err := Text(tt.source, Options{})
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("Text(%q) = %.40q, %v; want %.40q, %s", tt.source, got, err, tt.want, tt.err)
		}
	}
}

// TestErrorFormat checks the three shapes of an error message.
func TestErrorFormat(t *testing.T) {
	cause := errors.New("bad thing")
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{Path: "a.jsonl", Line: 3, Err: cause}, "a.jsonl:3: bad thing"},
		{Error{Path: "a.json", Record: 2, Err: cause}, "a.json: record 2: bad thing"},
		{Error{Path: "a.txt", Err: cause}, "a.txt: bad thing"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
		if !errors.Is(&tt.e, cause) {
			t.Errorf("%q does not unwrap to its cause", tt.want)
		}
	}
}

func TestUnchangedFilesAreNotRead(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("At least 5 people died."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	finished := map[string]bool{}
	opts := Options{
		Unchanged: func(path string, _ fs.FileInfo) bool { return filepath.Base(path) == "a.txt" },
		Finished:  func(path string, _ fs.FileInfo) { finished[filepath.Base(path)] = true },
	}
	var got []string
	if _, err := Read([]string{dir}, opts, func(d schema.Document) error {
		got = append(got, filepath.Base(d.Source))
		return nil
	}, nil); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "b.txt" || !finished["b.txt"] || finished["a.txt"] {
		t.Fatalf("read %v, finished %v; want only b.txt read and finished", got, finished)
	}
}
