// Package tally holds the default rules, config.yaml, embedded so the binary
// works with no files around it. The code lives in extract (finding
// figures), schema (the records), output (the file formats) and cmd/tally.
package tally

import _ "embed"

// DefaultConfig is config.yaml as shipped.
//
//go:embed config.yaml
var DefaultConfig []byte
