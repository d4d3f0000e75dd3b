package extract_test

import (
	"testing"

	"github.com/tally-news/tally/extract"
)

func TestBareCurrency(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	tests := []struct {
		name, outlet, url, text string
		unit, note              string
	}{
		{"outlet names the country", "The Sydney Morning Herald", "", "Donors gave $10 million.", "AUD", ""},
		{"outlet name folded", "sydney morning  herald", "", "Donors gave $10 million.", "AUD", ""},
		{"address names the country", "", "https://www.cbc.ca/news/floods", "Ottawa pledged $5 million.", "CAD", ""},
		{"US outlet", "Associated Press", "", "The bill costs $4 billion.", "USD", ""},
		{"country without a dollar", "BBC", "https://www.bbc.co.uk/news/x", "The fund holds $7 million.", "USD", ""},
		{"unknown outlet", "Valley Times", "https://valleytimes.example.com/a", "The fund holds $7 million.", "USD", extract.AmbiguousCurrency},
		{"no outlet at all", "", "", "The fund holds $7 million.", "USD", extract.AmbiguousCurrency},
		{"negative amount", "", "", "The balance fell to -$2 million.", "USD", extract.AmbiguousCurrency},
		{"US$ is no guess", "", "", "Donors gave US$10 million.", "USD", ""},
		{"A$ at a sentence start", "", "", "A$50 million was pledged.", "AUD", ""},
		{"A$ inside a sentence", "", "", "The state pledged A$50 million.", "AUD", ""},
		{"AU$", "Valley Times", "", "The state pledged AU$50 million.", "AUD", ""},
		{"C$ from an Australian outlet", "The Age", "", "Canada sent C$2 million.", "CAD", ""},
		{"euros are euros", "", "", "The EU pledged €40 million.", "EUR", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs := e.Extract(extract.Document{Source: "a.txt", Outlet: tt.outlet, URL: tt.url, Text: tt.text})
			if len(figs) != 1 {
				t.Fatalf("%d figures in %q, want 1", len(figs), tt.text)
			}
			if f := figs[0]; f.Unit != tt.unit || f.Note != tt.note {
				t.Errorf("%q: unit %q, note %q; want %q, %q", f.Text, f.Unit, f.Note, tt.unit, tt.note)
			}
		})
	}
}
