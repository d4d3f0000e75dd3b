package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless GOGC is set. tally's
// live heap is small and bounded (a window of documents), so letting it
// grow to three times its size instead of two costs some tens of MB and
// saves about 5% of the CPU time of a large run.
const gcPercent = 200

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
