package main

// Messages for a mistyped command line: the flag that was meant, and the
// usage with an example when the arguments are missing.

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError adds to cobra's "unknown flag: --otput" the flag that was
// probably meant and where to read about the others.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		if guess := closestFlag(cmd.Flags(), name); guess != "" {
			msg += " (did you mean --" + guess + "?)"
		}
	}
	return fmt.Errorf("%s\nRun '%s --help' for usage.", msg, cmd.CommandPath())
}

// closestFlag returns the flag name nearest name: one it starts, or one
// at most two edits away, "" when none is that near; the shorter name on
// a tie ("--out" is --output before --outlet-field).
func closestFlag(flags *pflag.FlagSet, name string) string {
	best, bestD := "", 3
	flags.VisitAll(func(f *pflag.Flag) {
		d := editDistance(name, f.Name)
		if len(name) >= 3 && strings.HasPrefix(f.Name, name) {
			d = 1
		}
		if d < bestD || d == bestD && (len(f.Name) < len(best) || len(f.Name) == len(best) && f.Name < best) {
			best, bestD = f.Name, d
		}
	})
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of neighbours that turn a into b ("jbos" is one from "jobs"), in bytes:
// flag names are ASCII.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// needArgs accepts at least n arguments; with fewer it says what is
// missing and shows the usage line and the examples.
func needArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= n {
			return nil
		}
		return fmt.Errorf("%s\n\nUsage:\n  %s\n\nExamples:\n%s\n\nRun '%s --help' for every flag.",
			what, cmd.UseLine(), cmd.Example, cmd.CommandPath())
	}
}
