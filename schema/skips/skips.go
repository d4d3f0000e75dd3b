package skips

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// NoSkipsEnv is the variable that turns a skip into a failure.
const NoSkipsEnv = "TALLY_NO_SKIPS"

// The notes of one test binary: tests run in parallel, hence the lock.
var (
	mu    sync.Mutex
	notes []string
)

// Skip notes t's skip and its reason, then skips t.
func Skip(t testing.TB, args ...any) {
	t.Helper()
	note(t.Name(), fmt.Sprintln(args...))
	t.Skip(args...)
}

// Skipf is Skip with a format.
func Skipf(t testing.TB, format string, args ...any) {
	t.Helper()
	note(t.Name(), fmt.Sprintf(format, args...))
	t.Skipf(format, args...)
}

func note(name, reason string) {
	mu.Lock()
	defer mu.Unlock()
	notes = append(notes, name+" ("+strings.TrimSpace(reason)+")")
}

// Main runs the tests, prints which were skipped and why, and returns the
// exit code for os.Exit: failing when a test was skipped and NoSkipsEnv is
// set.
func Main(m *testing.M) int {
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if len(notes) == 0 {
		return code
	}
	text, fail := report(notes, os.Getenv(NoSkipsEnv) != "")
	fmt.Print(text)
	if fail && code == 0 {
		return 1
	}
	return code
}

// report is the summary of the skipped tests, and whether they fail the
// run (strict: NoSkipsEnv is set).
func report(notes []string, strict bool) (string, bool) {
	if len(notes) == 0 {
		return "", false
	}
	noun := "tests"
	if len(notes) == 1 {
		noun = "test"
	}
	text := fmt.Sprintf("skipped: %d %s: %s\n", len(notes), noun, strings.Join(notes, "; "))
	if strict {
		text += fmt.Sprintf("skips: %s is set, so a skipped test fails the run\n", NoSkipsEnv)
	}
	return text, strict
}
