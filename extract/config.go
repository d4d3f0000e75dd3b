package extract

import "github.com/tally-news/tally/extract/claim"

// Config is the rule set, as read from config.yaml. It is plain data: New
// checks and compiles it, so it can be built in tests without any loader.
type Config struct {
	Window        int `mapstructure:"window" yaml:"window"`
	SubjectWindow int `mapstructure:"subject_window" yaml:"subject_window"`
	// SubjectDeterminers may open a clause before its number.
	SubjectDeterminers []string      `mapstructure:"subject_determiners" yaml:"subject_determiners"`
	ArticleEnd         []string      `mapstructure:"article_end" yaml:"article_end"`
	DateHeader         string        `mapstructure:"date_header" yaml:"date_header"`
	ExcludePattern     []string      `mapstructure:"exclude_patterns" yaml:"exclude_patterns"`
	Numbers            NumberConfig  `mapstructure:"numbers" yaml:"numbers"`
	Vague              []VagueAmount `mapstructure:"vague" yaml:"vague"`
	Qualifiers         []Qualifier   `mapstructure:"qualifiers" yaml:"qualifiers"`
	Ranges             RangeConfig   `mapstructure:"ranges" yaml:"ranges"`
	UnitAdjectives     []string      `mapstructure:"unit_adjectives" yaml:"unit_adjectives"`
	// RestatementOpens open a measure restated in another unit.
	RestatementOpens []string        `mapstructure:"restatement_opens" yaml:"restatement_opens"`
	Units            []Unit          `mapstructure:"units" yaml:"units"`
	Currencies       CurrencyConfig  `mapstructure:"currencies" yaml:"currencies"`
	Categories       []Category      `mapstructure:"categories" yaml:"categories"`
	ClauseBreaks     []string        `mapstructure:"clause_breaks" yaml:"clause_breaks"`
	SpeakerVerbs     SpeakerConfig   `mapstructure:"speaker_verbs" yaml:"speaker_verbs"`
	Negations        []string        `mapstructure:"negations" yaml:"negations"`
	ClauseAsides     []string        `mapstructure:"clause_asides" yaml:"clause_asides"`
	VaguePreps       []string        `mapstructure:"vague_prepositions" yaml:"vague_prepositions"`
	Directions       DirectionConfig `mapstructure:"qualifier_directions" yaml:"qualifier_directions"`
	InheritAfter     []string        `mapstructure:"inherit_after" yaml:"inherit_after"`
	InheritClause    []string        `mapstructure:"inherit_in_clause" yaml:"inherit_in_clause"`
	// InheritPart: after the number, these make it a part of the figure
	// before ("six reactors, two of which are running").
	InheritPart   []string     `mapstructure:"inherit_part" yaml:"inherit_part"`
	Object        ObjectConfig `mapstructure:"object" yaml:"object"`
	Abbreviations []string     `mapstructure:"abbreviations" yaml:"abbreviations"`
	Months        []string     `mapstructure:"months" yaml:"months"`
	// Implied are the counts not written as numbers: "a man was shot dead".
	Implied ImpliedConfig `mapstructure:"implied" yaml:"implied"`
	// Scope tells the story's own figures from running totals and
	// background.
	Scope ScopeConfig `mapstructure:"scope" yaml:"scope"`
	// Tolls says which categories get a per-document toll.
	Tolls TollConfig `mapstructure:"tolls" yaml:"tolls"`
	// Claims are the rules for who a figure is attributed to, how sure it
	// is, when and where it happened.
	Claims claim.Config `mapstructure:"claims" yaml:"claims"`
}

