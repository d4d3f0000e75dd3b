package schema

// Source is one document read in a run, the row behind the Sources sheet:
// what it was, where it came from and what became of it.
type Source struct {
	Source    string `csv:"source" json:"source"`
	DocID     string `csv:"doc_id" json:"doc_id"`
	Title     string `csv:"title" json:"title"`
	Outlet    string `csv:"outlet" json:"outlet"`
	Published string `csv:"published" json:"published"`
	URL       string `csv:"url" json:"url"`
	// Figures is how many figures the document gave.
	Figures int `csv:"figures" json:"figures"`
	// Errors says why the document could not be read, or is empty.
	Errors string `csv:"errors" json:"errors"`
}

// SourceColumns is the Sources header, in order.
var SourceColumns = []string{"source", "doc_id", "title", "outlet", "published", "url", "figures", "errors"}

// SourceNumericColumns marks the Sources columns whose cells are numbers.
var SourceNumericColumns = map[string]bool{"figures": true}

// Cells returns the source as strings in SourceColumns order.
func (s *Source) Cells() []string {
	return []string{s.Source, s.DocID, s.Title, s.Outlet, s.Published, s.URL, itoa(s.Figures), s.Errors}
}
