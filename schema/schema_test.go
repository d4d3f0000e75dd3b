package schema

import (
	"reflect"
	"slices"
	"testing"
)

// tags lists a struct's csv and json tags in field order.
func tags(v any) (csvTags, jsonTags []string) {
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		csvTags = append(csvTags, t.Field(i).Tag.Get("csv"))
		jsonTags = append(jsonTags, t.Field(i).Tag.Get("json"))
	}
	return csvTags, jsonTags
}

// TestColumnsFollowTags keeps each header, its tags and Cells in step, so
// every format writes the same columns in the same order.
func TestColumnsFollowTags(t *testing.T) {
	fig, fact, src := Figure{}, Fact{}, Source{}
	tests := []struct {
		name    string
		v       any
		columns []string
		cells   []string
		numeric map[string]bool
	}{
		{"Figure", fig, Columns, fig.Cells(), NumericColumns},
		{"Fact", fact, FactColumns, fact.Cells(), FactNumericColumns},
		{"Source", src, SourceColumns, src.Cells(), SourceNumericColumns},
	}
	for _, tt := range tests {
		csvTags, jsonTags := tags(tt.v)
		if !slices.Equal(csvTags, tt.columns) || !slices.Equal(jsonTags, tt.columns) {
			t.Errorf("%s: csv tags %q, json tags %q, columns %q", tt.name, csvTags, jsonTags, tt.columns)
		}
		if len(tt.cells) != len(tt.columns) {
			t.Errorf("%s: Cells gives %d cells for %d columns", tt.name, len(tt.cells), len(tt.columns))
		}
		for c := range tt.numeric {
			if !slices.Contains(tt.columns, c) {
				t.Errorf("%s: numeric column %q is not a column", tt.name, c)
			}
		}
	}
	for c := range FactBoolColumns {
		if !slices.Contains(FactColumns, c) {
			t.Errorf("bool column %q is not a fact column", c)
		}
	}
}

func TestFactCells(t *testing.T) {
	f := Fact{Category: "killed", Value: 12.5, Sources: 2, Disputed: true, Mentions: 3, Values: "12 (a); 14 (b)"}
	want := []string{"killed", "12.5", "", "", "", "2", "", "", "", "", "true", "12 (a); 14 (b)", "3"}
	if got := f.Cells(); !slices.Equal(got, want) {
		t.Errorf("Cells = %q, want %q", got, want)
	}
}
