// Package rulesfile reads a rules file (config.yaml, or a user's copy of
// it) into its Go struct, and points at the line and column of whatever is
// wrong in it: a key the struct does not have, a value of the wrong kind,
// or an entry the rules compiler refused. The CLI and the tests decode
// through it, so every test runs the production decoder.
package rulesfile
