package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tally-news/tally/schema/skips"
)

// The tests that run tally as a real process share one binary, built once.
var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// TestMain ends the run with the tests that were skipped and why (see
// package skips), then removes the shared binary.
func TestMain(m *testing.M) {
	code := skips.Main(m)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// tallyBinary builds the command once per test run; tests that need it are
// skipped with -short.
func tallyBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		skips.Skip(t, "builds the binary")
	}
	binOnce.Do(func() {
		if binDir, binErr = os.MkdirTemp("", "tally-test-bin-"); binErr != nil {
			return
		}
		binPath = filepath.Join(binDir, "tally")
		var out []byte
		if out, binErr = exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); binErr != nil {
			binErr = &buildError{binErr, string(out)}
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return "build: " + e.err.Error() + "\n" + e.out }

// waitBounded waits for a started process at most d; past it the process
// is killed and the test fails, so a hang costs one named test, never the
// whole package.
func waitBounded(t *testing.T, cmd *exec.Cmd, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%s did not exit within %v: killed", filepath.Base(cmd.Path), d)
		return nil
	}
}
