//go:build unix

package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/schema"
)

// asCommand makes the test binary act as tally-beam when set, so the
// pipeline runs in a child process the test can kill: a hung worker then
// fails the test instead of hanging the CI run.
const asCommand = "TALLY_BEAM_TEST_AS_COMMAND"

func TestMain(m *testing.M) {
	if os.Getenv(asCommand) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// repoRoot is the main module, whose testdata and commands the test uses.
const repoRoot = "../.."

// runTimeout bounds one pipeline run on Prism; on this 2-core machine a
// run over the test corpus takes well under a minute.
const runTimeout = 4 * time.Minute

// TestPrismMatchesExtract runs the pipeline on Prism over the repository's
// sample articles, a generated feed and folder of articles, and a feed with
// a broken record, and checks that its figure and toll rows are tally
// extract's rows on the same input, sorted, in both output formats, and
// that the broken record is reported by file and line. Then it runs it
// once more with the workers in processes of their own, as a cluster runs
// them.
func TestPrismMatchesExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Beam pipelines; skipped with -short")
	}
	tmp := t.TempDir()
	tally := filepath.Join(tmp, "tally")
	goRun(t, repoRoot, "build", "-o", tally, "./cmd/tally")
	feed := filepath.Join(tmp, "corpus.jsonl")
	goRun(t, repoRoot, "run", "./cmd/gencorpus", "-size", "1MB", "-format", "jsonl", "-seed", "7", "-o", feed)
	folder := filepath.Join(tmp, "articles")
	goRun(t, repoRoot, "run", "./cmd/gencorpus", "-size", "200KB", "-format", "txt", "-seed", "8", "-o", folder)
	broken := filepath.Join(tmp, "broken.jsonl")
	writeFile(t, broken, `{"id":"a","text":"At least 12 people were killed and 40 injured."}`+"\n"+
		`{"id":"b","text":"broken`+"\n"+
		`{"id":"c","text":"About 3,000 residents were evacuated."}`+"\n")

	samples := []string{
		filepath.Join(repoRoot, "testdata", "articles"),
		filepath.Join(repoRoot, "testdata", "golden"),
		filepath.Join(repoRoot, "testdata", "tolls"),
	}
	common := append(slices.Clone(samples),
		filepath.Join(repoRoot, "testdata", "input"), // holds an HTML page with no article: an input error
		feed, broken)
	// tally-beam gets the folder as a glob; tally extract walks it.
	beamArgs := append(slices.Clone(common), filepath.Join(folder, "*.txt"))
	extractArgs := append(slices.Clone(common), folder)

	for _, format := range []string{"csv", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			want := filepath.Join(tmp, "want")
			code, stderr := command(t, "", tally, append([]string{"extract", "--quiet", "-o", want + "." + format, "--tolls", want + "-tolls." + format}, extractArgs...), nil)
			if code != 1 {
				t.Fatalf("tally extract: exit %d, want 1 (two bad inputs): %s", code, stderr)
			}
			prefix := filepath.Join(tmp, format, "figures")
			code, stderr = command(t, "", os.Args[0], append([]string{"--output", prefix, "--format", format, "--shards", "3"}, beamArgs...),
				[]string{asCommand + "=1"})
			if code != 1 {
				t.Fatalf("tally-beam: exit %d, want 1 (two bad inputs): %s", code, stderr)
			}
			if strings.Contains(stderr, "level=INFO") {
				t.Errorf("info logs without --verbose:\n%s", stderr)
			}
			sameRows(t, format, want, prefix, 3, 1000)

			errs, err := os.ReadFile(shardName(prefix+"-errors", 0, 1, ".txt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range []string{broken + ":2: ", "no-article.html: "} {
				if !strings.Contains(string(errs), e) {
					t.Errorf("errors file lacks %q:\n%s", e, errs)
				}
			}
		})
	}

	// In loopback mode the DoFns run in the launching process; Flink, Spark
	// and Dataflow start workers from the binary, which find every DoFn by
	// its registered name. Prism does the same in a PROCESS environment,
	// through Beam's boot program.
	t.Run("worker process", func(t *testing.T) {
		boot := filepath.Join(tmp, "boot")
		goRun(t, ".", "build", "-o", boot, "github.com/apache/beam/sdks/v2/go/container")
		// Prism 2.78 passes --id='ID' with quotes meant for a shell.
		wrapper := filepath.Join(tmp, "boot.sh")
		writeFile(t, wrapper, "#!/bin/sh\nid=$(printf '%s' \"$1\" | tr -d \"'\")\nshift\nexec "+boot+" \"$id\" --semi_persist_dir="+tmp+" \"$@\"\n")
		if err := os.Chmod(wrapper, 0o755); err != nil {
			t.Fatal(err)
		}
		var inputs []string
		for _, p := range samples {
			abs, err := filepath.Abs(p)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, abs)
		}
		want := filepath.Join(tmp, "worker-want")
		if code, stderr := command(t, "", tally, append([]string{"extract", "--quiet", "-o", want + ".csv", "--tolls", want + "-tolls.csv"}, inputs...), nil); code != 0 {
			t.Fatalf("tally extract: exit %d: %s", code, stderr)
		}
		prefix := filepath.Join(tmp, "worker", "figures")
		args := append([]string{"--environment_type=PROCESS", `--environment_config={"command":"` + wrapper + `"}`,
			"--worker_binary=" + os.Args[0], "--output", prefix, "--shards", "2"}, inputs...)
		// The boot program writes its options file to the working directory.
		if code, stderr := command(t, tmp, os.Args[0], args, []string{asCommand + "=1"}); code != 0 {
			t.Fatalf("tally-beam: exit %d: %s", code, stderr)
		}
		sameRows(t, "csv", want, prefix, 2, 100)
	})
}

// sameRows checks that the figure and toll shards under prefix hold the
// rows of tally extract's files want.FORMAT and want-tolls.FORMAT, sorted,
// and that there are at least atLeast figures.
func sameRows(t *testing.T, format, want, prefix string, shards, atLeast int) {
	t.Helper()
	for _, out := range []struct {
		want, prefix string
		columns      []string
		atLeast      int
	}{
		{want + "." + format, prefix, schema.Columns, atLeast},
		{want + "-tolls." + format, prefix + "-tolls", schema.TollColumns, atLeast / 10},
	} {
		wantRows := readRows(t, format, out.want, out.columns)
		var gotRows []string
		for i := range shards {
			gotRows = append(gotRows, readRows(t, format, shardName(out.prefix, i, shards, "."+format), out.columns)...)
		}
		if len(wantRows) < out.atLeast {
			t.Fatalf("%s: tally extract gave only %d rows; the input is not what the test expects", out.want, len(wantRows))
		}
		slices.Sort(wantRows)
		slices.Sort(gotRows)
		if !slices.Equal(gotRows, wantRows) {
			t.Errorf("%s: tally-beam gave %d rows, tally extract %d; first difference:\n%s",
				out.prefix, len(gotRows), len(wantRows), firstDifference(gotRows, wantRows))
		}
	}
}

// TestBadArguments checks that flag mistakes stop the run before Beam
// starts, with exit code 2.
func TestBadArguments(t *testing.T) {
	tmp := t.TempDir()
	badRules := filepath.Join(tmp, "rules.yaml")
	writeFile(t, badRules, "windw: 3\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"x.txt"}, "--output PREFIX is required"},
		{[]string{"--output", tmp + "/o"}, "no input"},
		{[]string{"--output", tmp + "/o", "--format", "xlsx", "x.txt"}, `--format "xlsx"`},
		{[]string{"--output", tmp + "/o", "--shards", "0", "x.txt"}, "--shards 0"},
		{[]string{"--output", tmp + "/o", "-"}, "standard input"},
		{[]string{"--output", tmp + "/o", "--config", badRules, "x.txt"}, badRules + `:1:1: unknown key "windw" in the top level`},
	} {
		code, stderr := command(t, "", os.Args[0], tt.args, []string{asCommand + "=1"})
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
}

// goRun runs the go command in dir: repoRoot for the main module's
// commands, "." for this module's.
func goRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// command runs a program in dir ("" for this one) to its end, or kills it
// after runTimeout, and returns its exit code and standard error. The
// program gets a process group of its own, killed at the end with whatever
// is left in it: worker processes outlive the runner by a few seconds.
func command(t *testing.T, dir, name string, args, env []string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	// A file, not a pipe: Wait would wait for the workers that inherit it.
	stderr, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	cmd.Stderr = stderr
	err = cmd.Run()
	if cmd.Process != nil {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	logged, _ := os.ReadFile(stderr.Name())
	if ctx.Err() != nil {
		t.Fatalf("%s did not finish in %v (a hung worker?); killed. stderr:\n%s", filepath.Base(name), runTimeout, logged)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", name, err)
	}
	return cmd.ProcessState.ExitCode(), string(logged)
}

// readRows returns a file's rows as comparable strings: CSV records (a
// sentence may hold a line break) after checking the header, or JSON Lines
// as they are.
func readRows(t *testing.T, format, path string, columns []string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if format == "jsonl" {
		return strings.SplitAfter(string(data), "\n")[:strings.Count(string(data), "\n")]
	}
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil || !slices.Equal(header, columns) {
		t.Fatalf("%s: header %q (%v), want %q", path, header, err, columns)
	}
	var rows []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, strings.Join(rec, "\x1f"))
	}
}

func firstDifference(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return "got  " + got[i] + "\nwant " + want[i]
		}
	}
	if len(got) > len(want) {
		return "extra " + got[len(want)]
	}
	if len(want) > len(got) {
		return "missing " + want[len(got)]
	}
	return ""
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
