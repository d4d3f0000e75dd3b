package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

func TestCheckAppendable(t *testing.T) {
	header := strings.Join(schema.Columns, ",") + "\n"
	tests := []struct {
		name, format, file string // file "-": none
		ok                 bool
	}{
		{"missing", "csv", "-", true},
		{"empty", "csv", "", true},
		{"tally's header", "csv", header + "a.txt,,12\n", true},
		{"header after a byte order mark", "csv", utf8BOM + header, true},
		{"header only, no line break", "csv", strings.TrimSuffix(header, "\n"), true},
		{"a facts file", "csv", strings.Join(schema.FactColumns, ",") + "\n", false},
		{"an older header with fewer columns", "csv", strings.Join(schema.Columns[:len(schema.Columns)-1], ",") + "\n", false},
		{"not CSV at all", "csv", "\"unclosed\n", false},
		{"JSON Lines: a figure record", "jsonl", `{"source":"a.txt","value":12,"text":"12","sentence":"12 died.","start":0,"end":2}` + "\n", true},
		{"JSON Lines: empty", "jsonl", "", true},
		{"JSON Lines: a facts record", "jsonl", `{"category":"killed","value":12,"sources":2}` + "\n", false},
		{"JSON Lines: not JSON", "jsonl", "anything\n", false},
	}
	for _, tt := range tests {
		path := filepath.Join(t.TempDir(), "out."+tt.format)
		if tt.file != "-" {
			if err := os.WriteFile(path, []byte(tt.file), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		err := CheckAppendable(path, tt.format)
		if tt.ok != (err == nil) {
			t.Errorf("%s: err = %v, want ok %v", tt.name, err, tt.ok)
		}
		if err != nil && !strings.Contains(err.Error(), path) {
			t.Errorf("%s: error %q does not name %s", tt.name, err, path)
		}
	}
}

// TestJSONLOutputIsAppendable checks that what the JSON Lines writer
// writes passes the append check, so the check follows the schema's tags.
func TestJSONLOutputIsAppendable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := New("jsonl", f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(&schema.Figure{Source: "a.txt", Value: 12, Text: "12", Sentence: "12 died.", End: 2}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := CheckAppendable(path, "jsonl"); err != nil {
		t.Errorf("tally's own JSON Lines refused: %v", err)
	}
}
