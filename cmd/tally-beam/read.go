package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/tally-news/tally/extract/input"
	"github.com/tally-news/tally/schema"
)

// Reading happens in two steps, each a DoFn, so that a runner can spread
// the second over its workers: listFn turns each path or glob given on the
// command line into the files tally extract would read for it, and readFn
// reads one file into documents with package input, exactly as tally
// extract reads it. Local paths must be on a filesystem every worker
// mounts; a path with a scheme (gs://bucket/feeds/*.jsonl.gz) goes through
// Beam's filesystems, which every worker reaches.

// inputSettings are the reading flags, carried to the workers inside the
// DoFns (exported fields are what Beam serialises).
type inputSettings struct {
	Include, Exclude []string
	Format           string
}

func (in inputSettings) options() input.Options {
	return input.Options{Include: in.Include, Exclude: in.Exclude, Format: in.Format}
}

var (
	filesListed = beam.NewCounter("tally", "files")
	documents   = beam.NewCounter("tally", "documents")
	inputErrors = beam.NewCounter("tally", "input_errors")
)

// listFn emits the files one command-line argument names: the file
// itself, the files a directory walk picks (hidden entries skipped, known
// extensions or --include), or the matches of a glob, each walked the same
// way. A path or glob that names nothing is an input error.
type listFn struct {
	Input inputSettings
}

func (fn *listFn) ProcessElement(ctx context.Context, arg string, emitFile, emitError func(string)) error {
	emit := func(path string) error {
		filesListed.Inc(ctx, 1)
		emitFile(path)
		return nil
	}
	if isRemote(arg) {
		return fn.listRemote(ctx, arg, emit, emitError)
	}
	paths := []string{arg}
	if _, err := os.Stat(arg); err != nil && hasMeta(arg) {
		matches, err := filepath.Glob(arg)
		if err != nil {
			reportError(ctx, emitError, fmt.Sprintf("%s: %v", arg, err))
			return nil
		}
		if len(matches) == 0 {
			reportError(ctx, emitError, arg+": no file matches")
			return nil
		}
		paths = matches
	}
	return input.Files(paths, fn.Input.options(), emit, func(e *input.Error) { reportError(ctx, emitError, e.Error()) })
}

// listRemote lists the objects a remote path or glob names. Object stores
// have no directories to walk: each match is read by its extension.
func (fn *listFn) listRemote(ctx context.Context, glob string, emit func(string) error, emitError func(string)) error {
	fsys, err := beamFilesystem(ctx, glob)
	if err != nil {
		return err
	}
	defer fsys.Close()
	matches, err := fsys.List(ctx, glob)
	if err != nil {
		reportError(ctx, emitError, fmt.Sprintf("%s: %v", glob, err))
		return nil
	}
	if len(matches) == 0 {
		reportError(ctx, emitError, glob+": no file matches")
	}
	for _, m := range matches {
		if err := emit(m); err != nil {
			return err
		}
	}
	return nil
}

// beamFilesystem returns the Beam filesystem a path is on (gs://, memfs://,
// local...); its error names the path.
func beamFilesystem(ctx context.Context, path string) (filesystem.Interface, error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fsys, nil
}

// isRemote reports whether a path names a file on one of Beam's
// filesystems other than the local disk.
func isRemote(path string) bool {
	return strings.Contains(path, "://")
}

// hasMeta reports whether a path is a glob pattern for filepath.Glob.
func hasMeta(path string) bool {
	return strings.ContainsAny(path, `*?[`)
}

// readFn reads one file into its documents; a bad file, line or record is
// an input error and the rest of the file is still read.
type readFn struct {
	Input inputSettings
}

func (fn *readFn) ProcessElement(ctx context.Context, path string, emitDoc func(schema.Document), emitError func(string)) error {
	opts := fn.Input.options()
	if isRemote(path) {
		fsys, err := beamFilesystem(ctx, path)
		if err != nil {
			return err
		}
		defer fsys.Close()
		opts.Open = func(name string) (io.ReadCloser, error) { return fsys.OpenRead(ctx, name) }
	}
	_, err := input.Read([]string{path}, opts, func(d schema.Document) error {
		documents.Inc(ctx, 1)
		emitDoc(d)
		return nil
	}, func(e *input.Error) { reportError(ctx, emitError, e.Error()) })
	return err
}

// reportError logs an input error (the runner shows worker warnings), counts
// it for the summary, and emits it for the errors file.
func reportError(ctx context.Context, emit func(string), msg string) {
	log.Warn(ctx, msg)
	inputErrors.Inc(ctx, 1)
	emit(msg)
}
