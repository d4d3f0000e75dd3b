package output

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

func TestNew(t *testing.T) {
	tests := []struct {
		format  string
		opts    Options
		wantErr string // "" for success
	}{
		{"csv", Options{}, ""},
		{"jsonl", Options{}, ""},
		{"xlsx", Options{}, ""},
		{"csv", Options{Append: true}, ""},
		{"html", Options{}, ""},
		{"parquet", Options{}, ""},
		// errors
		{"xls", Options{}, `"xls"`},
		{"", Options{}, `""`},
		{"CSV", Options{}, `"CSV"`},
		{"xlsx", Options{Append: true}, "appended"},
		{"html", Options{Append: true}, "appended"},
		{"parquet", Options{Append: true}, "appended"},
		{"sqlite", Options{}, "to a file"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			w, err := New(tt.format, &bytes.Buffer{}, tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("New(%q) error = %v, want one containing %s", tt.format, err, tt.wantErr)
				}
				if w != nil {
					t.Errorf("New(%q) returned a non-nil Writer with its error", tt.format)
				}
				return
			}
			if err != nil {
				t.Fatalf("New(%q): %v", tt.format, err)
			}
			if err := w.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
		})
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		path, want string
	}{
		{"out.csv", "csv"},
		{"dir.v2/OUT.CSV", "csv"},
		{"figures.jsonl", "jsonl"},
		{"figures.ndjson", "jsonl"},
		{"/tmp/report.xlsx", "xlsx"},
		{"report.html", "html"},
		{"REPORT.HTM", "html"},
		{"figures.parquet", "parquet"},
		{"figures.sqlite", "sqlite"},
		{"figures.sqlite3", "sqlite"},
		{"figures.DB", "sqlite"},
		// errors
		{"report.xls", ""},
		{"figures.json", ""},
		{"noext", ""},
		{"csv", ""},
	}
	for _, tt := range tests {
		got, err := FormatFromPath(tt.path)
		if tt.want == "" {
			if err == nil || !strings.Contains(err.Error(), tt.path) {
				t.Errorf("FormatFromPath(%q) = %q, %v; want an error naming the path", tt.path, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", tt.path, got, err, tt.want)
		}
	}
}

func TestWriteAfterClose(t *testing.T) {
	for _, format := range []string{"csv", "jsonl", "xlsx", "html", "parquet"} {
		w, err := New(format, &bytes.Buffer{}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatalf("%s: Close: %v", format, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: second Close: %v", format, err)
		}
		if err := w.Write(&schema.Figure{}); err == nil {
			t.Errorf("%s: Write after Close succeeded", format)
		}
	}
}

// writeAll writes figs in format and returns the bytes.
func writeAll(t testing.TB, format string, opts Options, figs []schema.Figure) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := New(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	w = mergingFacts(w)
	for i := range figs {
		if err := w.Write(&figs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func ExampleNew() {
	w, err := New("csv", os.Stdout, Options{})
	if err != nil {
		panic(err)
	}
	_ = w.Write(&schema.Figure{Source: "a.txt", Value: -5, Unit: "%", Text: "-5%", Start: 10, End: 13})
	_ = w.Close()
	// Output:
	// source,published,value,low,high,qualifier,unit,object,category,text,sentence,start,end,rule,section,doc_id,url,title,outlet,attribution,hedge,event_date,location,basis,scope,note
	// a.txt,,-5,,,,%,,,'-5%,,10,13,,,,,,,,,,,,,
}

// TestFormatsTable: every format appended by replay says how, no other
// does, only formats added to in place or grown check the old file, and no
// extension picks two formats.
func TestFormatsTable(t *testing.T) {
	seen := map[string]string{}
	for _, f := range builtin {
		if (f.Append == AppendReplay) != (f.Replay != nil) {
			t.Errorf("%s: append mode %d with replay %v", f.Name, f.Append, f.Replay != nil)
		}
		if f.Check != nil && f.Append != AppendGrow && f.Append != AppendInPlace {
			t.Errorf("%s: append mode %d with a check", f.Name, f.Append)
		}
		for _, ext := range f.Exts {
			if other, ok := seen[ext]; ok {
				t.Errorf("%s picks both %s and %s", ext, other, f.Name)
			}
			seen[ext] = f.Name
		}
	}
}

// withFacts gives a FactsWriter, at Close, the facts of the figures written
// to it, as the pipeline does.
type withFacts struct {
	Writer
	kept FactFigures
}

// mergingFacts wraps w in withFacts if it shows facts.
func mergingFacts(w Writer) Writer {
	if _, ok := w.(FactsWriter); !ok {
		return w
	}
	return &withFacts{Writer: w}
}

func (m *withFacts) Write(f *schema.Figure) error {
	if err := m.Writer.Write(f); err != nil {
		return err
	}
	m.kept.Add(f)
	return nil
}

func (m *withFacts) WriteDocument(src schema.Source, text string) error {
	return m.Writer.(DocumentWriter).WriteDocument(src, text)
}

func (m *withFacts) Close() error {
	m.Writer.(FactsWriter).SetFacts(facts.Merge(m.kept.Figures()), facts.Totals(m.kept.Figures()))
	return m.Writer.Close()
}
