package extract

import (
	"errors"

	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/extract/rulesfile"
)

// Config is the rule set, as read from config.yaml. It is plain data: New
// checks and compiles it, so it can be built in tests without any loader.
type Config struct {
	Window        int `yaml:"window"`
	SubjectWindow int `yaml:"subject_window"`
	// YieldWindow is how far after a trigger a category's yields_to looks.
	YieldWindow int `yaml:"yield_window"`
	// HeadAuxiliaries may stand between a head and its own verb for
	// head_yields_to: "homes were evacuated", "have been evacuated".
	HeadAuxiliaries []string `yaml:"head_auxiliaries"`
	// SubjectDeterminers may open a clause before its number.
	SubjectDeterminers []string      `yaml:"subject_determiners"`
	ArticleEnd         []string      `yaml:"article_end"`
	DateHeader         string        `yaml:"date_header"`
	ExcludePattern     []string      `yaml:"exclude_patterns"`
	Numbers            NumberConfig  `yaml:"numbers"`
	Vague              []VagueAmount `yaml:"vague"`
	Qualifiers         []Qualifier   `yaml:"qualifiers"`
	Ranges             RangeConfig   `yaml:"ranges"`
	UnitAdjectives     []string      `yaml:"unit_adjectives"`
	// RestatementOpens open a measure restated in another unit.
	RestatementOpens []string       `yaml:"restatement_opens"`
	Units            []Unit         `yaml:"units"`
	Currencies       CurrencyConfig `yaml:"currencies"`
	Categories       []Category     `yaml:"categories"`
	// CategorySteps names the category rules in the order they decide.
	CategorySteps []string        `yaml:"category_steps"`
	ClauseBreaks  []string        `yaml:"clause_breaks"`
	SpeakerVerbs  SpeakerConfig   `yaml:"speaker_verbs"`
	Negations     []string        `yaml:"negations"`
	ClauseAsides  []string        `yaml:"clause_asides"`
	VaguePreps    []string        `yaml:"vague_prepositions"`
	Directions    DirectionConfig `yaml:"qualifier_directions"`
	InheritAfter  []string        `yaml:"inherit_after"`
	InheritClause []string        `yaml:"inherit_in_clause"`
	// InheritPart: after the number, these make it a part of the figure
	// before ("six reactors, two of which are running").
	InheritPart []string     `yaml:"inherit_part"`
	Object      ObjectConfig `yaml:"object"`
	// Abbreviations are the words whose full stop ends no sentence, for
	// the figures' sentences and the claims' alike.
	Abbreviations []string `yaml:"abbreviations"`
	// Months map month names to their numbers (1 to 12): a name tells a
	// date from a figure ("February 24") and dates a claim.
	Months map[string]int `yaml:"months"`
	// Implied are the counts not written as numbers: "a man was shot dead".
	Implied ImpliedConfig `yaml:"implied"`
	// Scope tells the story's own figures from running totals and
	// background.
	Scope ScopeConfig `yaml:"scope"`
	// Tolls says which categories get a per-document toll.
	Tolls TollConfig `yaml:"tolls"`
	// Claims are the rules for who a figure is attributed to, how sure it
	// is, when and where it happened.
	Claims claim.Config `yaml:"claims"`

	// file is where DecodeConfig read the rules, so New can point at the
	// line of a rule it refuses.
	file *rulesfile.File
}

// DecodeConfig reads a rules file (config.yaml's format) into a Config.
// It refuses keys Config does not have and values of the wrong kind; name
// is how errors name the file, and an error says the line and column and
// shows the line. New, given the result, points at the line of a rule it
// refuses the same way. The CLI and the tests read rules only through it.
func DecodeConfig(name string, data []byte) (Config, error) {
	var cfg Config
	f, err := rulesfile.Decode(name, data, &cfg)
	var list rulesfile.ErrorList
	var one *rulesfile.Error
	if errors.As(err, &list) {
		for _, e := range list {
			hint(e)
		}
	} else if errors.As(err, &one) {
		hint(one)
	}
	if err != nil {
		return Config{}, err
	}
	cfg.file = f
	return cfg, nil
}

