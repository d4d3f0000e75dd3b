// Package claim annotates a figure with what a newsroom needs to weigh it:
// who it is attributed to, how the article hedges it, when the counted
// event happened and where.
//
// A figure's annotation reads its sentence, its paragraph (the line around
// the sentence), a few lines after it (for disclaimers) and, only when a
// pronoun or bare surname needs a name, a bounded stretch before it. All
// word lists live in the claims section of config.yaml (see Config); New
// compiles them once, and the Annotator is then read-only and shared by
// all goroutines. Scratch buffers come from a pool, and attributions are
// substrings of the text.
//
// AnnotateAll annotates every figure of a document, reading it once
// (all.go, the scheduler; window.go): one window of tokens that carry word
// ids from the rules' vocabulary (vocab.go), sentences split once a line by
// the splitter the figure pass uses (package text, which keeps them per
// document; sentences.go maps them onto the window), cues found once
// (cues.go, cuememo.go), the speakers looked back for kept, and each
// sentence's hedges, dates and places shared by its figures. Annotate is AnnotateAll
// for a single figure; the tests hold whole-document runs to it.
//
// Fields, and the rules that decide them (each file opens with the inputs
// it handles):
//
//   - Attribution (attribution.go): the speaker of the figure's quotation,
//     else of the speech cue that reports it ("X said", "said X", "according
//     to X"), with a role after a comma; a pronoun becomes the latest named
//     speaker of the previous attribution.resolve_sentences sentences that
//     is not an outlet, or "" when there is none; a bare surname becomes its earlier full form.
//     "" when the article speaks in its own voice.
//   - Hedge (hedge.go): one of claimed, unverified, denied, estimated or "".
//     The hedges list is tried in order and the first rule that reaches the
//     figure wins; the shipped order is denied > unverified > claimed >
//     estimated. "According to X" is plain attribution, never a hedge.
//   - EventDate (date.go): YYYY-MM-DD from the date expression nearest the
//     figure in its clause, else in its sentence; weekdays count back from
//     publication, never forward; "last week" is seven days before
//     publication.
//   - Location (location.go): the gazetteer place nearest the figure in its
//     clause, else in its sentence, else in its paragraph, else the story's
//     dateline (dateline.go); a place inside an outlet's name ("the New
//     York Times") is none.
package claim
