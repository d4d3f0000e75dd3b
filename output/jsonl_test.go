package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

func TestJSONLRoundTrip(t *testing.T) {
	figs := sampleFigures()
	out := writeAll(t, "jsonl", Options{}, figs)
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(figs) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(figs), out)
	}
	for i, line := range lines {
		var got schema.Figure
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(got, figs[i]) {
			t.Errorf("line %d decodes to %+v, want %+v", i+1, got, figs[i])
		}
		if keys := objectKeys(t, line); !slices.Equal(keys, schema.Columns) {
			t.Errorf("line %d keys = %q, want schema.Columns", i+1, keys)
		}
	}
	if !strings.Contains(lines[0], `"low":null,"high":null`) {
		t.Errorf("absent bounds are not null: %s", lines[0])
	}
	if !strings.Contains(lines[1], "<b>R&D</b>") {
		t.Errorf("HTML characters were escaped: %s", lines[1])
	}
}

// objectKeys lists the top-level keys of a JSON object in file order.
func objectKeys(t *testing.T, line string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", line)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestJSONLOneObjectPerLine(t *testing.T) {
	out := writeAll(t, "jsonl", Options{}, manyFigures(100))
	sc := bufio.NewScanner(bytes.NewReader(out))
	n := 0
	for sc.Scan() {
		if !json.Valid(sc.Bytes()) {
			t.Fatalf("line %d is not JSON: %s", n+1, sc.Bytes())
		}
		n++
	}
	if n != 100 {
		t.Errorf("%d lines, want 100", n)
	}
}
