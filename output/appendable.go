package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tally-news/tally/schema"
)

// CheckAppendable reports whether rows of format can go at the end of the
// file at path: see checkCSVAppendable, checkJSONLAppendable and
// checkSQLiteAppendable. A missing or empty file is fine.
func CheckAppendable(path, format string) error {
	f, _ := builtin.Lookup(format)
	return f.CheckFile(path)
}

// checkCSVAppendable: a CSV must start with tally's figure header (after a
// byte order mark, if any): appending figures under another header, a facts
// file's or that of a version with other columns, would give rows that do
// not fit their columns.
func checkCSVAppendable(path string) error {
	line, err := firstLine(path)
	if err != nil || line == "" {
		return err
	}
	header, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(line, utf8BOM))).Read()
	if err != nil || !slices.Equal(header, schema.Columns) {
		return fmt.Errorf("output: append to %s: its first line is not tally's figure header (%s...): write to a new file", path, firstColumns(line))
	}
	return nil
}

// checkJSONLAppendable: a JSON Lines file must start with a figure record
// (one with figureKeys), not a facts record or another tool's.
func checkJSONLAppendable(path string) error {
	line, err := firstLine(path)
	if err != nil || line == "" {
		return err
	}
	if !isFigureRecord(line) {
		return fmt.Errorf("output: append to %s: its first line is not one of tally's figure records (%s...): write to a new file", path, firstColumns(line))
	}
	return nil
}

// firstLine returns the first line of the file at path, "" when there is
// no file.
func firstLine(path string) (string, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("output: append to %s: %w", path, err)
	}
	defer f.Close()
	line, err := bufio.NewReader(f).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("output: append to %s: %w", path, err)
	}
	return line, nil
}

// figureKeys are the keys every figure record has had since the first
// version, and no facts record has all of.
var figureKeys = []string{"source", "value", "text", "sentence", "start", "end"}

// isFigureRecord reports whether a JSON Lines line is a figure record.
func isFigureRecord(line string) bool {
	var rec map[string]json.RawMessage
	if json.Unmarshal([]byte(line), &rec) != nil {
		return false
	}
	for _, k := range figureKeys {
		if _, ok := rec[k]; !ok {
			return false
		}
	}
	return true
}

// firstColumns quotes the start of a line for an error message.
func firstColumns(line string) string {
	line = strings.TrimRight(line, "\r\n")
	if len(line) > 60 {
		line = line[:60]
	}
	return fmt.Sprintf("%q", line)
}
