package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/schema"
)

// runTally runs the command in-process and returns its exit code, stdout and
// stderr.
func runTally(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func readCSV(t *testing.T, data string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, data)
	}
	return rows
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExtractSampleToStdout(t *testing.T) {
	code, out, errs := runTally(t, "", "extract", "../../testdata/articles")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows := readCSV(t, out)
	if strings.Join(rows[0], ",") != strings.Join(schema.Columns, ",") {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows) < 60 {
		t.Fatalf("only %d rows from the sample articles", len(rows)-1)
	}
	articles, err := filepath.Glob("../../testdata/articles/*.txt")
	if err != nil || len(articles) == 0 {
		t.Fatalf("no sample articles: %v", err)
	}
	if want := fmt.Sprintf("%d documents", len(articles)); !strings.Contains(errs, want) {
		t.Fatalf("summary missing %q: %q", want, errs)
	}
}

func TestBadInputIsReportedAndTheRestWritten(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "good.txt", "At least 12 people were killed in the blast.")
	write(t, dir, "empty.txt", "")
	out := filepath.Join(dir, "out.csv")
	code, _, errs := runTally(t, "", "extract", dir, filepath.Join(dir, "missing.txt"), "-o", out)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d: %s", code, exitPartial, errs)
	}
	for _, want := range []string{"empty.txt", "missing.txt"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errs)
		}
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), "killed") {
		t.Fatalf("good document's figures missing from the output: %v\n%s", err, data)
	}
}

func TestConfigErrorNamesFileLineAndColumn(t *testing.T) {
	dir := t.TempDir()
	base, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The error's first line is FILE:LINE:COL: want, LINE and COL those of
	// the text at (in the changed file); the line at fault and a caret
	// under the column follow it.
	tests := []struct{ name, change, at, want string }{
		{"unknown key", strings.Replace(string(base), "window: 8", "window: 8\nwindoww: 3", 1), "windoww", `unknown key "windoww" in the top level`},
		{"wrong type", strings.Replace(string(base), "subject_window: 14", "subject_window: fourteen", 1), "fourteen", `subject_window: want a whole number, got the text "fourteen"`},
		{"bad pattern", strings.Replace(string(base), `  - '%[0-9A-Fa-f]{2}'`, `  - '%[0-9A-F'`, 1), `'%[0-9A-F'`, `exclude_patterns[3]: "%[0-9A-F": bad pattern`},
		{"unknown category", strings.Replace(string(base), "kms], category: distance}", "kms], category: distanse}", 1), "distanse", `units[7].category: "distanse": unknown category`},
		{"duplicate alias", strings.Replace(string(base), "aliases: [gram, grams,", "aliases: [kg, gram, grams,", 1), "kg, gram", `units[2].aliases[0]: "kg": alias already names kg`},
		{"listed twice", strings.Replace(string(base), "none, nobody]", "none, nobody, not]", 1), "not]", `negations[5]: "not": listed twice`},
		{"claims phrase", strings.Replace(string(base), `speech_verbs: [said,`, `speech_verbs: ["said  so", said,`, 1), `"said  so"`, `claims.attribution.speech_verbs[0]: "said  so": want words separated by single spaces`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.change == string(base) {
				t.Fatal("the test's edit did not apply to config.yaml")
			}
			path := write(t, dir, strings.ReplaceAll(tt.name, " ", "_")+".yaml", tt.change)
			code, _, errs := runTally(t, "", "rules", "--check", path)
			lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
			at := strings.Index(tt.change, tt.at)
			line := strings.Count(tt.change[:at], "\n") + 1
			col := at - strings.LastIndex(tt.change[:at], "\n")
			want := fmt.Sprintf("tally: %s:%d:%d: %s", path, line, col, tt.want)
			if code != exitFatal || !strings.HasPrefix(lines[0], want) {
				t.Fatalf("exit %d, stderr %q; want exit 2 and %s", code, errs, want)
			}
			if len(lines) != 3 || !strings.HasSuffix(lines[2], "^") {
				t.Fatalf("stderr %q: want the line at fault and a caret under the column", errs)
			}
			code, _, _ = runTally(t, "", "extract", "--config", path, "../../testdata/articles")
			if code != exitFatal {
				t.Fatalf("extract with a bad config exited %d", code)
			}
		})
	}
	code, out, _ := runTally(t, "", "rules", "--check", "../../config.yaml")
	if code != exitOK || !strings.Contains(out, "ok") {
		t.Fatalf("shipped config does not check: %d %s", code, out)
	}
}

func TestJobsDoNotChangeTheBytes(t *testing.T) {
	_, one, _ := runTally(t, "", "extract", "--jobs", "1", "../../testdata/articles")
	_, four, _ := runTally(t, "", "extract", "--jobs", "4", "../../testdata/articles")
	if one != four || one == "" {
		t.Fatalf("--jobs 1 and --jobs 4 differ (%d vs %d bytes)", len(one), len(four))
	}
}

func TestEnvironmentSetsFlags(t *testing.T) {
	t.Setenv("TALLY_FORMAT", "jsonl")
	_, out, _ := runTally(t, "", "extract", "../../testdata/articles/ceasefire.txt")
	if !strings.HasPrefix(out, `{"source":`) {
		t.Fatalf("TALLY_FORMAT=jsonl ignored: %.80s", out)
	}
}

