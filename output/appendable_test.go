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
		{"JSON Lines are not checked", "jsonl", "anything\n", true},
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
