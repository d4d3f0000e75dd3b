package main

// The reliability cases of the README's table, each run the way a hostile
// user or a crashed cron job would: real processes where signals, locks
// and temporary files are involved.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/tally-news/tally/schema/skips"
	"time"
)

// longArticle writes one article of about mb megabytes on a single line.
func longArticle(t *testing.T, dir string, mb int) string {
	t.Helper()
	unit := "Officials said 12 people died and 40 were hurt in the city on Friday, and rescuers evacuated 300 residents. "
	return write(t, dir, "long.txt", strings.Repeat(unit, mb<<20/len(unit)))
}

// TestSigtermMidDocument: SIGTERM in the middle of one large document ends
// the run within seconds (exit 2, output unchanged), not when the document
// is done.
func TestSigtermMidDocument(t *testing.T) {
	bin := tallyBinary(t)
	dir := t.TempDir()
	in := longArticle(t, dir, 24)
	out := write(t, dir, "figures.csv", "previous\n")
	cmd := exec.Command(bin, "extract", in, "-o", out, "--jobs", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForFile(t, filepath.Join(dir, ".figures.csv.lock")) // the run has started
	time.Sleep(300 * time.Millisecond)                      // and is extracting
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitBounded(t, cmd, 20*time.Second)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("exited %v after SIGTERM, want within 5 s", d)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitFatal {
		t.Errorf("exit %d after SIGTERM, want %d", code, exitFatal)
	}
	if got, _ := os.ReadFile(out); string(got) != "previous\n" {
		t.Errorf("output changed: %.40q", got)
	}
}

// TestFIFOInputRefused: a FIFO given as input is refused by name (exit 1,
// the other inputs written) instead of blocking the run forever.
func TestFIFOInputRefused(t *testing.T) {
	bin := tallyBinary(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "feed.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		skips.Skipf(t, "no FIFOs here: %v", err)
	}
	good := write(t, dir, "good.txt", "Officials said 12 people died.\n")
	cmd := exec.Command(bin, "extract", fifo, good)
	var stderr, stdout strings.Builder
	cmd.Stderr, cmd.Stdout = &stderr, &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitBounded(t, cmd, 20*time.Second)
	if code := cmd.ProcessState.ExitCode(); code != exitPartial || !strings.Contains(stderr.String(), fifo+": not a regular file") {
		t.Errorf("exit %d, stderr %q: want 1 and the FIFO named as not a regular file", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "good.txt") {
		t.Errorf("the good input was not written: %q", stdout.String())
	}
}

// TestStdinHeldOpenStops: a run reading a pipe its writer keeps open ends
// on SIGTERM and SIGINT.
func TestStdinHeldOpenStops(t *testing.T) {
	bin := tallyBinary(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(bin, "extract", "--input-format", "jsonl", "-", "-o", filepath.Join(dir, "figures.csv"))
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			io.WriteString(stdin, `{"id":"1","text":"Officials said 12 people died."}`+"\n")
			waitForFile(t, filepath.Join(dir, ".figures.csv.lock")) // past start-up: signals are caught
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waitBounded(t, cmd, 10*time.Second)
			if code := cmd.ProcessState.ExitCode(); code != exitFatal {
				t.Errorf("exit %d, want %d", code, exitFatal)
			}
		})
	}
}

// TestConcurrentRunsLocked: while one run appends to a CSV and its state
// (it reads a pipe held open, so it is surely still running), a second run
// on either file exits 2 naming the first one's pid; the first run's rows
// are all there when it ends.
func TestConcurrentRunsLocked(t *testing.T) {
	bin := tallyBinary(t)
	dir := t.TempDir()
	out, state := filepath.Join(dir, "figures.csv"), filepath.Join(dir, "tally.state")
	first := exec.Command(bin, "extract", "--input-format", "txt", "-", "--append", "-o", out, "--state", state)
	stdin, err := first.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	waitForFile(t, filepath.Join(dir, ".tally.state.lock"))
	article := "../../testdata/articles/ceasefire.txt"
	for _, args := range [][]string{
		{"extract", article, "--append", "-o", out, "--state", filepath.Join(dir, "other.state")},
		{"extract", article, "-o", filepath.Join(dir, "other.csv"), "--state", state},
	} {
		second := exec.Command(bin, args...)
		msg, _ := second.CombinedOutput()
		want := "locked by another tally run (pid " + strconv.Itoa(first.Process.Pid) + ")"
		if code := second.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(string(msg), want) {
			t.Errorf("second run %q: exit %d, %q; want 2 and %q", args, code, msg, want)
		}
	}
	io.WriteString(stdin, "Officials said 12 people died and 40 were hurt.\n")
	stdin.Close()
	if err := waitBounded(t, first, 30*time.Second); err != nil {
		t.Fatalf("first run: %v", err)
	}
	if rows := readFile(t, out); len(rows) != 3 {
		t.Errorf("first run's output holds %d rows, want a header and 2", len(rows))
	}
}

