package input_test

import (
	"fmt"
	"strings"

	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/schema"
)

func ExampleRead() {
	feed := `{"id":"a1","date":"2024-03-05T09:00:00Z","text":"Ridership rose 12% in February."}
{"id":"a2","title":"no text here"}
`
	n, err := input.Read([]string{"-"}, input.Options{Stdin: strings.NewReader(feed)},
		func(d schema.Document) error {
			fmt.Printf("%s %s %s: %s\n", d.Source, d.ID, d.Published, d.Text)
			return nil
		},
		func(e *input.Error) { fmt.Println("skipped:", e) })
	fmt.Println(n, err)
	// Output:
	// -#1 a1 2024-03-05: Ridership rose 12% in February.
	// skipped: -:2: record "a2": no text field (tried text, body, content)
	// 1 <nil>
}
