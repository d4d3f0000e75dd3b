// Command tally reads news articles and writes every figure they state, with
// its meaning and its source, as CSV, JSON Lines or XLSX.
package main
