package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"
	"unsafe"
)

// State remembers what earlier runs processed, so a nightly run over a
// growing archive extracts only new and changed documents. It is valid only
// for the rules it was made with: a different config hash starts afresh.
//
// A run asks it from the goroutine that reads inputs (UnchangedFile, Seen,
// MarkFile) while the one that writes output records documents (Mark), so
// every method holds mu.
type State struct {
	mu sync.Mutex

	ConfigHash string `json:"config_hash"`
	// Files holds the size and modification time of each input file fully
	// processed: an unchanged file is skipped without being read.
	Files map[string]FileStamp `json:"files"`
	// Docs holds the content hash of each document processed, by source.
	Docs map[string]string `json:"docs"`

	// pending holds the hashes Seen computed for documents not yet marked.
	pending map[string]string
	// fresh says why the state starts empty, "" if it was read.
	fresh string
}

// FileStamp identifies a file's version without reading it.
type FileStamp struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
}

// LoadState reads a state file. A missing, empty or null file, or one made
// with other rules, gives an empty state for configHash whose Fresh says
// which.
func LoadState(path, configHash string) (*State, error) {
	fresh := &State{ConfigHash: configHash, Files: map[string]FileStamp{}, Docs: map[string]string{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		fresh.fresh = "missing"
		return fresh, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	switch strings.TrimSpace(string(data)) {
	case "":
		fresh.fresh = "empty"
		return fresh, nil
	case "null":
		fresh.fresh = "null"
		return fresh, nil
	}
	var s State
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("state %s: not a tally state file: %v", path, err)
	}
	if s.ConfigHash != configHash || s.Files == nil || s.Docs == nil {
		fresh.fresh = "made with other rules"
		return fresh, nil
	}
	return &s, nil
}

// Fresh says why the state holds nothing from an earlier run ("missing",
// "empty", "null", "made with other rules"), or "" if it was read.
func (s *State) Fresh() string { return s.fresh }

// Forget empties the state, as if no run had happened before.
func (s *State) Forget() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Files, s.Docs, s.pending = map[string]FileStamp{}, map[string]string{}, nil
}

// UnchangedFile reports whether the file was fully processed before and has
// not changed since.
func (s *State) UnchangedFile(path string, info fs.FileInfo) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.Files[path]
	return ok && st.Size == info.Size() && st.ModTime.Equal(info.ModTime())
}

// MarkFile records a file as fully processed.
func (s *State) MarkFile(path string, info fs.FileInfo) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.Files[path] = FileStamp{Size: info.Size(), ModTime: info.ModTime()}
}

// Seen reports whether a document with this source and text was processed.
// A new one's hash is kept for Mark, so each text is hashed once.
func (s *State) Seen(source, text string) bool {
	h := ContentHash(text) // outside the lock: the other side need not wait for it
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Docs[source] == h {
		return true
	}
	if s.pending == nil {
		s.pending = map[string]string{}
	}
	s.pending[source] = h
	return false
}

// Mark records a document as processed.
func (s *State) Mark(source, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	h, ok := s.pending[source]
	if !ok {
		h = ContentHash(text) // only for a document Seen was not asked about
	}
	delete(s.pending, source)
	s.Docs[source] = h
}

// Documents is how many documents the state remembers.
func (s *State) Documents() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.Docs)
}

// Encode returns the state file's bytes.
func (s *State) Encode() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.MarshalIndent(s, "", " ")
}

// ContentHash identifies a document's text.
func ContentHash(text string) string {
	// A read-only view of the text: converting it would copy every
	// document once more (a third of the cost of hashing it).
	sum := sha256.Sum256(unsafe.Slice(unsafe.StringData(text), len(text)))
	return hex.EncodeToString(sum[:16])
}
