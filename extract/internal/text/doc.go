// Package text is the text layer the figure pass (package extract) and the
// claims pass (package claim) share: a document's line breaks, found once,
// and its sentences, cut by one splitter (Splitter) and kept per line by
// the document (Doc), so that a line either pass reads is split once and
// both see the same sentences.
package text
