package extract

import "github.com/tally-news/tally/schema"

// Document is one article to read (schema.Document): the readers of
// package input make it, the extractor reads it.
type Document = schema.Document
