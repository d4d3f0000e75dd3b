package input

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// walk calls visit for each file under root that is read: in lexical
// order (filepath.WalkDir's), so that the same tree always gives the same
// output.
func (o *options) walk(root string, visit func(path string) error, report func(*Error)) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable directory is reported and the walk goes on
			// with its siblings.
			report(&Error{Path: p, Err: pathless(err)})
			if d != nil && d.IsDir() && p != root {
				return filepath.SkipDir
			}
			return nil
		}
		if p == root {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if matchAny(o.Exclude, name, rel) {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			// WalkDir does not follow symlinks, to avoid cycles; a link to
			// a regular file is still read, links to anything else are not.
			fi, err := os.Stat(p)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
		}
		if !o.picks(name, rel) {
			return nil
		}
		return visit(p)
	})
}

// picks reports whether a walked file is read: a known extension or an
// Include match, and no Exclude match.
func (o *options) picks(name, rel string) bool {
	if matchAny(o.Exclude, name, rel) {
		return false
	}
	if len(o.Include) > 0 {
		return matchAny(o.Include, name, rel)
	}
	f, _ := splitExt(name)
	return f != ""
}

// matchAny reports whether a glob matches the base name or the relative
// path. Patterns were checked in normalise, so Match errors cannot occur.
func matchAny(globs []string, name, rel string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(g, name); ok {
			return true
		}
		if ok, _ := path.Match(g, rel); ok {
			return true
		}
	}
	return false
}
