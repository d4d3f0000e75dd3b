package claim

import "github.com/tally-news/tally/extract/internal/configerr"

// Config is the claims section of the rules, as read from config.yaml under
// the key "claims". It is plain data: New checks and compiles it. Every word
// list is matched case-insensitively on whole words; a phrase is words
// separated by single spaces. A zero Config is valid: it finds only dates
// written as YYYY-MM-DD.
type Config struct {
	Attribution AttributionConfig `yaml:"attribution"`
	Hedges      []HedgeRule       `yaml:"hedges"`
	// HedgeObjects, right after a hedge phrase, make it no hedge of the
	// figures: "claimed control of the town", "denied responsibility".
	HedgeObjects []string         `yaml:"hedge_objects"`
	Disclaimer   DisclaimerConfig `yaml:"disclaimer"`
	Dates        DateConfig       `yaml:"dates"`
	Places       PlaceConfig      `yaml:"places"`
	ClauseWords  []string         `yaml:"clause_words"`
	// Abbreviations are the words whose full stop ends no sentence. The
	// rules file lists them once, at its top level, for the figures too:
	// extract.Config.ClaimsConfig fills them in. A word with dots inside
	// ("u.s") counts as written before its last full stop.
	Abbreviations []string `yaml:"-"`
	// Dateline is the pattern of a wire dateline opening one of a story's
	// first lines ("KYIV, Ukraine (AP) —"); its first group is the place.
	Dateline string `yaml:"dateline"`
	// Outlets are news organisations: a place in an outlet's name ("the
	// New York Times") is no place, and a pronoun in a later sentence
	// ("He added") does not stand for an outlet.
	Outlets []Outlet `yaml:"outlets"`
}

// Outlet is a country's news organisations: their names, as articles cite
// them and as feeds give them, and the endings of their web addresses.
type Outlet struct {
	Country string   `yaml:"country"`
	Names   []string `yaml:"names"`
	Domains []string `yaml:"domains"`
}

// AttributionConfig says how a speaker is found: a speech verb with the
// phrase before it ("Ukrainian authorities said") or after it ("said Kyrylo
// Tymoshenko"), or a source cue with the phrase after it ("according to the
// Red Cross").
type AttributionConfig struct {
	SpeechVerbs   []string `yaml:"speech_verbs"`
	InvertedVerbs []string `yaml:"inverted_verbs"`
	BareVerbs     []string `yaml:"bare_verbs"`
	Blockers      []string `yaml:"blockers"`
	NounAfter     []string `yaml:"noun_after"`
	SourceCues    []string `yaml:"source_cues"`
	VerbModifiers []string `yaml:"verb_modifiers"`
	Pronouns      []string `yaml:"pronouns"`
	SpeakerNouns  []string `yaml:"speaker_nouns"`
	Determiners   []string `yaml:"determiners"`
	Stops         []string `yaml:"stops"`
	// PredicateStops are the stops after which a phrase before the verb
	// is the rest of a predicate, not a speaker: "where the driver was
	// fatally shot by police overnight said".
	PredicateStops []string `yaml:"predicate_stops"`
	Cuts           []string `yaml:"cuts"`
	SkipStart      []string `yaml:"skip_start"`
	Coordinators   []string `yaml:"coordinators"`
	NameLinks      []string `yaml:"name_links"`
	// Complementizers open a reported claim after a verb: "said that".
	Complementizers []string `yaml:"complementizers"`
	NonSpeakers     []string `yaml:"non_speakers"`
	Media           []string `yaml:"media"`
	MediaLinks      []string `yaml:"media_links"`
	MaxWords        int      `yaml:"max_words"`
	// ResolveSentences is how many earlier sentences a pronoun speaker
	// ("he said") looks back for a named one; ResolveBytes bounds how far a
	// pronoun or a bare surname ("Gladkov said") looks, in bytes.
	ResolveSentences int `yaml:"resolve_sentences"`
	ResolveBytes     int `yaml:"resolve_bytes"`
}

// HedgeRule gives a hedge kind to the figures a phrase reaches. Scope is
// "before" (the phrase ends at most Gap words before the number), "clause",
// "sentence", or "following" (the sentence, or a disclaimer that opens one of
// the next sentences; see DisclaimerConfig). The first rule in the list that
// reaches a figure wins.
type HedgeRule struct {
	Kind    string   `yaml:"kind"`
	Scope   string   `yaml:"scope"`
	Gap     int      `yaml:"gap"`
	Phrases []string `yaml:"phrases"`
}

// DisclaimerConfig bounds the sentences that hedge figures before them
// ("Zelensky's statements could not be independently verified."): one of
// the next Lookahead sentences, with its phrase starting within WithinWords
// words of the sentence start.
type DisclaimerConfig struct {
	Lookahead   int `yaml:"lookahead"`
	WithinWords int `yaml:"within_words"`
}

// DateConfig names the words that date an event.
type DateConfig struct {
	Weekdays map[string]int `yaml:"weekdays"` // 0 Sunday .. 6 Saturday
	// Months (1 .. 12) are listed once, at the rules file's top level, for
	// the figures too: extract.Config.ClaimsConfig fills them in.
	Months      map[string]int `yaml:"-"`
	DaysAgo     map[string]int `yaml:"days_ago"` // "yesterday": 1
	YearStart   []string       `yaml:"year_start"`
	Last        []string       `yaml:"last"` // "last Friday": strictly before publication
	Next        []string       `yaml:"next"` // "next Friday": not dated
	FutureDays  int            `yaml:"future_days"`
	DaySuffixes []string       `yaml:"day_suffixes"` // "5th"
}

// PlaceConfig is the gazetteer.
type PlaceConfig struct {
	Names           []string          `yaml:"names"`
	Aliases         map[string]string `yaml:"aliases"`
	RegionWords     map[string]string `yaml:"region_words"`
	SettlementWords []string          `yaml:"settlement_words"`
	OfWords         []string          `yaml:"of_words"`  // "the city of X"
	AndWords        []string          `yaml:"and_words"` // "the Kyiv and Chernihiv regions"
	// A place that opens a sentence as the subject of one of ActorVerbs,
	// maybe after one of ActorAux, acts rather than hosts: "Russia fired
	// 84 missiles", "Moscow has deployed 10,000 troops".
	ActorVerbs []string `yaml:"actor_verbs"`
	ActorAux   []string `yaml:"actor_aux"`
}

// Hedge kinds, the only values Figure.Hedge takes besides "".
const (
	Claimed    = "claimed"
	Unverified = "unverified"
	Denied     = "denied"
	Estimated  = "estimated"
)

// ConfigError says which key of the claims rules is wrong and why.
type ConfigError = configerr.Error