// hint says where a key of an older rules file went.
func hint(e *rulesfile.Error) {
	for _, m := range moved {
		if e.Msg == m.msg {
			e.Msg += " (" + m.hint + ")"
		}
	}
}

// moved says where the keys of an older rules file went.
var moved = []struct{ msg, hint string }{
	{`unknown key "abbreviations" in claims`, "the claims use the top-level abbreviations now"},
	{`unknown key "months" in claims.dates`, "the claims use the top-level months now"},
	{`months: want a mapping, got a list`, `months map each name to its number now: "{january: 1, jan: 1, ...}"`},
}

// ClaimsConfig returns the claims section with the lists it shares with
// the figure rules (abbreviations, months) filled in from the top level:
// what New gives the claims annotator.
func (c Config) ClaimsConfig() claim.Config {
	cc := c.Claims
	cc.Abbreviations = c.Abbreviations
	cc.Dates.Months = c.Months
	return cc
}

// ImpliedConfig lists how a single casualty is told without a number:
// a person, then a state ("a man was shot dead"), an action ("the victim
// died"), or a verb before the person ("killed a woman", "left a man
// dead"). States, actions, frames and results are keyed by "killed" or
// "struck" (hit, injured unless also counted killed).
type ImpliedConfig struct {
	Determiners    []string            `yaml:"determiners"`
	Increments     []string            `yaml:"increments"`
	Adverbs        []string            `yaml:"adverbs"`
	Persons        []string            `yaml:"persons"`
	Pronouns       []string            `yaml:"pronouns"`
	MaxModifiers   int                 `yaml:"max_modifiers"`
	Auxiliaries    []string            `yaml:"auxiliaries"`
	States         map[string][]string `yaml:"states"`
	Actions        map[string][]string `yaml:"actions"`
	Frames         map[string][]string `yaml:"frames"`
	ResultVerbs    []string            `yaml:"result_verbs"`
	Results        map[string][]string `yaml:"results"`
	NotAfter       []string            `yaml:"not_after"`
	NotBefore      []string            `yaml:"not_before"`
	IncrementAfter []string            `yaml:"increment_after"`
	// LaterDeaths say that a person just said to be hit died of it,
	// within LaterWindow words: "was shot in the chest and later died".
	LaterDeaths []string `yaml:"later_deaths"`
	LaterWindow int      `yaml:"later_window"`
	// LaterStops open another clause, whose death is not the hit's.
	LaterStops []string `yaml:"later_stops"`
	// Relatives open a relative clause after the person, which an action
	// may follow within RelativeWindow words: "a man who was shot in the
	// chest died".
	Relatives      []string `yaml:"relatives"`
	RelativeWindow int      `yaml:"relative_window"`
	// PostModifiers open a short phrase after the person's noun: "a male
	// in his 20s was found dead".
	PostModifiers []string `yaml:"post_modifiers"`
}

// ScopeConfig lists the phrases that make a figure a running total
// (cumulative) or one of other times and places (background).
type ScopeConfig struct {
	Cumulative      []string `yaml:"cumulative"`
	Background      []string `yaml:"background"`
	BackgroundAfter []string `yaml:"background_after"`
	YearBefore      []string `yaml:"year_before"`
	Since           []string `yaml:"since"`
	Window          int      `yaml:"window"`
}

// TollConfig names the casualty categories that get a toll per document
// and the rules whose injured figures count people hit, some perhaps
// killed.
type TollConfig struct {
	Categories  []string `yaml:"categories"`
	StruckRules []string `yaml:"struck_rules"`
	Revisions   []string `yaml:"revisions"`
	AnyPerson   []string `yaml:"any_person"`
}

