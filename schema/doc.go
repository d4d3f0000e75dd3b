// Package schema holds the records tally writes: one Figure per number found
// in an article. Column order lives here and nowhere else, so every output
// format agrees; new columns are only ever appended. It also holds what
// the stages hand each other: a Document read from a file or feed, and
// the names they share (sections, scopes, rule prefixes).
package schema
