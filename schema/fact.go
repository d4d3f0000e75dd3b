package schema

import "strconv"

// Fact is one figure as the news reported it: every mention of the same
// number, about the same thing, merged across articles (see package
// extract/facts for the rules).
type Fact struct {
	Category string  `csv:"category" json:"category"`
	Value    float64 `csv:"value" json:"value"`
	Unit     string  `csv:"unit" json:"unit"`
	Location string  `csv:"location" json:"location"`
	Object   string  `csv:"object" json:"object"`
	// Sources counts the distinct documents that state the fact;
	// SourceList names them, "; "-joined.
	Sources    int    `csv:"sources" json:"sources"`
	SourceList string `csv:"source_list" json:"source_list"`
	// FirstPublished and LastPublished bound the publication dates of the
	// documents that state it (empty when none has a date).
	FirstPublished string `csv:"first_published" json:"first_published"`
	LastPublished  string `csv:"last_published" json:"last_published"`
	// Attributions lists every distinct attribution, "; "-joined.
	Attributions string `csv:"attributions" json:"attributions"`
	// Disputed is set when another value is given for the same category,
	// place and day. Values lists the values with their sources: the
	// fact's own ("430000 (a.txt, b.txt)"), or all those in dispute side
	// by side ("100000 (a.txt); 120000 (b.txt)").
	Disputed bool   `csv:"disputed" json:"disputed"`
	Values   string `csv:"values" json:"values"`
	// Mentions counts the figures merged into the fact.
	Mentions int `csv:"mentions" json:"mentions"`
	// Sentence is the sentence of the earliest mention, to read the fact
	// in its words.
	Sentence string `csv:"sentence" json:"sentence"`
}

// FactColumns is the header every format writes for facts, in order.
var FactColumns = []string{
	"category", "value", "unit", "location", "object",
	"sources", "source_list", "first_published", "last_published",
	"attributions", "disputed", "values", "mentions", "sentence",
}

// FactNumericColumns marks the fact columns whose cells are numbers.
var FactNumericColumns = map[string]bool{"value": true, "sources": true, "mentions": true}

// FactBoolColumns marks the fact columns whose cells are true or false.
var FactBoolColumns = map[string]bool{"disputed": true}

// Cells returns the fact as strings in FactColumns order; booleans are
// "true" and "false", as in CSV.
func (f *Fact) Cells() []string {
	return []string{
		f.Category, FormatNumber(f.Value), f.Unit, f.Location, f.Object,
		itoa(f.Sources), f.SourceList, f.FirstPublished, f.LastPublished,
		f.Attributions, strconv.FormatBool(f.Disputed), f.Values, itoa(f.Mentions), f.Sentence,
	}
}
