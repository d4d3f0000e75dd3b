package testtool

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// Dump runs a query and prints its rows, one a line, cells joined by |
// (NULL as <nil>, line breaks as \n), for comparing tables in tests.
func Dump(t testing.TB, db *sql.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	cells := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range cells {
		ptrs[i] = &cells[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, c := range cells {
			if i > 0 {
				b.WriteByte('|')
			}
			if s, ok := c.([]byte); ok {
				c = string(s)
			}
			b.WriteString(strings.ReplaceAll(fmt.Sprint(c), "\n", `\n`))
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