// waitForFile waits until path exists.
func waitForFile(t *testing.T, path string) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(path); err == nil {
			return
		}
	}
	t.Fatalf("%s did not appear", path)
}

// TestKilledRunCleansTemps: SIGTERM while a workbook is written leaves no
// excelize temporary files in TMPDIR and no .NAME.tmp-* beside the output;
// a stale temporary file of a killed run is removed by the next run.
func TestKilledRunCleansTemps(t *testing.T) {
	bin := tallyBinary(t)
	dir, tmp := t.TempDir(), t.TempDir()
	var b strings.Builder
	for i := 0; i < 40000; i++ {
		fmt.Fprintf(&b, `{"id":"%d","text":"At least %d people were killed and %d homes destroyed, officials said."}`+"\n", i, i%90+2, i%400+10)
	}
	in := write(t, dir, "feed.jsonl", b.String())
	out := filepath.Join(dir, "figures.xlsx")
	cmd := exec.Command(bin, "extract", in, "-o", out, "--jobs", "1")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitForTemp(t, out)
	deadline := time.Now().Add(10 * time.Second) // until excelize has a temporary file of its own
	for entries, _ := os.ReadDir(tmp); len(entries) == 0 && time.Now().Before(deadline); entries, _ = os.ReadDir(tmp) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitBounded(t, cmd, 30*time.Second)
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("TMPDIR holds %d files after SIGTERM, e.g. %s", len(entries), entries[0].Name())
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".figures.xlsx.tmp-*")); len(temps) > 0 {
		t.Errorf("temporary output left: %v", temps)
	}

	stale := write(t, dir, ".figures.csv.tmp-12345", "half a run")
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if code, _, errs := runTally(t, "", "extract", "../../testdata/articles/ceasefire.txt", "-o", filepath.Join(dir, "figures.csv")); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
}

