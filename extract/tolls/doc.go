// Package tolls sums one document's figures into its casualty tolls: one
// row per casualty category (killed, injured, displaced...) with the
// incident's count as the article finally states it.
//
// How a category's toll is read from the figures, in text order:
//   - only the article's own figures count: not reader comments, not
//     measures with a unit, not background ("600 gun deaths a year"), not
//     parts of a figure before ("including 3 children");
//   - a count written as a number (stated or derived) beats one implied
//     by words ("a man was shot dead"); among several, the incident's
//     beat running totals, and the first wins (the lede states the
//     story's count; later ones are mostly parts and other places) unless
//     a later one revises it ("the toll rose to 12"): the latest revision
//     wins and the toll is marked disputed; a headline and a body that
//     agree count once;
//   - implied counts give the most any one of them says (1 for "a man");
//   - increments ("one more died", "another man") add to the count;
//   - injured, when no figure counts the injured as such, is the people
//     hit ("four people were shot") less the killed.
package tolls
