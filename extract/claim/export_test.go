package claim

// BenchDocs lends the external tests the extract benchmark's documents.
var BenchDocs = benchDocs
