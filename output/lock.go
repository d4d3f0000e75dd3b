package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Lock is an exclusive lock on a file a run writes, held from before the
// run reads it (an --append output, a --state file) to after it commits,
// so two runs at once cannot each keep only their own rows. It is an
// flock(2) on a lock file beside the target, ".NAME.lock", which holds the
// owner's pid; the lock file stays, as removing it would let a third run
// lock a new file while a second still waits on the old one.
type Lock struct {
	fl    *flock.Flock
	Taken time.Time // when the lock was taken
}

// LockedError is a file another run holds.
type LockedError struct {
	Path string
	PID  int // 0 when unknown
}

func (e *LockedError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("%s is locked by another tally run (pid %d)", e.Path, e.PID)
	}
	return fmt.Sprintf("%s is locked by another tally run", e.Path)
}

// LockFile takes the lock of the file path writes (through a symbolic
// link, the file it points to), or returns a *LockedError at once if
// another process holds it.
func LockFile(path string) (*Lock, error) {
	target, _, err := Target(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".lock")
	fl := flock.New(name, flock.SetFlag(os.O_CREATE|os.O_RDWR))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if !ok {
		data, _ := os.ReadFile(name)
		pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
		return nil, &LockedError{Path: path, PID: pid}
	}
	l := &Lock{fl: fl, Taken: time.Now()}
	if err := os.WriteFile(name, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o644); err != nil {
		_ = l.Unlock()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return l, nil
}

// Unlock releases the lock; it is safe on a nil Lock.
func (l *Lock) Unlock() error {
	if l == nil {
		return nil
	}
	return l.fl.Unlock()
}
