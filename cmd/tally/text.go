package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tally-news/tally/extract/input"
)

func newTextCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "text SOURCE",
		Short: "Print the text of a document that a figure's start and end offsets point into",
		Long: `Text prints exactly the text of one document as tally extract reads it,
so anyone can check a figure's start and end offsets: they count bytes of
this text, end exclusive. SOURCE is a file, - for standard input, or the
source column of a figure from a feed or a CSV export ("feed.jsonl#12",
"export.csv#7").

For HTML this is the article body tally extracted from the page, not the
page's markup; for plain text, the file as decoded, a leading "date
YYYY-MM-DD" line included; reader comments below the article's end are
part of it. Nothing else is written, not even a final line break.`,
		Example: `  tally text story.txt
  tally text feed.jsonl#12 | cut -c 301-340
  curl -s https://example.com/story | tally text --input-format html -`,
		Args: needArgs(1, "no SOURCE given"),
	}
	cmd.Flags().String("input-format", "", "format of SOURCE when its extension does not say: txt, html, jsonl, json or csv")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		v, err := settings(cmd.Flags())
		if err != nil {
			return err
		}
		text, err := input.Text(args[0], input.Options{Format: v.GetString("input-format"), Stdin: s.in})
		if err != nil {
			return err
		}
		_, err = fmt.Fprint(s.out, text)
		return err
	}
	return cmd
}