// NumberConfig lists how numbers are written in words.
type NumberConfig struct {
	Words    map[string]float64 `yaml:"words"`
	Scales   map[string]float64 `yaml:"scales"`
	Suffixes map[string]float64 `yaml:"suffixes"`
	// MoneySuffixes are magnitudes only after a currency sign: "$2.174T".
	MoneySuffixes   map[string]float64 `yaml:"money_suffixes"`
	Powers          PowerConfig        `yaml:"powers"`
	NotUnits        []string           `yaml:"not_units"`
	CodeJoiners     []string           `yaml:"code_joiners"`
	FractionSlashes []string           `yaml:"fraction_slashes"`
	TimeWords       []string           `yaml:"time_words"`
	Negative        []string           `yaml:"negative"`
	Ratios          []string           `yaml:"ratios"`
	Fractions       map[string]float64 `yaml:"fractions"`
	// VulgarFractions are the one-character fractions: "2½ million", "¼ of".
	VulgarFractions  map[string]float64 `yaml:"vulgar_fractions"`
	OnePronounBefore []string           `yaml:"one_pronoun_before"`
	OnePronounAfter  []string           `yaml:"one_pronoun_after"`
	Years            YearRange          `yaml:"years"`
	YearBefore       []string           `yaml:"year_before"`
	Labels           []string           `yaml:"labels"`
	AddressWords     []string           `yaml:"address_words"`
	// NamesAfter right after a number make it part of a name: "the 5200
	// block of 30th Place", ".45-caliber".
	NamesAfter []string `yaml:"names_after"`
	AgoWords   []string `yaml:"ago_words"`
	// CounterMarks end a gallery counter: "1 of 12 | caption".
	CounterMarks []string  `yaml:"counter_marks"`
	Ages         AgeConfig `yaml:"ages"`
}

// PowerConfig lists how a power of ten is written after a number: a glued
// letter ("4e14"), or a times sign before 10 ("2.48×10^-5") with a caret.
type PowerConfig struct {
	Letters []string `yaml:"letters"`
	Times   []string `yaml:"times"`
	Carets  []string `yaml:"carets"`
}

// DirectionConfig lists qualifier phrases that after a verb of movement
// are a direction ("edged up to 4.3%").
type DirectionConfig struct {
	Phrases []string `yaml:"phrases"`
	After   []string `yaml:"after"`
}

// AgeConfig tells an age ("a 65-year-old") from a duration.
type AgeConfig struct {
	Words []string `yaml:"words"`
	// Before are words before a plain number that make it an age: "aged 16".
	Before  []string `yaml:"before"`
	Lasting []string `yaml:"lasting"`
}

// YearRange bounds the bare four-digit numbers read as years.
type YearRange struct {
	Min int `yaml:"min"`
	Max int `yaml:"max"`
	// IntroducedMin is the earliest year read after a year_before word
	// with no count after it: "signed in 1648".
	IntroducedMin int `yaml:"introduced_min"`
}

// VagueAmount is a word like "dozens" that stands for a range.
type VagueAmount struct {
	Phrase   string  `yaml:"phrase"`
	Value    float64 `yaml:"value"`
	Low      float64 `yaml:"low"`
	High     float64 `yaml:"high"`
	Scalable bool    `yaml:"scalable"`
}

// Qualifier names the phrases that make a figure a minimum, a maximum or an
// approximation.
type Qualifier struct {
	Name   string   `yaml:"name"`
	Before []string `yaml:"before"`
	After  []string `yaml:"after"`
}

// RangeConfig lists the words that join two numbers into a range.
type RangeConfig struct {
	Between []string `yaml:"between"`
	Openers []string `yaml:"openers"`
	Changes []string `yaml:"changes"`
	// ByRatio: after "by", "X to Y" is a range only when Y is at most
	// ByRatio times X ("dropped by 1 to 1.5 degrees", not "rose by 12 to
	// 47 percent").
	ByRatio float64 `yaml:"by_ratio"`
}

// Unit is a measure with its canonical name and the words that name it.
type Unit struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Before are words written before the number: "magnitude 7.8".
	Before   []string `yaml:"before"`
	Category string   `yaml:"category"`
	// Matter marks a quantity of stuff, which a verb about people
	// (killed, captured, evacuated) does not describe: "seized 40
	// kilograms of cocaine" took no captives.
	Matter bool `yaml:"matter"`
}