// TestAppendCommitsOrChangesNothing: an --append run whose facts file has
// a format facts cannot take is refused before any input is read, and the
// output stays as it was.
func TestAppendCommitsOrChangesNothing(t *testing.T) {
	bin := tallyBinary(t)
	dir := t.TempDir()
	article := "../../testdata/articles/ceasefire.txt"
	out := filepath.Join(dir, "figures.csv")
	if code, _, errs := runTally(t, "", "extract", article, "-o", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	before, _ := os.ReadFile(out)
	cmd := exec.Command(bin, "extract", "../../testdata/articles/flood.txt", "--append", "-o", out, "--facts", filepath.Join(dir, "facts.xlsx"))
	msg, _ := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(string(msg), "facts.xlsx") {
		t.Errorf("exit %d, %q; want 2 naming facts.xlsx", code, msg)
	}
	if after, _ := os.ReadFile(out); string(after) != string(before) {
		t.Error("the output was changed by a refused run")
	}
}

// TestAppendWithoutStateRefused: --append with a state file that cannot
// say what the output holds (missing, empty, null, other rules) refuses
// rather than append every document again; --reprocess rewrites.
func TestAppendWithoutStateRefused(t *testing.T) {
	dir := t.TempDir()
	article := "../../testdata/articles/ceasefire.txt"
	out, state := filepath.Join(dir, "figures.csv"), filepath.Join(dir, "tally.state")
	if code, _, errs := runTally(t, "", "extract", article, "--append", "-o", out, "--state", state); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, errs)
	}
	once, _ := os.ReadFile(out)
	saved, _ := os.ReadFile(state)
	other := strings.Replace(string(saved), `"config_hash": "`, `"config_hash": "x`, 1)
	for name, content := range map[string]*string{"missing": nil, "empty": ptr(""), "null": ptr("null"), "other rules": &other} {
		t.Run(name, func(t *testing.T) {
			os.Remove(state)
			if content != nil {
				write(t, dir, "tally.state", *content)
			}
			code, _, errs := runTally(t, "", "extract", article, "--append", "-o", out, "--state", state)
			if code != exitFatal || !strings.Contains(errs, "--reprocess") {
				t.Errorf("exit %d, %q; want 2 pointing to --reprocess", code, errs)
			}
			if got, _ := os.ReadFile(out); string(got) != string(once) {
				t.Error("output changed")
			}
		})
	}
	if code, _, errs := runTally(t, "", "extract", article, "--append", "-o", out, "--state", state, "--reprocess"); code != exitOK {
		t.Fatalf("--reprocess: exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); string(got) != string(once) {
		t.Error("--reprocess did not rewrite the output to one run's rows")
	}
	if code, _, errs := runTally(t, "", "extract", article, "--append", "-o", out, "--state", state); code != exitOK {
		t.Fatalf("after --reprocess: exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); string(got) != string(once) {
		t.Error("the state saved by --reprocess did not skip the article")
	}
}

func ptr(s string) *string { return &s }

// TestOutputFileCases: a read-only output is refused (exit 2, unchanged);
// a symbolic link is written through and stays a link; the replaced
// file's mode is kept; -o - writes standard output and takes no lock.
func TestOutputFileCases(t *testing.T) {
	dir := t.TempDir()
	article := "../../testdata/articles/ceasefire.txt"
	ro := write(t, dir, "ro.csv", "old\n")
	os.Chmod(ro, 0o444)
	if code, _, errs := runTally(t, "", "extract", article, "-o", ro); code != exitFatal || !strings.Contains(errs, "read-only") {
		t.Errorf("read-only output: exit %d, %q", code, errs)
	}
	if got, _ := os.ReadFile(ro); string(got) != "old\n" {
		t.Errorf("read-only output changed: %.40q", got)
	}
	real := write(t, dir, "real.csv", "old\n")
	os.Chmod(real, 0o640)
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink("real.csv", link); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := runTally(t, "", "extract", article, "-o", link); code != exitOK {
		t.Fatalf("link: exit %d: %s", code, errs)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 || fi.Size() < 100 {
		t.Errorf("target: mode %v, %d bytes; want 0640 and the figures", fi.Mode().Perm(), fi.Size())
	}
	code, stdout, _ := runTally(t, "", "extract", article, "-o", "-")
	if code != exitOK || !strings.HasPrefix(stdout, "source,") {
		t.Errorf("-o -: exit %d, %.40q", code, stdout)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("-o - created a file named -")
	}
	if locks, _ := filepath.Glob(".*.lock"); len(locks) > 0 {
		t.Errorf("-o - took a lock: %v", locks)
	}
}

// TestJobsBounded: --jobs must be 0 (one per CPU) to 256.
func TestJobsBounded(t *testing.T) {
	for _, jobs := range []string{"-1", "100000"} {
		code, _, errs := runTally(t, "", "extract", "../../testdata/articles/ceasefire.txt", "--jobs", jobs)
		if code != exitFatal || !strings.Contains(errs, "--jobs "+jobs) {
			t.Errorf("--jobs %s: exit %d, %q", jobs, code, errs)
		}
	}
}

// TestPathsQuotedInLog: a file name with a line break cannot forge a log
// line: it is quoted.
func TestPathsQuotedInLog(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "x\ntally: 0 documents, 0 figures, 0 errors.txt", "")
	_, _, errs := runTally(t, "", "extract", bad, "../../testdata/articles/ceasefire.txt", "--quiet")
	if lines := strings.Split(strings.TrimSpace(errs), "\n"); len(lines) != 1 || !strings.Contains(errs, strconv.Quote(bad)) {
		t.Errorf("stderr %q: want one line with the quoted path", errs)
	}
}
