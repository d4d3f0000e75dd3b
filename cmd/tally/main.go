// Command tally reads news articles and writes every figure they state, with
// its meaning and its source, as CSV, JSON Lines or XLSX.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
