package output

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go

	"github.com/tally-news/tally/extract/facts"
	"github.com/tally-news/tally/schema"
)

// sqliteTable is one table of the database: a schema record's columns.
type sqliteTable struct {
	name string
	cols []column
}

var (
	figuresTable = sqliteTable{"figures", figureColumns}
	sourcesTable = sqliteTable{"sources", mustRecordColumns(schema.Source{}, schema.SourceColumns, nil)}
	factsTable   = sqliteTable{"facts", mustRecordColumns(schema.Fact{}, schema.FactColumns, nil)}
	tollsTable   = sqliteTable{"tolls", mustRecordColumns(schema.Toll{}, schema.TollColumns, nil)}
)

// sqliteIndexes are created once the figures are in, which is faster than
// keeping them up to date row by row. figures_fts is the full-text index of
// the sentences that Datasette finds by its content="figures" and offers
// as the figures table's search box.
var sqliteIndexes = []string{
	`CREATE INDEX IF NOT EXISTS figures_source ON figures(source)`,
	`CREATE INDEX IF NOT EXISTS figures_category ON figures(category)`,
	`CREATE INDEX IF NOT EXISTS figures_doc_id ON figures(doc_id)`,
	`CREATE INDEX IF NOT EXISTS sources_source ON sources(source)`,
	`CREATE INDEX IF NOT EXISTS facts_category ON facts(category)`,
	`CREATE INDEX IF NOT EXISTS tolls_source ON tolls(source)`,
	`CREATE INDEX IF NOT EXISTS tolls_category ON tolls(category)`,
}

const createFTS = `CREATE VIRTUAL TABLE IF NOT EXISTS figures_fts USING fts5(sentence, content="figures")`

// sqliteWriter writes a SQLite database with four tables, each with the
// columns of its schema record in order: figures (every figure), sources
// (one row per document, failed ones with their errors), facts (the
// figures merged across documents, recomputed over the whole table at
// Close) and tolls (each document's, summed from its figures when the
// options give toll rules). Everything a run does, appends
// included, is one transaction, committed at Close.
//
// Text cells are stored as text (empty, not NULL, where CSV has an empty
// cell), value and start/end as numbers, low and high NULL when absent,
// booleans 0 or 1, dates as their YYYY-MM-DD text (SQLite's date functions
// read it).
type sqliteWriter struct {
	db      *sql.DB
	tx      *sql.Tx
	batches map[string]*rowBatch // table name -> its rows waiting
	lastOld int64                // the largest figures rowid before this run
	n       int                  // figures written, for error messages
	tolls   *tollCollector
	closed  bool
}

// namedFile is a file SQLite can reopen by its name.
type namedFile interface{ Name() string }

func newSQLite(w io.Writer, opts Options) (*sqliteWriter, error) {
	f, ok := w.(namedFile)
	if ok {
		// Standard output is a file too, but SQLite cannot seek in a pipe.
		info, err := os.Stat(f.Name())
		ok = err == nil && info.Mode().IsRegular()
	}
	if !ok {
		return nil, errors.New("output: sqlite: a database must be written to a file (-o NAME.sqlite), not a stream")
	}
	db, err := sql.Open("sqlite", f.Name())
	if err != nil {
		return nil, fmt.Errorf("output: sqlite: %w", err)
	}
	s := &sqliteWriter{db: db, batches: map[string]*rowBatch{}, tolls: newTollCollector(opts.Tolls)}
	if err := s.open(); err != nil {
		s.abort()
		return nil, fmt.Errorf("output: sqlite: %w", err)
	}
	return s, nil
}

func (s *sqliteWriter) open() error {
	// One connection: the transaction and the pragmas must share it. The
	// file is a temporary copy that the caller commits (fsync, rename), so
	// neither a journal on disk nor syncs are needed for a crash to leave
	// the old database intact; the in-memory journal still rolls back.
	s.db.SetMaxOpenConns(1)
	for _, p := range []string{"PRAGMA journal_mode=MEMORY", "PRAGMA synchronous=OFF"} {
		if _, err := s.db.Exec(p); err != nil {
			if strings.Contains(err.Error(), "not a database") {
				return errors.New("the file is not a SQLite database")
			}
			return err
		}
	}
	var err error
	if s.tx, err = s.db.Begin(); err != nil {
		return err
	}
	for _, t := range []sqliteTable{figuresTable, sourcesTable, factsTable, tollsTable} {
		if err := ensureTable(s.tx, t); err != nil {
			return err
		}
		full, err := s.tx.Prepare(insertSQL(t, sqliteBatchRows))
		if err != nil {
			return fmt.Errorf("table %s: %w", t.name, err)
		}
		s.batches[t.name] = &rowBatch{t: t, full: full}
	}
	if _, err := s.tx.Exec(createFTS); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	return s.tx.QueryRow(`SELECT coalesce(max(rowid), 0) FROM figures`).Scan(&s.lastOld)
}

