package output

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

func writeFacts(t *testing.T, format string, merged []schema.Fact, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteFacts(&buf, format, merged, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteFactsCSV(t *testing.T) {
	merged := facts.Merge(corpusFigures(reportCorpus(t)))
	header, err := gocsvHeader([]schema.Fact{})
	if err != nil || !slices.Equal(header, schema.FactColumns) {
		t.Fatalf("gocsv header = %q, %v; want schema.FactColumns", header, err)
	}
	for _, raw := range []bool{false, true} {
		out := writeFacts(t, "csv", merged, Options{Raw: raw})
		r := csv.NewReader(bytes.NewReader(out))
		r.FieldsPerRecord = len(schema.FactColumns)
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != len(merged)+1 || !slices.Equal(recs[0], schema.FactColumns) {
			t.Fatalf("raw %v: %d records, header %q", raw, len(recs), recs[0])
		}
		for i, rec := range recs[1:] {
			want := merged[i].Cells()
			if !raw {
				for c, name := range schema.FactColumns {
					if !schema.FactNumericColumns[name] {
						want[c] = neutralise(want[c])
					}
				}
			}
			if !slices.Equal(rec, want) {
				t.Errorf("raw %v: fact %d = %q, want %q", raw, i+1, rec, want)
			}
		}
		hostile := strings.Contains(string(out), `"'=HYPERLINK(""http://evil.example"")"`)
		if hostile == raw {
			t.Errorf("raw %v: formula-like object neutralised = %v", raw, hostile)
		}
	}
}

func TestWriteFactsBOMAndAppend(t *testing.T) {
	merged := []schema.Fact{{Category: "killed", Value: 12, Sources: 2, Mentions: 2, Sentence: "12 were killed."}}
	if out := writeFacts(t, "csv", merged, Options{BOM: true}); !bytes.HasPrefix(out, []byte("\uFEFFcategory,")) {
		t.Errorf("BOM: %q", out)
	}
	if out := string(writeFacts(t, "csv", merged, Options{Append: true, BOM: true})); out != "killed,12,,,,2,,,,,false,,2,12 were killed.\n" {
		t.Errorf("append = %q", out)
	}
	if out := string(writeFacts(t, "csv", nil, Options{})); out != strings.Join(schema.FactColumns, ",")+"\n" {
		t.Errorf("no facts = %q", out)
	}
}

func TestWriteFactsJSONL(t *testing.T) {
	merged := facts.Merge(corpusFigures(reportCorpus(t)))
	out := writeFacts(t, "jsonl", merged, Options{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(merged) {
		t.Fatalf("%d lines, want %d", len(lines), len(merged))
	}
	for i, line := range lines {
		var got schema.Fact
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, merged[i]) {
			t.Errorf("line %d = %+v, want %+v", i+1, got, merged[i])
		}
		if keys := objectKeys(t, line); !slices.Equal(keys, schema.FactColumns) {
			t.Errorf("line %d keys = %q", i+1, keys)
		}
	}
	if len(writeFacts(t, "jsonl", nil, Options{})) != 0 {
		t.Error("no facts should write nothing")
	}
}

func TestWriteFactsUnknownFormat(t *testing.T) {
	for _, format := range []string{"xlsx", "html", "", "CSV"} {
		if err := WriteFacts(&bytes.Buffer{}, format, nil, Options{}); err == nil || !strings.Contains(err.Error(), "unknown format") {
			t.Errorf("WriteFacts(%q) = %v", format, err)
		}
	}
}

func ExampleWriteFacts() {
	figs := []schema.Figure{
		{Source: "a.txt", Section: "article", Category: "population", Value: 430000, Location: "Mariupol"},
		{Source: "b.txt", Section: "article", Category: "population", Value: 430000, Location: "Mariupol"},
	}
	_ = WriteFacts(os.Stdout, "csv", facts.Merge(figs), Options{})
	// Output:
	// category,value,unit,location,object,sources,source_list,first_published,last_published,attributions,disputed,values,mentions,sentence
	// population,430000,,Mariupol,,2,a.txt; b.txt,,,,false,"430000 (a.txt, b.txt)",2,
}
