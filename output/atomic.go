package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// AtomicFile is an output file that appears at its path complete or not at
// all: writes go to a temporary file in the same directory (a rename is only
// atomic within one file system) that Commit renames over the path. A reader,
// or a crash, never sees half an export, and a failed run leaves the previous
// file untouched.
//
// A path that is a symbolic link is written through: the file it points to
// is replaced and the link stays. The replaced file's permissions are kept
// (a new file is 0644, as exports are meant to be shared); a file without
// write permission is refused, not replaced.
type AtomicFile struct {
	path   string // the file replaced: the path, or what its link points to
	tmp    *os.File
	mode   os.FileMode
	done   bool // committed or aborted
	staged bool // synced and closed, ready to rename
}

// CreateAtomic starts an empty file that will replace path on Commit.
func CreateAtomic(path string) (*AtomicFile, error) {
	target, mode, err := Target(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, tempPrefix(target)+"*")
	if err != nil {
		// Name the directory, not the temporary file the user never asked for.
		if info, serr := os.Stat(dir); serr != nil || !info.IsDir() {
			return nil, fmt.Errorf("output: cannot create %s: directory %s does not exist", path, dir)
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("output: cannot create %s in directory %s: %w", path, dir, err)
	}
	return &AtomicFile{path: target, tmp: tmp, mode: mode}, nil
}

// Target is the file that writing path replaces (path, or the file its
// symbolic link points to) and the permissions it will have. A file that
// exists without write permission is an error.
func Target(path string) (string, os.FileMode, error) {
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	} else if link, lerr := os.Readlink(path); lerr == nil {
		// A dangling link: create what it points to.
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		target = link
	}
	info, err := os.Stat(target)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return target, 0o644, nil
	case err != nil:
		return "", 0, fmt.Errorf("output: %s: %w", path, err)
	case !info.Mode().IsRegular():
		return "", 0, fmt.Errorf("output: %s is not a regular file", path)
	case info.Mode().Perm()&0o222 == 0:
		return "", 0, fmt.Errorf("output: %s is read-only: make it writable or choose another file", path)
	}
	return target, info.Mode().Perm(), nil
}

// tempPrefix starts the names of the temporary files that replace path.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".tmp-" }

// RemoveStaleTemps removes the temporary files an earlier run writing path
// left when it was killed, those last changed before since. The caller
// holds path's lock, so no running tally writes them.
func RemoveStaleTemps(path string, since time.Time) error {
	target, _, err := Target(path)
	if err != nil {
		return err
	}
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(target), globEscape(tempPrefix(target))+"*"))
	var errs []error
	for _, name := range stale {
		if info, err := os.Lstat(name); err == nil && info.Mode().IsRegular() && info.ModTime().Before(since) {
			if err := os.Remove(name); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// globEscape quotes the characters filepath.Match treats as a pattern.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
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

// Commit syncs the temporary file and renames it over path. On failure
// the temporary file is removed and path is left as it was.
func (f *AtomicFile) Commit() error {
	if err := f.stage(); err != nil {
		return err
	}
	return f.rename()
}

// stage gives the temporary file its permissions, syncs and closes it:
// everything of a commit that can fail for want of space.
func (f *AtomicFile) stage() error {
	if f.done || f.staged {
		return fmt.Errorf("output: commit %s: already committed or aborted", f.path)
	}
	err := f.tmp.Chmod(f.mode)
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	f.staged = true
	if err != nil {
		f.done = true
		_ = os.Remove(f.tmp.Name())
		return fmt.Errorf("output: commit %s: %w", f.path, err)
	}
	return nil
}

// rename puts a staged file in place.
func (f *AtomicFile) rename() error {
	f.done = true
	if err := os.Rename(f.tmp.Name(), f.path); err != nil {
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
	var cerr error
	if !f.staged {
		cerr = f.tmp.Close()
	}
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
