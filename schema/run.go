package schema

import "time"

// Run describes one tally run, for the About sheet of a workbook: enough
// to tell later which program, rules and inputs produced the figures.
type Run struct {
	Version     string // tally's version
	ConfigPath  string // the rules file, or empty for the embedded default
	ConfigHash  string // hex SHA-256 of the rules as read
	CommandLine string
	Started     time.Time
	Finished    time.Time // zero while the run is going on
	Inputs      int       // paths given
	Documents   int       // documents read from them
	Figures     int       // figures written
	Errors      int       // inputs or documents that failed
}