// CurrencyConfig lists currencies and the category money figures get.
type CurrencyConfig struct {
	Category     string     `yaml:"category"`
	OverriddenBy []string   `yaml:"overridden_by"`
	List         []Currency `yaml:"list"`
	// Bare says what a sign several currencies share means.
	Bare BareCurrency `yaml:"bare"`
}

// Currency is one currency: its ISO code, the symbols written before an
// amount and the words written after it.
type Currency struct {
	Code    string   `yaml:"code"`
	Symbols []string `yaml:"symbols"`
	Words   []string `yaml:"words"`
	// Transliterated are the symbols as ASCII transliteration writes them
	// (£ becomes "PS"): they count only glued to an amount that has a
	// decimal point, a thousands group or a magnitude ("PS2.7m",
	// "PS21,700"), so "PS5" stays a console.
	Transliterated []string `yaml:"transliterated"`
}

// Category is one of the guideline's categories with the words that signal
// it. See config.yaml for what each list means.
type Category struct {
	Name      string   `yaml:"name"`
	Heads     []string `yaml:"heads"`
	WeakHeads []string `yaml:"weak_heads"`
	Before    []string `yaml:"before"`
	After     []string `yaml:"after"`
	Around    []string `yaml:"around"`
	// NotWith names the categories whose triggers do not speak for a
	// number counting this category's weak heads.
	NotWith []string `yaml:"not_with"`
	// NotFor are counted nouns this category's triggers never describe:
	// people are not aid in "reached 4.1 million people with aid".
	NotFor []string `yaml:"not_for"`
	// BeforeWeak are triggers right before the number that speak only for
	// a counted noun that is another category's weak head: "has lost 498
	// soldiers" is killed, "lost 1.1%" is not.
	BeforeWeak []string `yaml:"before_weak"`
	// Glued are trigger words still found glued to the word before or
	// after them, as text pulled from PDFs has them: "weredisplaced".
	Glued []string `yaml:"glued"`
	// YieldsTo names the categories whose trigger, within yield_window
	// words after one of this category's, speaks instead: people who
	// "remained in 20 evacuation centres" are evacuated, not trapped.
	YieldsTo []string `yaml:"yields_to"`
	// HeadYieldsTo names the categories whose trigger, as the verb right
	// after one of this category's heads, speaks instead: "5,000 homes
	// were evacuated" counts households evacuated, not buildings.
	HeadYieldsTo []string `yaml:"head_yields_to"`
}

// ObjectConfig shapes the counted-noun phrase read after a number.
type ObjectConfig struct {
	MaxWords  int      `yaml:"max_words"`
	SkipStart []string `yaml:"skip_start"`
	Plurals   []string `yaml:"plurals"`
	Compounds []string `yaml:"compound_heads"`
	Stopwords []string `yaml:"stopwords"`
	// RateWords and Periods: "a month" right after a number is a rate or
	// a time ("$5 a day", "29.4% a month earlier"), not what is counted.
	RateWords []string `yaml:"rate_words"`
	Periods   []string `yaml:"periods"`
	// Participles are the words ending in -ed that name a counted group
	// alone ("4,000 displaced"); any other such word alone after a number
	// is a verb ("several thousand gathered").
	Participles []string `yaml:"participles"`
	// GluedAdjectives, glued to a number, describe the noun after it
	// instead of naming what is counted: "a 100,000-strong force".
	GluedAdjectives []string `yaml:"glued_adjectives"`
	// Collectives name what a bare number counts from before it: "a crowd
	// of 60,000", "a force of 5,000".
	Collectives []string `yaml:"collectives"`
}

// SpeakerConfig tells a count of speakers ("two officials said") from the
// figure of the clause they report.
type SpeakerConfig struct {
	Verbs     []string `yaml:"verbs"`
	NotBefore []string `yaml:"not_before"`
}
