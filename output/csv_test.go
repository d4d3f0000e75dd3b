package output

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"github.com/tally-news/tally/schema"
)

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = len(schema.Columns)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read csv: %v\n%s", err, b)
	}
	return recs
}

func col(name string) int { return slices.Index(schema.Columns, name) }

func TestCSVHeader(t *testing.T) {
	recs := readCSV(t, writeAll(t, "csv", Options{}, nil))
	if len(recs) != 1 || !slices.Equal(recs[0], schema.Columns) {
		t.Fatalf("records = %q, want only the header %q", recs, schema.Columns)
	}
	header, err := gocsvHeader([]schema.Figure{})
	if err != nil || !slices.Equal(header, schema.Columns) {
		t.Fatalf("gocsv header = %q, %v; want schema.Columns", header, err)
	}
}

func TestCSVBOMAndAppend(t *testing.T) {
	figs := []schema.Figure{{Source: "a.txt", Value: 1}}
	tests := []struct {
		name       string
		opts       Options
		wantBOM    bool
		wantHeader bool
	}{
		{"plain", Options{}, false, true},
		{"bom", Options{BOM: true}, true, true},
		{"append", Options{Append: true}, false, false},
		{"append ignores bom", Options{Append: true, BOM: true}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := writeAll(t, "csv", tt.opts, figs)
			body, hasBOM := bytes.CutPrefix(out, []byte{0xEF, 0xBB, 0xBF})
			if hasBOM != tt.wantBOM {
				t.Errorf("BOM = %v, want %v", hasBOM, tt.wantBOM)
			}
			recs := readCSV(t, body)
			if hasHeader := slices.Equal(recs[0], schema.Columns); hasHeader != tt.wantHeader {
				t.Errorf("header = %v, want %v", hasHeader, tt.wantHeader)
			}
			if last := recs[len(recs)-1]; last[0] != "a.txt" {
				t.Errorf("last row = %q", last)
			}
		})
	}
}

func TestCSVNeutralise(t *testing.T) {
	tests := []struct {
		name string
		text string
		raw  bool
		want string
	}{
		{"equals", "=SUM(A1:A2)", false, "'=SUM(A1:A2)"},
		{"plus", "+1", false, "'+1"},
		{"minus", "-5%", false, "'-5%"},
		{"standard input's source", "-", false, "-"},
		{"two minuses", "--", false, "'--"},
		{"at", "@cmd", false, "'@cmd"},
		{"tab", "\tx", false, "'\tx"},
		{"carriage return", "\rx", false, "'\rx"},
		{"inner equals untouched", "a=b", false, "a=b"},
		{"quote untouched", "'x", false, "'x"},
		{"empty", "", false, ""},
		{"plain", "4 million", false, "4 million"},
		{"raw keeps equals", "=1+1", true, "=1+1"},
		{"raw keeps minus", "-5%", true, "-5%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := schema.Figure{Text: tt.text, Location: tt.text, Value: -5, Low: schema.Float(-7.5), Start: 3}
			recs := readCSV(t, writeAll(t, "csv", Options{Raw: tt.raw}, []schema.Figure{f}))
			row := recs[1]
			for _, c := range []string{"text", "location"} {
				if got := row[col(c)]; got != tt.want {
					t.Errorf("%s = %q, want %q", c, got, tt.want)
				}
			}
			// Numeric columns are never prefixed: a spreadsheet must read numbers.
			if row[col("value")] != "-5" || row[col("low")] != "-7.5" || row[col("high")] != "" || row[col("start")] != "3" {
				t.Errorf("numeric cells = %q %q %q %q", row[col("value")], row[col("low")], row[col("high")], row[col("start")])
			}
		})
	}
}

func TestCSVSample(t *testing.T) {
	figs := sampleFigures()
	recs := readCSV(t, writeAll(t, "csv", Options{Raw: true}, figs))
	if len(recs) != len(figs)+1 {
		t.Fatalf("%d records, want %d", len(recs), len(figs)+1)
	}
	for i := range figs {
		want := figs[i].Cells()
		for j := range want {
			want[j] = csvReadForm(want[j])
		}
		if !slices.Equal(recs[i+1], want) {
			t.Errorf("row %d = %q, want %q", i+1, recs[i+1], want)
		}
	}
}

// TestCSVCellsAreGocsvs holds the rows the CSV writer makes from
// Figure.AppendCells to the ones gocsv marshals from the csv tags.
func TestCSVCellsAreGocsvs(t *testing.T) {
	figs := append(sampleFigures(), manyFigures(20)...)
	figs = append(figs, schema.Figure{Value: 1e-7, Low: schema.Float(0), High: schema.Float(123456789.125), Start: -1, End: 1 << 40})
	var got, want rowCapture
	if err := gocsv.MarshalCSVWithoutHeaders(figs, &want); err != nil {
		t.Fatal(err)
	}
	for i := range figs {
		got.Write(figs[i].AppendCells(nil))
	}
	if !slices.EqualFunc(got.rows, want.rows, slices.Equal) {
		t.Errorf("AppendCells rows = %q\ngocsv rows = %q", got.rows, want.rows)
	}
}

// rowCapture is a gocsv.CSVWriter that keeps the rows written to it.
type rowCapture struct{ rows [][]string }

func (c *rowCapture) Write(row []string) error {
	c.rows = append(c.rows, slices.Clone(row))
	return nil
}

func (c *rowCapture) Flush() {}

func (c *rowCapture) Error() error { return nil }

func TestCSVNilFigure(t *testing.T) {
	w, err := New("csv", &bytes.Buffer{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(nil); err == nil || !strings.Contains(err.Error(), "nil") {
		t.Errorf("Write(nil) = %v", err)
	}
}

// csvReadForm is how encoding/csv's reader returns a cell: it turns CRLF
// inside a quoted field into LF (the file itself keeps CRLF).
func csvReadForm(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }
