package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tally-news/tally/schema/skips"
)

// TestKilledRunLeavesPreviousOutput kills a real tally run while it writes
// and checks that the previous output file is untouched: figures go to a
// temporary file that is renamed into place only when complete.
func TestKilledRunLeavesPreviousOutput(t *testing.T) {
	if testing.Short() {
		skips.Skip(t, "builds the binary and writes a large corpus")
	}
	bin := tallyBinary(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(corpus)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 60000; i++ {
		fmt.Fprintf(f, `{"id":"%d","text":"At least %d people were killed and %d homes destroyed, officials said. Rescuers evacuated %d residents."}`+"\n", i, i%90+2, i%400+10, i%900+20)
	}
	f.Close()

	// Parquet and SQLite too: their temporary file holds a row group or
	// spilled pages by the time the run is killed.
	for _, ext := range []string{"csv", "parquet", "sqlite"} {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGKILL} {
			t.Run(ext+"/"+sig.String(), func(t *testing.T) {
				out := filepath.Join(dir, "figures-"+strings.ReplaceAll(sig.String(), " ", "")+"."+ext)
				previous := "source,value\nyesterday.txt,42\n"
				if err := os.WriteFile(out, []byte(previous), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(bin, "extract", corpus, "-o", out, "--jobs", "1")
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				waitForTemp(t, out)
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
				err := waitBounded(t, cmd, 30*time.Second)
				if err == nil {
					t.Fatal("the run finished before it was killed; make the corpus larger")
				}
				got, readErr := os.ReadFile(out)
				if readErr != nil || string(got) != previous {
					t.Fatalf("previous output changed after %v: %q %v", sig, got, readErr)
				}
				if sig != syscall.SIGKILL {
					if code := cmd.ProcessState.ExitCode(); code != exitFatal {
						t.Errorf("exit code %d after %v, want %d", code, sig, exitFatal)
					}
					if temps, _ := filepath.Glob(filepath.Join(dir, "."+filepath.Base(out)+".tmp-*")); len(temps) > 0 {
						t.Errorf("temporary files left after %v: %v", sig, temps)
					}
				}
			})
		}
	}
}

// waitForTemp waits until the run has started writing its temporary file.
func waitForTemp(t *testing.T, out string) {
	t.Helper()
	pattern := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".tmp-*")
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(pattern); len(m) > 0 {
			if st, err := os.Stat(m[0]); err == nil && st.Size() > 0 {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("no temporary output appeared")
}
