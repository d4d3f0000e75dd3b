package output

import (
	"errors"
	"fmt"
)

// CommitSet is the files one run writes (the output, then facts, tolls,
// the state...), committed together: every file is staged (synced and
// closed, which is where a full disk shows) before the first rename, so a
// failure up to then leaves every previous file as it was. A rename can
// still fail after an earlier one succeeded; Commit then says which files
// were updated and which were not.
type CommitSet struct {
	files []*AtomicFile
	names []string
}

// Add puts f in the set under a name for messages ("output", "state").
// Files are renamed in the order they were added: the output first, the
// state last, so a state is never saved for an output that was not.
func (c *CommitSet) Add(name string, f *AtomicFile) {
	c.files = append(c.files, f)
	c.names = append(c.names, name)
}

// PartialCommitError is a commit that renamed some files but not all.
type PartialCommitError struct {
	Updated, NotSaved []string // names as given to Add
	Err               error
}

func (e *PartialCommitError) Error() string {
	return fmt.Sprintf("%s updated, %s not saved: %v", joinNames(e.Updated), joinNames(e.NotSaved), e.Err)
}

func (e *PartialCommitError) Unwrap() error { return e.Err }

func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return "nothing"
	case 1:
		return names[0]
	}
	s := names[0]
	for _, n := range names[1 : len(names)-1] {
		s += ", " + n
	}
	return s + " and " + names[len(names)-1]
}

// Commit stages every file, then renames them in order. An error before
// the first rename leaves every path as it was; after it, the error is a
// *PartialCommitError.
func (c *CommitSet) Commit() error {
	for i, f := range c.files {
		if err := f.stage(); err != nil {
			c.Abort()
			return fmt.Errorf("%s: %w", c.names[i], err)
		}
	}
	for i, f := range c.files {
		if err := f.rename(); err != nil {
			c.Abort()
			if i == 0 {
				return err
			}
			return &PartialCommitError{Updated: c.names[:i], NotSaved: c.names[i:], Err: err}
		}
	}
	return nil
}

// Abort removes the temporary files not yet renamed.
func (c *CommitSet) Abort() error {
	var errs []error
	for _, f := range c.files {
		errs = append(errs, f.Abort())
	}
	return errors.Join(errs...)
}
