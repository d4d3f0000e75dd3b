package claim

import "testing"

// ShippedConfig returns the claims rules of the shipped config.yaml,
// decoded by extract.DecodeConfig; the external tests set it (see
// helpers_test.go) so the internal ones decode as the CLI does.
var ShippedConfig func(testing.TB) Config

// BenchDocs lends the external tests the extract benchmark's documents.
var BenchDocs = benchDocs
