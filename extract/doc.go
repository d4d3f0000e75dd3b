// Package extract finds the figures of one document: it splits the text
// into sentences, scans each for numbers (digits, number words, ranges,
// vague amounts, counts implied by "a man was shot dead"), drops what is
// not a figure (years, dates, ages, identifiers), and gives each its
// qualifier, unit, object, category and scope; package claim adds who said
// it, how sure, when and where. Every word list, unit and pattern comes
// from the rules (config.yaml, decoded by DecodeConfig and compiled by New,
// one stage a file: rules_numbers.go, rules_units.go, ...), not from this
// code.
package extract
