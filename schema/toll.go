package schema

import "strconv"

// Toll is one document's count for one casualty category (killed, injured,
// displaced...): the incident's number as the article finally states it,
// built from its figures by package extract/tolls.
type Toll struct {
	Source    string   `csv:"source" json:"source"`
	DocID     string   `csv:"doc_id" json:"doc_id"`
	Published string   `csv:"published" json:"published"`
	Category  string   `csv:"category" json:"category"`
	Value     float64  `csv:"value" json:"value"`
	Low       *float64 `csv:"low" json:"low"`
	High      *float64 `csv:"high" json:"high"`
	Qualifier string   `csv:"qualifier" json:"qualifier"`
	// Basis is the weakest basis among the figures the toll rests on
	// (stated, implied, derived, increment).
	Basis string `csv:"basis" json:"basis"`
	// Figures lists the texts the toll rests on with their offsets,
	// "; "-joined: "12 [340:342]; one more [901:909]".
	Figures     string `csv:"figures" json:"figures"`
	Attribution string `csv:"attribution" json:"attribution"`
	Hedge       string `csv:"hedge" json:"hedge"`
	// Disputed is set when the article revises or contradicts its own
	// count ("11 dead", later "12 dead"); the toll keeps the latest.
	Disputed bool `csv:"disputed" json:"disputed"`
}

// TollColumns is the header every format writes for tolls, in order.
var TollColumns = []string{
	"source", "doc_id", "published", "category", "value", "low", "high",
	"qualifier", "basis", "figures", "attribution", "hedge", "disputed",
}

// TollNumericColumns marks the toll columns whose cells are numbers.
var TollNumericColumns = map[string]bool{"value": true, "low": true, "high": true}

// TollBoolColumns marks the toll columns whose cells are true or false.
var TollBoolColumns = map[string]bool{"disputed": true}

// Cells returns the toll as strings in TollColumns order.
func (t *Toll) Cells() []string {
	return []string{
		t.Source, t.DocID, t.Published, t.Category, FormatNumber(t.Value),
		formatOptional(t.Low), formatOptional(t.High), t.Qualifier, t.Basis,
		t.Figures, t.Attribution, t.Hedge, strconv.FormatBool(t.Disputed),
	}
}
