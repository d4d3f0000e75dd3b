// Package configerr is the error a rule set reports when an entry is wrong,
// shared by the extractor and its claims rules so both read alike.
package configerr
