package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
)

// embeddedName is how errors and the About sheet name the built-in rules.
const embeddedName = "config.yaml (embedded)"

// ruleSet is a rules file as read: where it came from, its bytes and hash
// (which decides whether incremental state is still valid), and its config.
type ruleSet struct {
	name string
	hash string
	cfg  extract.Config
}

// loadRules reads and decodes a rules file, or the embedded default when
// path is empty, with extract.DecodeConfig. Errors name the file, line and
// column. Viper reads the command's settings, not the rules.
func loadRules(path string) (*ruleSet, error) {
	rs := &ruleSet{name: embeddedName}
	data := tally.DefaultConfig
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		rs.name = path
	}
	sum := sha256.Sum256(data)
	rs.hash = hex.EncodeToString(sum[:])
	var err error
	if rs.cfg, err = extract.DecodeConfig(rs.name, data); err != nil {
		return nil, err
	}
	return rs, nil
}

// extractor compiles the rules; a rule error names the file, line, column
// and key.
func (rs *ruleSet) extractor(opts extract.Options) (*extract.Extractor, error) {
	return extract.New(rs.cfg, opts)
}
