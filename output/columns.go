package output

import (
	"fmt"
	"reflect"
	"slices"
	"time"
)

// columnKind is how a typed format (Parquet, SQLite) stores a column.
type columnKind int

const (
	textColumn     columnKind = iota // string
	numberColumn                     // float64
	optionalColumn                   // *float64, nil when absent
	integerColumn                    // int
	boolColumn                       // bool
	dateColumn                       // string holding YYYY-MM-DD, or empty
)

// column is one field of a schema record as a typed format stores it.
type column struct {
	name  string
	field int // index of the struct field
	kind  columnKind
}

// recordColumns derives the typed columns of a schema record (schema.Figure,
// schema.Source...) from its struct: names from the csv tags, kinds from
// the Go types, so a column added to the record reaches every typed format
// with no list to update. names is the record's column list
// (schema.Columns...): the struct must agree with it, as a schema test
// checks, and the derivation refuses to guess where it does not. dates names
// the text columns that hold calendar dates.
func recordColumns(record any, names []string, dates map[string]bool) ([]column, error) {
	t := reflect.TypeOf(record)
	var cols []column
	for i := range t.NumField() {
		f := t.Field(i)
		c := column{name: f.Tag.Get("csv"), field: i}
		switch f.Type {
		case reflect.TypeFor[string]():
			c.kind = textColumn
			if dates[c.name] {
				c.kind = dateColumn
			}
		case reflect.TypeFor[float64]():
			c.kind = numberColumn
		case reflect.TypeFor[*float64]():
			c.kind = optionalColumn
		case reflect.TypeFor[int]():
			c.kind = integerColumn
		case reflect.TypeFor[bool]():
			c.kind = boolColumn
		default:
			return nil, fmt.Errorf("output: %s.%s: no column type for %s", t.Name(), f.Name, f.Type)
		}
		cols = append(cols, c)
	}
	got := make([]string, len(cols))
	for i, c := range cols {
		got[i] = c.name
	}
	if !slices.Equal(got, names) {
		return nil, fmt.Errorf("output: %s fields %q differ from its columns %q", t.Name(), got, names)
	}
	return cols, nil
}

// mustRecordColumns is recordColumns for the schema's own records, whose
// agreement with their column lists a schema test guarantees.
func mustRecordColumns(record any, names []string, dates map[string]bool) []column {
	cols, err := recordColumns(record, names, dates)
	if err != nil {
		panic(err)
	}
	return cols
}

// epoch is day 0 of Parquet's DATE.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// parseDay reads a YYYY-MM-DD cell as days since 1970-01-01.
func parseDay(s string) (int32, bool) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, false
	}
	// Unix seconds, not t.Sub(epoch): a Duration ends in 2262.
	return int32(t.Unix() / 86400), true
}

// formatDay is the inverse of parseDay.
func formatDay(days int32) string {
	return epoch.AddDate(0, 0, int(days)).Format(time.DateOnly)
}
