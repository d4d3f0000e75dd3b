package output

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dirNames lists a directory, to see that no temporary file is left.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestAtomicFile(t *testing.T) {
	old := []byte("old,contents\n")
	tests := []struct {
		name     string
		previous bool // a file is already at the path
		commit   bool
		want     []byte // contents at the path afterwards; nil: no file
	}{
		{"commit replaces", true, true, []byte("new")},
		{"commit creates", false, true, []byte("new")},
		{"abort keeps previous", true, false, old},
		{"abort leaves nothing", false, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "figures.csv")
			if tt.previous {
				if err := os.WriteFile(path, old, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			f, err := CreateAtomic(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Abort() // must be harmless after Commit
			if _, err := f.Write([]byte("new")); err != nil {
				t.Fatal(err)
			}
			if names := dirNames(t, dir); len(names) != 1+btoi(tt.previous) {
				t.Errorf("while writing, directory holds %q: want the temporary file beside the target", names)
			}
			if tt.commit {
				err = f.Commit()
			} else {
				err = f.Abort()
			}
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if tt.want == nil {
				if !os.IsNotExist(err) {
					t.Errorf("file exists after abort: %q, %v", got, err)
				}
			} else if err != nil || !bytes.Equal(got, tt.want) {
				t.Errorf("contents = %q, %v; want %q", got, err, tt.want)
			}
			var wantNames []string
			if tt.want != nil {
				wantNames = []string{"figures.csv"}
			}
			if names := dirNames(t, dir); !slices.Equal(names, wantNames) {
				t.Errorf("directory holds %q, want %q", names, wantNames)
			}
			if tt.commit {
				want := os.FileMode(0o644) // a new file's, or the replaced file's 0600
				if tt.previous {
					want = 0o600
				}
				if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
					t.Errorf("mode = %v, %v; want %v", fi.Mode(), err, want)
				}
			}
			if err := f.Abort(); err != nil {
				t.Errorf("second Abort: %v", err)
			}
			if err := f.Commit(); err == nil {
				t.Error("Commit after Commit/Abort succeeded")
			}
			if _, err := f.Write([]byte("x")); err == nil {
				t.Error("Write after Commit/Abort succeeded")
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestCreateAtomicAppend(t *testing.T) {
	tests := []struct {
		name     string
		previous string // "" for no file
		commit   bool
		want     string
	}{
		{"append to existing", "header\nrow1\n", true, "header\nrow1\nrow2\n"},
		{"append to missing", "", true, "row2\n"},
		{"append to empty", "", true, "row2\n"}, // existed is false: a CSV gets its header
		{"append to a last line without its line break", "header\nrow1", true, "header\nrow1\nrow2\n"},
		{"abort keeps existing byte for byte", "header\nrow1\n", false, "header\nrow1\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "figures.jsonl")
			if tt.previous != "" || tt.name == "append to empty" {
				if err := os.WriteFile(path, []byte(tt.previous), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			f, existed, err := CreateAtomicAppend(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Abort()
			if existed != (tt.previous != "") {
				t.Errorf("existed = %v", existed)
			}
			if _, err := f.Write([]byte("row2\n")); err != nil {
				t.Fatal(err)
			}
			if tt.commit {
				err = f.Commit()
			} else {
				err = f.Abort()
			}
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != tt.want {
				t.Errorf("contents = %q, want %q", got, tt.want)
			}
			if names := dirNames(t, dir); len(names) != 1 {
				t.Errorf("directory holds %q, want only the target", names)
			}
		})
	}
}

func TestAtomicErrorsNamePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing-dir", "out.xlsx")
	if _, err := CreateAtomic(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("CreateAtomic error = %v, want one naming %s", err, path)
	}
	if _, _, err := CreateAtomicAppend(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("CreateAtomicAppend error = %v, want one naming %s", err, path)
	}
	// The target is a directory: refused before any temporary file.
	dir := t.TempDir()
	target := filepath.Join(dir, "taken")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := CreateAtomic(target); err == nil || !strings.Contains(err.Error(), target) {
		t.Errorf("CreateAtomic over a directory = %v, want an error naming %s", err, target)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"taken"}) {
		t.Errorf("directory holds %q after a refused create", names)
	}
}

// TestAtomicWithWriter is the intended use: an export that fails midway
// leaves the previous file as it was.
func TestAtomicWithWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "figures.xlsx")
	for _, n := range []int{3, 5} {
		f, err := CreateAtomic(path)
		if err != nil {
			t.Fatal(err)
		}
		w, err := New("xlsx", f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		figs := manyFigures(n)
		for i := range figs {
			if err := w.Write(&figs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if n == 3 {
			if err := f.Commit(); err != nil {
				t.Fatal(err)
			}
		} else if err := f.Abort(); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := openXLSX(t, b).GetRows("Figures")
	if err != nil || len(rows) != 4 {
		t.Errorf("committed workbook has %d rows (%v), want header and 3", len(rows), err)
	}
}

func TestCreateAtomicNamesTheMissingDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "no", "such")
	_, err := CreateAtomic(filepath.Join(dir, "out.csv"))
	if err == nil || !strings.Contains(err.Error(), "directory "+dir+" does not exist") || strings.Contains(err.Error(), ".tmp-") {
		t.Errorf("err = %v, want it to name the directory %s and no temporary file", err, dir)
	}
}
