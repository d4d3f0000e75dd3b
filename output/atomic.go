package output

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// AtomicFile is an output file that appears at its path complete or not at
// all: writes go to a temporary file in the same directory (a rename is only
// atomic within one file system) that Commit renames over the path. A reader,
// or a crash, never sees half an export, and a failed run leaves the previous
// file untouched.
type AtomicFile struct {
	path string
	tmp  *os.File
	done bool // committed or aborted
}

// CreateAtomic starts an empty file that will replace path on Commit.
func CreateAtomic(path string) (*AtomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("output: create %s: %w", path, err)
	}
	return &AtomicFile{path: path, tmp: tmp}, nil
}

// CreateAtomicAppend starts a file that will replace path on Commit,
// beginning with a copy of path's current bytes (see CreateAtomicCopy), so
// an append that fails midway leaves the original as it was. existed
// reports whether path had bytes to copy; if not (missing or empty), the
// file starts empty and a writer starts it as a new one, header included.
// A file whose last line has no line break (edited by hand) gets one, so
// the first new row does not join the last old one.
func CreateAtomicAppend(path string) (f *AtomicFile, existed bool, err error) {
	f, n, err := CreateAtomicCopy(path)
	if err != nil || n == 0 {
		return f, false, err
	}
	var last [1]byte
	if _, err = f.tmp.ReadAt(last[:], n-1); err == nil && last[0] != '\n' {
		_, err = f.tmp.Write([]byte{'\n'})
	}
	if err != nil {
		return nil, false, errors.Join(fmt.Errorf("output: append to %s: %w", path, err), f.Abort())
	}
	return f, true, nil
}

// CreateAtomicCopy starts a file that will replace path on Commit,
// beginning with an exact copy of path's bytes, n of them (none if path
// is missing), for a writer that changes a file in place (SQLite): the
// original stays as it was until the changed copy is committed.
func CreateAtomicCopy(path string) (f *AtomicFile, n int64, err error) {
	src, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		f, err = CreateAtomic(path)
		return f, 0, err
	}
	if err != nil {
		return nil, 0, fmt.Errorf("output: append to %s: %w", path, err)
	}
	defer src.Close()
	f, err = CreateAtomic(path)
	if err != nil {
		return nil, 0, err
	}
	if n, err = io.Copy(f.tmp, src); err != nil {
		return nil, 0, errors.Join(fmt.Errorf("output: append to %s: copy: %w", path, err), f.Abort())
	}
	return f, n, nil
}

// Name returns the temporary file's path, where the bytes are until
// Commit, for a writer that must open the file by name (SQLite).
func (f *AtomicFile) Name() string { return f.tmp.Name() }

// Write writes to the temporary file.
func (f *AtomicFile) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("output: write %s: %w", f.path, os.ErrClosed)
	}
	n, err := f.tmp.Write(p)
	if err != nil {
		return n, fmt.Errorf("output: write %s: %w", f.path, err)
	}
	return n, nil
}

// Commit syncs the temporary file and renames it over path. Nothing of a
// previous file at path (mode, owner, links) is kept; the new file is 0644,
// not CreateTemp's 0600, because exports are meant to be shared. On failure
// the temporary file is removed and path is left as it was.
func (f *AtomicFile) Commit() error {
	if f.done {
		return fmt.Errorf("output: commit %s: already committed or aborted", f.path)
	}
	f.done = true
	err := f.tmp.Chmod(0o644)
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		_ = os.Remove(f.tmp.Name())
		return fmt.Errorf("output: commit %s: %w", f.path, err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// Abort closes and removes the temporary file, leaving path as it was. It
// does nothing after Commit or Abort, so `defer f.Abort()` is safe.
func (f *AtomicFile) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	cerr := f.tmp.Close()
	if err := os.Remove(f.tmp.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("output: abort %s: %w", f.path, err)
	}
	if cerr != nil && !errors.Is(cerr, os.ErrClosed) {
		return fmt.Errorf("output: abort %s: %w", f.path, cerr)
	}
	return nil
}

// syncDir makes the rename durable on systems that support syncing a
// directory; where they do not (Windows), the rename has still happened,
// so failures are ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
