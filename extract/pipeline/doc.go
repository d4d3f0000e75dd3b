// Package pipeline runs an extraction from inputs to outputs: tally
// extract without its command line. Run reads the inputs of a Job (files,
// folders, feeds, standard input), skips what its shard and state leave
// out, extracts each document's figures in parallel (package
// extract/batch), writes them in input order to the output format (package
// output), sums tolls and merges facts for the files beside it, and puts
// every file in place together when the run succeeds, under a lock each,
// so a failed or interrupted run leaves the previous files as they were.
//
// A Job is resolved once, by the command from its flags or by a program
// directly, with the rules compiled (extract.New); Streams are the run's
// standard input, output and error. Messages on Streams.Err and errors
// name the command's flags (--append, --jobs), as the command prints them.
package pipeline
