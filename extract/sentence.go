package extract

// span is a half-open byte range [start, end). Sentences come from the
// shared text layer (package text), which splits them for both passes.
type span struct{ start, end int }