// ImpliedConfig lists how a single casualty is told without a number:
// a person, then a state ("a man was shot dead"), an action ("the victim
// died"), or a verb before the person ("killed a woman", "left a man
// dead"). States, actions, frames and results are keyed by "killed" or
// "struck" (hit, injured unless also counted killed).
type ImpliedConfig struct {
	Determiners    []string            `mapstructure:"determiners" yaml:"determiners"`
	Increments     []string            `mapstructure:"increments" yaml:"increments"`
	Adverbs        []string            `mapstructure:"adverbs" yaml:"adverbs"`
	Persons        []string            `mapstructure:"persons" yaml:"persons"`
	Pronouns       []string            `mapstructure:"pronouns" yaml:"pronouns"`
	MaxModifiers   int                 `mapstructure:"max_modifiers" yaml:"max_modifiers"`
	Auxiliaries    []string            `mapstructure:"auxiliaries" yaml:"auxiliaries"`
	States         map[string][]string `mapstructure:"states" yaml:"states"`
	Actions        map[string][]string `mapstructure:"actions" yaml:"actions"`
	Frames         map[string][]string `mapstructure:"frames" yaml:"frames"`
	ResultVerbs    []string            `mapstructure:"result_verbs" yaml:"result_verbs"`
	Results        map[string][]string `mapstructure:"results" yaml:"results"`
	NotAfter       []string            `mapstructure:"not_after" yaml:"not_after"`
	IncrementAfter []string            `mapstructure:"increment_after" yaml:"increment_after"`
}

// ScopeConfig lists the phrases that make a figure a running total
// (cumulative) or one of other times and places (background).
type ScopeConfig struct {
	Cumulative      []string `mapstructure:"cumulative" yaml:"cumulative"`
	Background      []string `mapstructure:"background" yaml:"background"`
	BackgroundAfter []string `mapstructure:"background_after" yaml:"background_after"`
	YearBefore      []string `mapstructure:"year_before" yaml:"year_before"`
	Since           []string `mapstructure:"since" yaml:"since"`
	Window          int      `mapstructure:"window" yaml:"window"`
}

// TollConfig names the casualty categories that get a toll per document
// and the rules whose injured figures count people hit, some perhaps
// killed.
type TollConfig struct {
	Categories  []string `mapstructure:"categories" yaml:"categories"`
	StruckRules []string `mapstructure:"struck_rules" yaml:"struck_rules"`
	Revisions   []string `mapstructure:"revisions" yaml:"revisions"`
	AnyPerson   []string `mapstructure:"any_person" yaml:"any_person"`
}

// NumberConfig lists how numbers are written in words.
type NumberConfig struct {
	Words    map[string]float64 `mapstructure:"words" yaml:"words"`
	Scales   map[string]float64 `mapstructure:"scales" yaml:"scales"`
	Suffixes map[string]float64 `mapstructure:"suffixes" yaml:"suffixes"`
	// MoneySuffixes are magnitudes only after a currency sign: "$2.174T".
	MoneySuffixes   map[string]float64 `mapstructure:"money_suffixes" yaml:"money_suffixes"`
	Powers          PowerConfig        `mapstructure:"powers" yaml:"powers"`
	NotUnits        []string           `mapstructure:"not_units" yaml:"not_units"`
	CodeJoiners     []string           `mapstructure:"code_joiners" yaml:"code_joiners"`
	FractionSlashes []string           `mapstructure:"fraction_slashes" yaml:"fraction_slashes"`
	TimeWords       []string           `mapstructure:"time_words" yaml:"time_words"`
	Negative        []string           `mapstructure:"negative" yaml:"negative"`
	Ratios          []string           `mapstructure:"ratios" yaml:"ratios"`
	Fractions       map[string]float64 `mapstructure:"fractions" yaml:"fractions"`
	// VulgarFractions are the one-character fractions: "2½ million", "¼ of".
	VulgarFractions  map[string]float64 `mapstructure:"vulgar_fractions" yaml:"vulgar_fractions"`
	OnePronounBefore []string           `mapstructure:"one_pronoun_before" yaml:"one_pronoun_before"`
	OnePronounAfter  []string           `mapstructure:"one_pronoun_after" yaml:"one_pronoun_after"`
	Years            YearRange          `mapstructure:"years" yaml:"years"`
	YearBefore       []string           `mapstructure:"year_before" yaml:"year_before"`
	Labels           []string           `mapstructure:"labels" yaml:"labels"`
	AddressWords     []string           `mapstructure:"address_words" yaml:"address_words"`
	// NamesAfter right after a number make it part of a name: "the 5200
	// block of 30th Place", ".45-caliber".
	NamesAfter []string `mapstructure:"names_after" yaml:"names_after"`
	AgoWords   []string `mapstructure:"ago_words" yaml:"ago_words"`
	// CounterMarks end a gallery counter: "1 of 12 | caption".
	CounterMarks []string  `mapstructure:"counter_marks" yaml:"counter_marks"`
	Ages         AgeConfig `mapstructure:"ages" yaml:"ages"`
}

