package output

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestCommitSet renames a set of files together; when a later rename fails
// the error says which were updated, and no temporary file stays.
func TestCommitSet(t *testing.T) {
	dir := t.TempDir()
	out, state := filepath.Join(dir, "figures.csv"), filepath.Join(dir, "tally.state")
	create := func(path, text string) *AtomicFile {
		f, err := CreateAtomic(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
		return f
	}
	var set CommitSet
	set.Add("output", create(out, "rows"))
	set.Add("state", create(state, "{}"))
	if err := set.Commit(); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{out: "rows", state: "{}"} {
		if got, err := os.ReadFile(path); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", path, got, err, want)
		}
	}

	// The state's rename fails: its path became a directory meanwhile.
	set = CommitSet{}
	set.Add("output", create(out, "more rows"))
	set.Add("state", create(state, "{new}"))
	if err := os.Remove(state); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(state, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	err := set.Commit()
	var partial *PartialCommitError
	if !errors.As(err, &partial) || !strings.Contains(err.Error(), "output updated, state not saved") {
		t.Fatalf("Commit = %v, want output updated, state not saved", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "more rows" {
		t.Errorf("output = %q, want the new rows", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"figures.csv", "tally.state"}) {
		t.Errorf("directory holds %q, want no temporary file", names)
	}
}

// TestAtomicThroughLink writes through a symbolic link, keeps the file's
// mode, and refuses a read-only file.
func TestAtomicThroughLink(t *testing.T) {
	dir := t.TempDir()
	real, link := filepath.Join(dir, "real.csv"), filepath.Join(dir, "link.csv")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.csv", link); err != nil {
		t.Fatal(err)
	}
	f, err := CreateAtomic(link)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced: %v, %v", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("target = %q, want new", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640 kept", fi.Mode())
	}
	if err := os.Chmod(real, 0o444); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateAtomic(link); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("CreateAtomic on a read-only file = %v, want refused", err)
	}
}

// TestRemoveStaleTemps removes an earlier run's temporary files and no
// other file.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "figures.csv")
	for _, name := range []string{".figures.csv.tmp-123", ".other.csv.tmp-1", "figures.csv"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fresh, err := CreateAtomic(path) // this run's own, newer than since
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Abort()
	old := filepath.Join(dir, ".figures.csv.tmp-123")
	past := fileTime(t, old).Add(-1e9)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if err := RemoveStaleTemps(path, fileTime(t, fresh.tmp.Name())); err != nil {
		t.Fatal(err)
	}
	names := dirNames(t, dir)
	if slices.Contains(names, ".figures.csv.tmp-123") || !slices.Contains(names, ".other.csv.tmp-1") || !slices.Contains(names, filepath.Base(fresh.tmp.Name())) {
		t.Errorf("after cleaning: %q", names)
	}
}

func fileTime(t *testing.T, path string) time.Time {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}
