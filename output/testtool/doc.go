// Package testtool finds the programs tests open tally's files with
// (soffice, chromium, sqlite3, DuckDB). Where one is missing the test is
// skipped, unless TALLY_REQUIRE_TOOLS is set, as CI does: there a missing
// tool must fail, not pass silently.
package testtool