// PowerConfig lists how a power of ten is written after a number: a glued
// letter ("4e14"), or a times sign before 10 ("2.48×10^-5") with a caret.
type PowerConfig struct {
	Letters []string `mapstructure:"letters" yaml:"letters"`
	Times   []string `mapstructure:"times" yaml:"times"`
	Carets  []string `mapstructure:"carets" yaml:"carets"`
}

// DirectionConfig lists qualifier phrases that after a verb of movement
// are a direction ("edged up to 4.3%").
type DirectionConfig struct {
	Phrases []string `mapstructure:"phrases" yaml:"phrases"`
	After   []string `mapstructure:"after" yaml:"after"`
}

// AgeConfig tells an age ("a 65-year-old") from a duration.
type AgeConfig struct {
	Words []string `mapstructure:"words" yaml:"words"`
	// Before are words before a plain number that make it an age: "aged 16".
	Before  []string `mapstructure:"before" yaml:"before"`
	Lasting []string `mapstructure:"lasting" yaml:"lasting"`
}

// YearRange bounds the bare four-digit numbers read as years.
type YearRange struct {
	Min int `mapstructure:"min" yaml:"min"`
	Max int `mapstructure:"max" yaml:"max"`
	// IntroducedMin is the earliest year read after a year_before word
	// with no count after it: "signed in 1648".
	IntroducedMin int `mapstructure:"introduced_min" yaml:"introduced_min"`
}

// VagueAmount is a word like "dozens" that stands for a range.
type VagueAmount struct {
	Phrase   string  `mapstructure:"phrase" yaml:"phrase"`
	Value    float64 `mapstructure:"value" yaml:"value"`
	Low      float64 `mapstructure:"low" yaml:"low"`
	High     float64 `mapstructure:"high" yaml:"high"`
	Scalable bool    `mapstructure:"scalable" yaml:"scalable"`
}

// Qualifier names the phrases that make a figure a minimum, a maximum or an
// approximation.
type Qualifier struct {
	Name   string   `mapstructure:"name" yaml:"name"`
	Before []string `mapstructure:"before" yaml:"before"`
	After  []string `mapstructure:"after" yaml:"after"`
}

// RangeConfig lists the words that join two numbers into a range.
type RangeConfig struct {
	Between []string `mapstructure:"between" yaml:"between"`
	Openers []string `mapstructure:"openers" yaml:"openers"`
	Changes []string `mapstructure:"changes" yaml:"changes"`
	// ByRatio: after "by", "X to Y" is a range only when Y is at most
	// ByRatio times X ("dropped by 1 to 1.5 degrees", not "rose by 12 to
	// 47 percent").
	ByRatio float64 `mapstructure:"by_ratio" yaml:"by_ratio"`
}

// Unit is a measure with its canonical name and the words that name it.
type Unit struct {
	Name    string   `mapstructure:"name" yaml:"name"`
	Aliases []string `mapstructure:"aliases" yaml:"aliases"`
	// Before are words written before the number: "magnitude 7.8".
	Before   []string `mapstructure:"before" yaml:"before"`
	Category string   `mapstructure:"category" yaml:"category"`
	// Matter marks a quantity of stuff, which a verb about people
	// (killed, captured, evacuated) does not describe: "seized 40
	// kilograms of cocaine" took no captives.
	Matter bool `mapstructure:"matter" yaml:"matter"`
}

