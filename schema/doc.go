// Package schema holds the records tally writes: one Figure per number found
// in an article. Column order lives here and nowhere else, so every output
// format agrees; new columns are only ever appended.
package schema
