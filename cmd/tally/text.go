package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tally-news/tally/extract/input"
)

func newTextCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "text SOURCE",
		Short: "Print the text tally reads from a document: the text start and end offsets point into",
		Long: `Text prints exactly the text of one document as tally extract reads it,
so anyone can check a figure's start and end offsets. SOURCE is a file, or
the source column of a figure from a feed ("feed.jsonl#12").`,
		Args: cobra.ExactArgs(1),
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
