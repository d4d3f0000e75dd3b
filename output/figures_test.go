package output

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/schema"
)

// sampleFigures covers the cell shapes writers must keep intact: negative and
// fractional numbers, absent bounds, quoting, newlines, formula-like text,
// HTML characters and non-ASCII text. All of it is valid XML.
func sampleFigures() []schema.Figure {
	return []schema.Figure{
		{
			Source: "bbc.txt", Published: "2026-11-03", Value: 4000000, Unit: "people",
			Object: "protesters", Category: "count", Text: "4 million",
			Sentence: "Police said 4 million people marched, the largest \"ever\".",
			Start:    12, End: 21, Rule: "number", Section: "article", DocID: "d1",
			URL: "https://example.com/a?x=1&y=2", Title: "March", Outlet: "BBC",
		},
		{
			Source: "ft.txt", Value: -5, Low: schema.Float(-7.5), High: schema.Float(-2.25),
			Qualifier: "about", Unit: "%", Object: "=SUM(A1:A2)", Category: "change",
			Text: "-5%", Sentence: "Output fell\nby about 5%,\r\nsaid <b>R&D</b>.",
			Start: 0, End: 3, Rule: "percent", Section: "comments",
			Attribution: "+ONS", Hedge: "@estimate", EventDate: "\tQ3", Location: "\rLondon",
		},
		{
			Source: "lemonde.txt", Value: 0.25, Low: schema.Float(0.2), High: schema.Float(3.5),
			Unit: "€", Object: "  leading and trailing spaces  ", Text: "un quart",
			Sentence: "Un quart — ça coûte 0,25 € 📈; literal _x0041_ stays.",
			Start:    1234567, End: 1234575, Title: "Économie, \"chiffres\"",
		},
		{Value: 1e15, Text: "1,000,000,000,000,000", Sentence: "", Start: 5, End: 6},
	}
}

// manyFigures returns n ordinary figures for benchmarks and overflow tests.
func manyFigures(n int) []schema.Figure {
	figs := make([]schema.Figure, n)
	for i := range figs {
		figs[i] = schema.Figure{
			Source: "article.txt", Published: "2026-11-03", Value: float64(i) + 0.5,
			Unit: "people", Object: "protesters", Category: "count", Text: fmt.Sprint(i),
			Sentence: "Tens of thousands marched on Tuesday, police said, " + strings.Repeat("and more ", i%7) + ".",
			Start:    i, End: i + 4, Rule: "number", Section: "article", DocID: fmt.Sprint("doc", i%50),
		}
	}
	return figs
}