func TestStateSkipsWhatWasDone(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	write(t, in, "a.txt", "At least 12 people were killed in the blast.")
	write(t, in, "b.txt", "Rescuers evacuated 300 residents by boat.")
	state := filepath.Join(dir, "state.json")
	out := filepath.Join(dir, "out.csv")

	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "-o", out); code != exitOK {
		t.Fatalf("first run exit %d: %s", code, errs)
	}
	if rows := readFile(t, out); len(rows) != 3 {
		t.Fatalf("first run wrote %d rows, want 2 figures", len(rows)-1)
	}
	// Same size and time but new words: had the second run read the files
	// it would find new figures, so finding none proves it did not open them.
	for _, name := range []string{"a.txt", "b.txt"} {
		path := filepath.Join(in, name)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		disguise := []byte(strings.Repeat("9", int(st.Size())))
		if err := os.WriteFile(path, disguise, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, st.ModTime(), st.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "-o", out); code != exitOK || !strings.Contains(errs, "0 documents") {
		t.Fatalf("second run over unchanged inputs: exit %d: %s", code, errs)
	}
	if rows := readFile(t, out); len(rows) != 1 {
		t.Fatalf("second run wrote %d figures, want none", len(rows)-1)
	}
	write(t, in, "c.txt", "The storm destroyed 40 homes.")
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "-o", out, "--append"); code != exitOK {
		t.Fatalf("third run exit %d: %s", code, errs)
	}
	rows := readFile(t, out)
	if len(rows) != 2 || rows[1][2] != "40" {
		t.Fatalf("after adding c.txt the output holds %v, want only its figure", rows)
	}
}

func readFile(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return readCSV(t, string(data))
}

func TestShardsPartitionTheDocuments(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 12; i++ {
		write(t, dir, "doc"+string(rune('a'+i))+".txt", strings.Repeat("x", i)+" Officials said 5 homes were destroyed.")
	}
	total := 0
	for _, shard := range []string{"1/3", "2/3", "3/3"} {
		_, out, _ := runTally(t, "", "extract", "--shard", shard, dir)
		total += len(readCSV(t, out)) - 1
	}
	if total != 12 {
		t.Fatalf("three shards hold %d figures, want the 12 of the whole", total)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "--format", "pdf", "../../testdata/articles"},
		{"extract", "--shard", "4/3", "../../testdata/articles"},
		{"extract", "--log-format", "xml", "../../testdata/articles"},
		{"extract", "--append", "-o", filepath.Join(t.TempDir(), "f.html"), "../../testdata/articles"},
		{"extract", "--append", "../../testdata/articles"},
		{"nosuchcommand"},
	} {
		if code, _, _ := runTally(t, "", args...); code != exitFatal {
			t.Errorf("%v exited %d, want %d", args, code, exitFatal)
		}
	}
}

// TestTextShowsWhatOffsetsPointInto checks the promise behind `tally text`:
// every figure's bytes sit at its offsets in the printed text, for a plain
// file and for a record of a feed.
func TestTextShowsWhatOffsetsPointInto(t *testing.T) {
	dir := t.TempDir()
	feed := write(t, dir, "feed.jsonl", `{"id":"a","text":"Officials said 7 homes burned."}`+"\n"+`{"id":"b","text":"At least 12 people died and 30 were hurt."}`+"\n")
	for _, path := range []string{"../../testdata/articles/ceasefire.txt", feed} {
		_, out, errs := runTally(t, "", "extract", path)
		rows := readCSV(t, out)
		if len(rows) < 2 {
			t.Fatalf("no figures from %s: %s", path, errs)
		}
		for _, row := range rows[1:] {
			source, text, start, end := row[0], row[9], row[11], row[12]
			code, doc, errs := runTally(t, "", "text", source)
			if code != exitOK {
				t.Fatalf("tally text %s: exit %d %s", source, code, errs)
			}
			var s, e int
			fmt.Sscan(start, &s)
			fmt.Sscan(end, &e)
			if e > len(doc) || doc[s:e] != text {
				t.Fatalf("%s: bytes %d:%d of tally text are not %q", source, s, e, text)
			}
		}
	}
}

// TestStateOverALargeFeed: with --state, the reader asks the state about
// each record while the writer records the ones done; over thousands of
// records the two overlap (this once crashed the run). A second run emits
// nothing and a changed record comes back alone.
func TestStateOverALargeFeed(t *testing.T) {
	dir := t.TempDir()
	var feed strings.Builder
	const n = 5000
	for i := range n {
		fmt.Fprintf(&feed, `{"id":"r%d","text":"Rescuers evacuated %d residents by boat."}`+"\n", i, 100+i)
	}
	in := write(t, dir, "feed.jsonl", feed.String())
	state, out := filepath.Join(dir, "state.json"), filepath.Join(dir, "out.csv")
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--jobs", "2", "-o", out); code != exitOK {
		t.Fatalf("first run exit %d: %s", code, errs)
	}
	if rows := readFile(t, out); len(rows) != n+1 {
		t.Fatalf("first run wrote %d figures, want %d", len(rows)-1, n)
	}
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--append", "-o", filepath.Join(dir, "gone.csv")); code != exitOK ||
		!strings.Contains(errs, "warning: "+filepath.Join(dir, "gone.csv")+" is missing") {
		t.Fatalf("append to a missing output with a full state: exit %d, no warning in %q", code, errs)
	}
	changed := strings.Replace(feed.String(), "evacuated 4321 residents", "evacuated 77 residents", 1)
	write(t, dir, "feed.jsonl", changed)
	if code, _, errs := runTally(t, "", "extract", in, "--state", state, "--jobs", "2", "-o", out); code != exitOK {
		t.Fatalf("second run exit %d: %s", code, errs)
	}
	if rows := readFile(t, out); len(rows) != 2 || rows[1][2] != "77" {
		t.Fatalf("second run wrote %v, want only the changed record's figure", rows)
	}
}
