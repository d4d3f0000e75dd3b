// Package text is the text layer the figure pass (package extract) and the
// claims pass (package claim) share: a document's line breaks, found once,
// and its sentences, cut by one splitter (Splitter) and kept per line by
// the document (Doc), so that a line either pass reads is split once and
// both see the same sentences; and the vocabulary (Vocab) that numbers
// every word the rules name, with one key normalisation (AppendKey), so
// that both passes match phrases by comparing ids. Both passes import it
// as txt: "text" names the document's string in their code.
package text
