package schema

// Figure is one numeric fact stated in a document, with its meaning and the
// exact place it came from.
type Figure struct {
	Source    string   `csv:"source" json:"source"`
	Published string   `csv:"published" json:"published"`
	Value     float64  `csv:"value" json:"value"`
	Low       *float64 `csv:"low" json:"low"`
	High      *float64 `csv:"high" json:"high"`
	Qualifier string   `csv:"qualifier" json:"qualifier"`
	Unit      string   `csv:"unit" json:"unit"`
	Object    string   `csv:"object" json:"object"`
	Category  string   `csv:"category" json:"category"`
	Text      string   `csv:"text" json:"text"`
	Sentence  string   `csv:"sentence" json:"sentence"`
	Start     int      `csv:"start" json:"start"`
	End       int      `csv:"end" json:"end"`
	Rule      string   `csv:"rule" json:"rule"`
	// Section is "article" for the article proper and "comments" for reader
	// comments below its end marker (reported only on request).
	Section string `csv:"section" json:"section"`

	DocID  string `csv:"doc_id" json:"doc_id"`
	URL    string `csv:"url" json:"url"`
	Title  string `csv:"title" json:"title"`
	Outlet string `csv:"outlet" json:"outlet"`

	Attribution string `csv:"attribution" json:"attribution"`
	Hedge       string `csv:"hedge" json:"hedge"`
	EventDate   string `csv:"event_date" json:"event_date"`
	Location    string `csv:"location" json:"location"`

	// Basis says how the value was obtained: "stated" (written as a
	// number), "implied" ("a man was shot dead" is 1), "derived" ("four
	// shot, one fatally" gives 3 injured) or "increment" ("one more died").
	Basis string `csv:"basis" json:"basis"`
	// Scope places the figure in time: "incident" (this story's event),
	// "cumulative" (running totals, "since the war began") or "background"
	// (rates, other years, other places).
	Scope string `csv:"scope" json:"scope"`
	// Note carries warnings about the figure, ";"-joined, such as
	// "ambiguous currency" for a bare "$" whose country is unknown.
	Note string `csv:"note" json:"note"`
}

// Columns is the header every format writes, in order.
var Columns = []string{
	"source", "published", "value", "low", "high", "qualifier", "unit", "object",
	"category", "text", "sentence", "start", "end", "rule", "section",
	"doc_id", "url", "title", "outlet",
	"attribution", "hedge", "event_date", "location",
	"basis", "scope", "note",
}

// Cells returns the figure as strings in Columns order, for writers that
// lay out cells themselves (XLSX, HTML).
func (f *Figure) Cells() []string {
	return f.AppendCells(make([]string, 0, len(Columns)))
}

// AppendCells appends the figure's cells to row, so a writer of many rows
// can reuse one slice.
func (f *Figure) AppendCells(row []string) []string {
	return append(row,
		f.Source, f.Published, FormatNumber(f.Value), formatOptional(f.Low), formatOptional(f.High),
		f.Qualifier, f.Unit, f.Object, f.Category, f.Text, f.Sentence,
		itoa(f.Start), itoa(f.End), f.Rule, f.Section,
		f.DocID, f.URL, f.Title, f.Outlet,
		f.Attribution, f.Hedge, f.EventDate, f.Location,
		f.Basis, f.Scope, f.Note,
	)
}

// NumericColumns marks the columns whose cells are numbers, for writers that
// store numbers as numbers.
var NumericColumns = map[string]bool{"value": true, "low": true, "high": true, "start": true, "end": true}

// DateColumns marks the columns that hold a calendar date (YYYY-MM-DD) or
// nothing, for formats with a date type (Parquet).
var DateColumns = map[string]bool{"published": true, "event_date": true}

// The values of Figure's enumerated columns, shared by the extractor that
// sets them and the packages that read them (tolls, facts, totals).
const (
	// Section
	SectionArticle  = "article"
	SectionComments = "comments"

	// Basis
	BasisStated    = "stated"
	BasisImplied   = "implied"
	BasisDerived   = "derived"
	BasisIncrement = "increment"

	// Scope
	ScopeIncident   = "incident"
	ScopeCumulative = "cumulative"
	ScopeBackground = "background"

	// InheritPrefix starts the Rule of a figure that took its category
	// from the figure before it, mostly a part of it ("12 killed,
	// including 3 children").
	InheritPrefix = "inherit:"
)
