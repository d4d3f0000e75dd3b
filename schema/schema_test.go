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
	for c := range DateColumns {
		if !slices.Contains(Columns, c) || NumericColumns[c] {
			t.Errorf("date column %q is not a text column", c)
		}
	}
	for c := range FactBoolColumns {
		if !slices.Contains(FactColumns, c) {
			t.Errorf("bool column %q is not a fact column", c)
		}
	}
}

func TestFactCells(t *testing.T) {
	f := Fact{Category: "killed", Value: 12.5, Sources: 2, Disputed: true, Mentions: 3, Values: "12 (a); 14 (b)", Sentence: "14 died."}
	want := []string{"killed", "12.5", "", "", "", "2", "", "", "", "", "true", "12 (a); 14 (b)", "3", "14 died."}
	if got := f.Cells(); !slices.Equal(got, want) {
		t.Errorf("Cells = %q, want %q", got, want)
	}
}

// TestHeaderReadsCellsBack: what Cells writes, a Header reads back as the
// same record, whatever the column order; missing columns read as empty.
func TestHeaderReadsCellsBack(t *testing.T) {
	fig := Figure{
		Source: "feed.jsonl#3", Published: "2024-03-02", Value: 6266, Low: Float(6000), Qualifier: "min",
		Unit: "km", Object: "people", Category: "evacuated", Text: "6,266", Sentence: "6,266 people fled.",
		Start: 10, End: 15, Rule: "head:people", Section: "article", DocID: "a1", URL: "https://example.org/a",
		Title: "T", Outlet: "O", Attribution: "officials", Hedge: "claimed", EventDate: "2024-03-01", Location: "Kyiv",
		Basis: "stated", Scope: "incident", Note: "ambiguous currency",
	}
	got, err := NewHeader(Columns).Figure(fig.Cells())
	if err != nil || !reflect.DeepEqual(got, fig) {
		t.Errorf("Figure(Cells) = %+v, %v; want %+v", got, err, fig)
	}

	// Reversed columns, and an older file without the last column.
	cols, cells := slices.Clone(Columns), fig.Cells()
	slices.Reverse(cols)
	slices.Reverse(cells)
	got, err = NewHeader(cols[1:]).Figure(cells[1:])
	want := fig
	want.Note = ""
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("reordered, short: %+v, %v; want %+v", got, err, want)
	}

	src := Source{Source: "a.txt", DocID: "1", Title: "T", Outlet: "O", Published: "2024-01-01", URL: "u", Figures: 3, Errors: "e"}
	if got, err := NewHeader(SourceColumns).Source(src.Cells()); err != nil || got != src {
		t.Errorf("Source(Cells) = %+v, %v; want %+v", got, err, src)
	}
}

func TestTollCells(t *testing.T) {
	tl := Toll{Source: "a.txt", Category: "killed", Value: 12, Low: Float(12), Qualifier: "min",
		Basis: "stated", Figures: "12 [10:12]", Disputed: true}
	want := []string{"a.txt", "", "", "killed", "12", "12", "", "min", "stated", "12 [10:12]", "", "", "true"}
	if got := tl.Cells(); !slices.Equal(got, want) || len(got) != len(TollColumns) {
		t.Errorf("Cells = %q, want %q (%d columns)", got, want, len(TollColumns))
	}
}

func TestHeaderErrors(t *testing.T) {
	h := NewHeader(Columns)
	tests := []struct {
		name, column, cell, want string
	}{
		{"value not a number", "value", "many", `column value: "many" is not a number`},
		{"low not a number", "low", "x", `column low: "x" is not a number`},
		{"start not whole", "start", "1.5", `column start: "1.5" is not a whole number`},
	}
	for _, tt := range tests {
		cells := make([]string, len(Columns))
		cells[h[tt.column]] = tt.cell
		if _, err := h.Figure(cells); err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
	// A spreadsheet program may save whole numbers as 12.0.
	cells := make([]string, len(Columns))
	cells[h["start"]] = "12.0"
	if f, err := h.Figure(cells); err != nil || f.Start != 12 {
		t.Errorf("start 12.0: %d, %v", f.Start, err)
	}
	if !h.Has("source", "value") || h.Has("nope") {
		t.Error("Has is wrong")
	}
}