// CurrencyConfig lists currencies and the category money figures get.
type CurrencyConfig struct {
	Category     string     `mapstructure:"category" yaml:"category"`
	OverriddenBy []string   `mapstructure:"overridden_by" yaml:"overridden_by"`
	List         []Currency `mapstructure:"list" yaml:"list"`
	// Bare says what a sign several currencies share means.
	Bare BareCurrency `mapstructure:"bare" yaml:"bare"`
}

// Currency is one currency: its ISO code, the symbols written before an
// amount and the words written after it.
type Currency struct {
	Code    string   `mapstructure:"code" yaml:"code"`
	Symbols []string `mapstructure:"symbols" yaml:"symbols"`
	Words   []string `mapstructure:"words" yaml:"words"`
	// Transliterated are the symbols as ASCII transliteration writes them
	// (£ becomes "PS"): they count only glued to an amount that has a
	// decimal point, a thousands group or a magnitude ("PS2.7m",
	// "PS21,700"), so "PS5" stays a console.
	Transliterated []string `mapstructure:"transliterated" yaml:"transliterated"`
}

// Category is one of the guideline's categories with the words that signal
// it. See config.yaml for what each list means.
type Category struct {
	Name      string   `mapstructure:"name" yaml:"name"`
	Heads     []string `mapstructure:"heads" yaml:"heads"`
	WeakHeads []string `mapstructure:"weak_heads" yaml:"weak_heads"`
	Before    []string `mapstructure:"before" yaml:"before"`
	After     []string `mapstructure:"after" yaml:"after"`
	Around    []string `mapstructure:"around" yaml:"around"`
	// NotWith names the categories whose triggers do not speak for a
	// number counting this category's weak heads.
	NotWith []string `mapstructure:"not_with" yaml:"not_with"`
	// NotFor are counted nouns this category's triggers never describe:
	// people are not aid in "reached 4.1 million people with aid".
	NotFor []string `mapstructure:"not_for" yaml:"not_for"`
	// BeforeWeak are triggers right before the number that speak only for
	// a counted noun that is another category's weak head: "has lost 498
	// soldiers" is killed, "lost 1.1%" is not.
	BeforeWeak []string `mapstructure:"before_weak" yaml:"before_weak"`
	// Glued are trigger words still found glued to the word before or
	// after them, as text pulled from PDFs has them: "weredisplaced".
	Glued []string `mapstructure:"glued" yaml:"glued"`
}

// ObjectConfig shapes the counted-noun phrase read after a number.
type ObjectConfig struct {
	MaxWords  int      `mapstructure:"max_words" yaml:"max_words"`
	SkipStart []string `mapstructure:"skip_start" yaml:"skip_start"`
	Plurals   []string `mapstructure:"plurals" yaml:"plurals"`
	Compounds []string `mapstructure:"compound_heads" yaml:"compound_heads"`
	Stopwords []string `mapstructure:"stopwords" yaml:"stopwords"`
	// RateWords and Periods: "a month" right after a number is a rate or
	// a time ("$5 a day", "29.4% a month earlier"), not what is counted.
	RateWords []string `mapstructure:"rate_words" yaml:"rate_words"`
	Periods   []string `mapstructure:"periods" yaml:"periods"`
	// Participles are the words ending in -ed that name a counted group
	// alone ("4,000 displaced"); any other such word alone after a number
	// is a verb ("several thousand gathered").
	Participles []string `mapstructure:"participles" yaml:"participles"`
	// GluedAdjectives, glued to a number, describe the noun after it
	// instead of naming what is counted: "a 100,000-strong force".
	GluedAdjectives []string `mapstructure:"glued_adjectives" yaml:"glued_adjectives"`
	// Collectives name what a bare number counts from before it: "a crowd
	// of 60,000", "a force of 5,000".
	Collectives []string `mapstructure:"collectives" yaml:"collectives"`
}

// SpeakerConfig tells a count of speakers ("two officials said") from the
// figure of the clause they report.
type SpeakerConfig struct {
	Verbs     []string `mapstructure:"verbs" yaml:"verbs"`
	NotBefore []string `mapstructure:"not_before" yaml:"not_before"`
}
