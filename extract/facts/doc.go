// Package facts merges the mentions of one figure across articles into a
// schema.Fact, so a newsroom sees "430,000 people lived in Mariupol, say
// three outlets" once instead of three rows, and sees where outlets
// disagree.
//
// Two figures are mentions of the same fact when they have the same
// category, the same unit, values within Tolerance of each other, and the
// same place (Figure.Location) or, when neither has a place, the same
// object. Place, object and category compare case-insensitively with
// spaces trimmed and runs of spaces folded; units compare exactly, since
// they are already normalised names ("USD", "km"). Qualifiers ("about",
// "at least") and bounds are not compared: "about 430,000" and "430,000"
// are one fact.
//
// Only figures from the article proper (Section "article") are merged:
// reader comments are not reporting. Figures whose category is "other" (or
// empty) and that have no object are left out: such a figure is a bare
// number ("3 of them", "in 2019 ... 12") that carries no meaning of its own,
// and merging those by value alone would join unrelated numbers. Values
// that are not finite are left out, as they cannot be compared.
//
// A fact is Disputed when another value is given for the same category,
// unit, place and day (the event date, else the day the story was
// published), and the two cannot both be true ("at least 11" and "12" can). Between
// sources, a place and a day are needed, and each value must be stated by
// a source that does not state the other, so one article's breakdown ("12
// killed, including 3 children") is not a dispute with another article
// that repeats it. Within one article a changed count ("11 dead", later
// "12 dead") is a dispute, place or not, when the two are in different
// sentences and their objects are the same or one is unnamed ("5 soldiers
// and 7 civilians" is a breakdown). Figures about another time or
// place (Scope "background") and the parts of a figure before them (rule
// "inherit:...") dispute nothing.
//
// Values lists the values with the sources that state them: the fact's own
// when undisputed ("430000 (a.txt, b.txt)"), every value in dispute when
// disputed. Sentence is the sentence of the earliest mention.
//
// Totals adds the facts up per category and unit, where a sum means
// something, for a summary (the workbook's TotalsByUnit).
package facts