// ensureTable creates t, or checks that the table of that name is tally's
// and adds the columns a later version appended to the record.
func ensureTable(tx *sql.Tx, t sqliteTable) error {
	have, err := tableColumns(tx, t.name)
	if err != nil {
		return err
	}
	if len(have) == 0 {
		defs := make([]string, len(t.cols))
		for i, c := range t.cols {
			defs[i] = columnDef(c)
		}
		_, err := tx.Exec(fmt.Sprintf("CREATE TABLE %s (\n  %s\n)", t.name, strings.Join(defs, ",\n  ")))
		return err
	}
	want := columnNames(t.cols)
	if len(have) > len(want) || !slices.Equal(have, want[:len(have)]) {
		return fmt.Errorf("table %s has columns %q, not tally's %q: write to a new file", t.name, have, want)
	}
	for _, c := range t.cols[len(have):] {
		if _, err := tx.Exec(fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s", t.name, columnDef(c))); err != nil {
			return err
		}
	}
	return nil
}

// tableColumns lists a table's columns in order; none if it is missing.
func tableColumns(q interface {
	Query(string, ...any) (*sql.Rows, error)
}, table string) ([]string, error) {
	rows, err := q.Query(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		if strings.Contains(err.Error(), "not a database") {
			return nil, errors.New("the file is not a SQLite database")
		}
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func columnDef(c column) string {
	switch c.kind {
	case numberColumn, optionalColumn:
		return quoteName(c.name) + " REAL"
	case integerColumn, boolColumn:
		return quoteName(c.name) + " INTEGER"
	default:
		// A text column added to an existing table reads '' on old rows.
		return quoteName(c.name) + " TEXT DEFAULT ''"
	}
}

func quoteName(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

func columnNames(cols []column) []string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// insertSQL is the INSERT of rows rows into t.
func insertSQL(t sqliteTable, rows int) string {
	row := "(" + strings.Repeat("?, ", len(t.cols)-1) + "?)"
	return fmt.Sprintf("INSERT INTO %s (%s) VALUES %s", t.name,
		strings.Join(quotedNames(t.cols), ", "), strings.Repeat(row+", ", rows-1)+row)
}

func quotedNames(cols []column) []string {
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quoteName(c.name)
	}
	return quoted
}

// sqliteBatchRows is how many rows one INSERT carries: with a statement
// per row, database/sql and SQLite's statement set-up took more time than
// storing the rows.
const sqliteBatchRows = 64

// rowBatch gathers one table's rows for INSERTs of sqliteBatchRows rows.
type rowBatch struct {
	t    sqliteTable
	full *sql.Stmt // the INSERT of a full batch
	args []any     // the cells of the rows waiting, row after row
}

// insertRecord adds one record (a pointer to a schema struct) as a row of
// t, written with the next full batch or at flush.
func (s *sqliteWriter) insertRecord(t sqliteTable, record any) error {
	b := s.batches[t.name]
	rv := reflect.ValueOf(record).Elem()
	for _, c := range t.cols {
		b.args = append(b.args, sqliteValue(c.kind, rv.Field(c.field)))
	}
	if len(b.args) < sqliteBatchRows*len(t.cols) {
		return nil
	}
	_, err := b.full.Exec(b.args...)
	clear(b.args) // let the strings go
	b.args = b.args[:0]
	return err
}

// flush writes the rows waiting in t's batch.
func (s *sqliteWriter) flush(t sqliteTable) error {
	b := s.batches[t.name]
	if len(b.args) == 0 {
		return nil
	}
	_, err := s.tx.Exec(insertSQL(t, len(b.args)/len(t.cols)), b.args...)
	clear(b.args)
	b.args = b.args[:0]
	if err != nil {
		return fmt.Errorf("table %s: %w", t.name, err)
	}
	return nil
}

func sqliteValue(k columnKind, v reflect.Value) any {
	switch k {
	case numberColumn:
		return v.Float()
	case optionalColumn:
		if v.IsNil() {
			return nil
		}
		return v.Elem().Float()
	case integerColumn:
		return v.Int()
	case boolColumn:
		return v.Bool()
	default:
		return v.String()
	}
}

// Write inserts one figure.
func (s *sqliteWriter) Write(f *schema.Figure) error {
	if s.closed {
		return errors.New("output: sqlite: write after close")
	}
	if f == nil {
		return errors.New("output: sqlite: nil figure")
	}
	s.n++
	if err := s.insertRecord(figuresTable, f); err != nil {
		return fmt.Errorf("output: sqlite: figures up to %d: %w", s.n, err)
	}
	s.tolls.add(f)
	return nil
}

// WriteDocument adds the document's row to the sources table.
func (s *sqliteWriter) WriteDocument(src schema.Source, _ string) error {
	if s.closed {
		return errors.New("output: sqlite: write after close")
	}
	if err := s.insertRecord(sourcesTable, &src); err != nil {
		return fmt.Errorf("output: sqlite: sources up to %s: %w", src.Source, err)
	}
	return nil
}

// WriteTolls adds a document's tolls to the tolls table.
func (s *sqliteWriter) WriteTolls(tolls []schema.Toll) error {
	if s.closed {
		return errors.New("output: sqlite: write after close")
	}
	return s.insertTolls(tolls)
}

func (s *sqliteWriter) insertTolls(tolls []schema.Toll) error {
	for i := range tolls {
		if err := s.insertRecord(tollsTable, &tolls[i]); err != nil {
			return fmt.Errorf("output: sqlite: tolls up to %s's: %w", tolls[i].Source, err)
		}
	}
	return nil
}

// Close indexes this run's sentences, recomputes the facts over every
// figure in the table, creates the indexes and commits. It does not close
// the underlying file; on error nothing of the run is committed.
func (s *sqliteWriter) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.finish()
	if err == nil {
		err = s.tx.Commit()
	}
	if err != nil {
		s.abort()
		return fmt.Errorf("output: sqlite: %w", err)
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("output: sqlite: %w", err)
	}
	return nil
}

func (s *sqliteWriter) finish() error {
	if s.tolls != nil {
		if err := s.insertTolls(s.tolls.all()); err != nil {
			return err
		}
	}
	for _, t := range []sqliteTable{figuresTable, sourcesTable, tollsTable} {
		if err := s.flush(t); err != nil {
			return err
		}
	}
	if _, err := s.tx.Exec(`INSERT INTO figures_fts(rowid, sentence) SELECT rowid, sentence FROM figures WHERE rowid > ?`, s.lastOld); err != nil {
		return fmt.Errorf("full-text index: %w", err)
	}
	// The indexes first: writeFacts reads the figures a category at a
	// time, through figures_category.
	for _, idx := range sqliteIndexes {
		if _, err := s.tx.Exec(idx); err != nil {
			return err
		}
	}
	if err := s.writeFacts(); err != nil {
		return fmt.Errorf("facts: %w", err)
	}
	return nil
}

// writeFacts replaces the facts with the merge of every article figure in
// the table, earlier runs' included, as one run over everything would
// write them. Figures are read and merged one category at a time (see
// facts.CategoryKey), so memory holds the largest category's figures, not
// the table.
func (s *sqliteWriter) writeFacts() error {
	if _, err := s.tx.Exec(`DELETE FROM facts`); err != nil {
		return err
	}
	rows, err := s.tx.Query(`SELECT DISTINCT category FROM figures WHERE section = 'article'`)
	if err != nil {
		return err
	}
	byKey := map[string][]sql.NullString{} // category key -> the categories with it
	for rows.Next() {
		var c sql.NullString // NULL in a table an older tally added the column to
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		k := facts.CategoryKey(c.String)
		byKey[k] = append(byKey[k], c)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		figs, err := s.articleFigures(byKey[k])
		if err != nil {
			return err
		}
		merged := facts.Merge(figs)
		for i := range merged {
			if err := s.insertRecord(factsTable, &merged[i]); err != nil {
				return err
			}
		}
	}
	return s.flush(factsTable)
}

// articleFigures reads the article figures of the given categories, cut
// down to what facts.Merge reads. The condition is on category itself, so
// that figures_category serves it.
func (s *sqliteWriter) articleFigures(categories []sql.NullString) ([]schema.Figure, error) {
	var names []any
	var match []string
	for _, c := range categories {
		if !c.Valid {
			match = append(match, "category IS NULL")
			continue
		}
		names = append(names, c.String)
		match = append(match, "category = ?")
	}
	rows, err := s.tx.Query(`SELECT `+strings.Join(quotedNames(mergeColumns), ", ")+
		` FROM figures WHERE section = 'article' AND (`+strings.Join(match, " OR ")+`) ORDER BY rowid`, names...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var figs []schema.Figure
	for rows.Next() {
		var f schema.Figure
		if err := scanRecord(rows, mergeColumns, &f); err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	return figs, rows.Err()
}

// mergeColumns are the figure columns mergeInput keeps, found by running
// it on a figure with every field set, so that the two cannot drift apart.
var mergeColumns = func() []column {
	var full schema.Figure
	rv := reflect.ValueOf(&full).Elem()
	for _, c := range figureColumns {
		setNumber(rv.Field(c.field), c.kind, 1)
		if c.kind == textColumn || c.kind == dateColumn {
			rv.Field(c.field).SetString("x")
		}
	}
	kept := reflect.ValueOf(mergeInput(&full, strings.Clone))
	var cols []column
	for _, c := range figureColumns {
		if !kept.Field(c.field).IsZero() {
			cols = append(cols, c)
		}
	}
	return cols
}()

// scanRecord reads a row of a table's columns into a record (a pointer
// to a schema struct); NULL reads as the zero value, or nil for an
// optional number.
func scanRecord(rows *sql.Rows, cols []column, record any) error {
	rv := reflect.ValueOf(record).Elem()
	dest := make([]any, len(cols))
	for i := range cols {
		dest[i] = new(any)
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	for i, c := range cols {
		v := *(dest[i].(*any))
		field := rv.Field(c.field)
		switch x := v.(type) {
		case nil:
		case float64:
			setNumber(field, c.kind, x)
		case int64:
			setNumber(field, c.kind, float64(x))
		case string:
			field.SetString(x)
		case []byte:
			field.SetString(string(x))
		}
	}
	return nil
}

func setNumber(field reflect.Value, k columnKind, x float64) {
	switch k {
	case numberColumn:
		field.SetFloat(x)
	case optionalColumn:
		field.Set(reflect.ValueOf(schema.Float(x)))
	case integerColumn:
		field.SetInt(int64(x))
	case boolColumn:
		field.SetBool(x != 0)
	}
}

// abort rolls back and closes the database, leaving the file for the
// caller to remove.
func (s *sqliteWriter) abort() {
	if s.tx != nil {
		_ = s.tx.Rollback()
	}
	_ = s.db.Close()
}

// checkSQLiteAppendable reports whether the file at path is a database an
// --append run can add to: missing, empty, or one whose figures table and
// the others present have tally's columns (or the first of them, from a
// version before later columns were added). It only reads the file.
func checkSQLiteAppendable(path string) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || err == nil && info.Size() == 0 {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output: append to %s: %w", path, err)
	}
	if err := checkTallyTables(path); err != nil {
		return fmt.Errorf("output: append to %s: %w", path, err)
	}
	return nil
}

func checkTallyTables(path string) error {
	db, err := sql.Open("sqlite", "file:"+url.PathEscape(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, t := range []sqliteTable{figuresTable, sourcesTable, factsTable, tollsTable} {
		have, err := tableColumns(tx, t.name)
		if err != nil {
			return err
		}
		if t.name == figuresTable.name && len(have) == 0 {
			return errors.New("it has no figures table: not a database tally wrote; write to a new file")
		}
		want := columnNames(t.cols)
		if len(have) > len(want) || !slices.Equal(have, want[:len(have)]) {
			return fmt.Errorf("table %s has columns %q, not tally's %q: write to a new file", t.name, have, want)
		}
	}
	return nil
}
