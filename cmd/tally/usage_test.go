package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessages: what a mistyped or incomplete command line prints.
func TestMessages(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want []string // in stderr, in order
		not  []string
	}{
		{"misspelt flag", []string{"extract", "--otput", "x.csv", "a.txt"}, exitFatal,
			[]string{"unknown flag: --otput (did you mean --output?)", "Run 'tally extract --help' for usage."}, nil},
		{"swapped letters", []string{"extract", "--jbos", "2", "a.txt"}, exitFatal,
			[]string{"did you mean --jobs?"}, nil},
		{"a flag cut short", []string{"extract", "--out", "x.csv", "a.txt"}, exitFatal,
			[]string{"did you mean --output?"}, nil},
		{"nothing near", []string{"extract", "--zzzzzz", "a.txt"}, exitFatal,
			[]string{"unknown flag: --zzzzzz\n"}, []string{"did you mean"}},
		{"text's flags", []string{"text", "--input-fromat", "html", "a.html"}, exitFatal,
			[]string{"did you mean --input-format?", "tally text --help"}, nil},
		{"extract without a path", []string{"extract"}, exitFatal,
			[]string{"no PATH given", "Usage:\n  tally extract [flags] PATH...", "Examples:\n  tally extract articles/ -o figures.xlsx"}, nil},
		{"text without a source", []string{"text"}, exitFatal,
			[]string{"no SOURCE given", "tally text SOURCE", "Examples:"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runTally(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			rest := errs
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("stderr lacks %q (in order):\n%s", w, errs)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(errs, n) {
					t.Errorf("stderr has %q:\n%s", n, errs)
				}
			}
		})
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runTally(t, "", "--help")
	if code != exitOK || !strings.Contains(out, "Examples:") || !strings.Contains(out, "tally extract articles/ -o figures.xlsx") {
		t.Errorf("tally --help (exit %d) shows no example:\n%s", code, out)
	}
	_, out, _ = runTally(t, "", "text", "--help")
	for _, want := range []string{"- for standard input", "count bytes", `"date`, "Examples:", "--input-format"} {
		if !strings.Contains(out, want) {
			t.Errorf("tally text --help lacks %q:\n%s", want, out)
		}
	}
}

// TestNoReadableInputWritesNothing: when no input can be read, yesterday's
// output stays as it was, standard output gets nothing (no header-only
// CSV), and the exit code says some inputs failed.
func TestNoReadableInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out := write(t, dir, "figures.csv", "yesterday\n")
	empty := write(t, dir, "empty.txt", "")
	for _, args := range [][]string{
		{"extract", filepath.Join(dir, "missing.txt"), "-o", out},
		{"extract", empty, filepath.Join(dir, "missing.txt"), "-o", out},
	} {
		code, stdout, errs := runTally(t, "", args...)
		if code != exitPartial || stdout != "" || !strings.Contains(errs, "nothing written") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, errs)
		}
		if b, _ := os.ReadFile(out); string(b) != "yesterday\n" {
			t.Errorf("%v: the previous output became %q", args, b)
		}
	}
	code, stdout, _ := runTally(t, "", "extract", "--format", "csv", "-")
	if code != exitPartial || stdout != "" {
		t.Errorf("empty standard input: exit %d, stdout %q", code, stdout)
	}
	// One readable input is enough for an output.
	good := write(t, dir, "good.txt", "Rescuers evacuated 300 residents.")
	if code, _, errs := runTally(t, "", "extract", good, filepath.Join(dir, "missing.txt"), "-o", out); code != exitPartial || strings.Contains(errs, "nothing written") {
		t.Errorf("one good input: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "300") {
		t.Errorf("the good input's figures were not written: %q", b)
	}
}
