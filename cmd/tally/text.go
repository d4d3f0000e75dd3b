package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/input"
)

func newTextCmd(s streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "text FILE",
		Short: "Print the text tally reads from a file: the text that start and end offsets point into",
		Args:  cobra.ExactArgs(1),
	}
	cmd.Flags().String("input-format", "", "format of FILE when its extension does not say: txt, html, jsonl, json or csv")
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		v, err := settings(cmd.Flags())
		if err != nil {
			return err
		}
		opts := input.Options{Format: v.GetString("input-format"), Stdin: s.in}
		var failed int
		_, err = input.Read(args, opts, func(d extract.Document) error {
			_, err := fmt.Fprint(s.out, d.Text)
			return err
		}, func(ie *input.Error) {
			failed++
			fmt.Fprintln(s.err, "tally:", ie)
		})
		if err == nil && failed > 0 {
			return &partialError{failed: failed}
		}
		return err
	}
	return cmd
}
