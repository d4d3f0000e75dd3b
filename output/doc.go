// Package output writes figures as CSV, JSON Lines, an XLSX workbook, an
// HTML page, a Parquet file or a SQLite database. Each format is one file;
// New picks one by name.
package output
