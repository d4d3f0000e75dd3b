// Command gencorpus writes a synthetic news corpus for benchmarks: articles
// assembled from sentence templates written for tally, with random places,
// people and numbers in the forms news copy uses. Output is deterministic
// for a given seed.
//
//	gencorpus -size 200MB -format jsonl -o corpus.jsonl
//	gencorpus -size 20MB -format txt -o corpus/
package main
