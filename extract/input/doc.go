// Package input turns paths into schema.Documents.
//
// A path is a file, a directory (walked recursively in lexical order, so runs
// are deterministic) or "-" for standard input. The format comes from the
// extension, optionally followed by ".gz": .txt (plain text), .html/.htm
// (article body found with go-trafilatura), .jsonl/.ndjson (one record a
// line), .json (an array of records) and .csv (a header row, then one record
// a row). Text is decoded to UTF-8 (BOM stripped, UTF-16 with a BOM,
// windows-1252, or the charset an HTML page declares) and otherwise left as
// read, because the extractor's offsets point into it.
//
// Bad input never stops a run: each problem is passed to the caller as an
// *Error naming the file and, where there is one, the line or record, and
// reading goes on with the next record or file.
package input
