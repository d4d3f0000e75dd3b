// Package batch runs an Extractor over a stream of documents with several
// workers while keeping the output in input order, so the bytes written do
// not depend on the number of workers. At most a fixed window of documents
// is in flight, so memory is bounded by the largest documents, not by the
// corpus.
package batch
