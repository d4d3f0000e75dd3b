package claim

import "github.com/tally-news/tally/extract/configerr"

// Config is the claims section of the rules, as read from config.yaml under
// the key "claims". It is plain data: New checks and compiles it. Every word
// list is matched case-insensitively on whole words; a phrase is words
// separated by single spaces. A zero Config is valid: it finds only dates
// written as YYYY-MM-DD.
type Config struct {
	Attribution AttributionConfig `mapstructure:"attribution" yaml:"attribution"`
	Hedges      []HedgeRule       `mapstructure:"hedges" yaml:"hedges"`
	// HedgeObjects, right after a hedge phrase, make it no hedge of the
	// figures: "claimed control of the town", "denied responsibility".
	HedgeObjects  []string         `mapstructure:"hedge_objects" yaml:"hedge_objects"`
	Disclaimer    DisclaimerConfig `mapstructure:"disclaimer" yaml:"disclaimer"`
	Dates         DateConfig       `mapstructure:"dates" yaml:"dates"`
	Places        PlaceConfig      `mapstructure:"places" yaml:"places"`
	ClauseWords   []string         `mapstructure:"clause_words" yaml:"clause_words"`
	Abbreviations []string         `mapstructure:"abbreviations" yaml:"abbreviations"`
	// Dateline is the pattern of a wire dateline opening one of a story's
	// first lines ("KYIV, Ukraine (AP) —"); its first group is the place.
	Dateline string `mapstructure:"dateline" yaml:"dateline"`
	// Outlets are news organisations: a place in an outlet's name ("the
	// New York Times") is no place, and a pronoun in a later sentence
	// ("He added") does not stand for an outlet.
	Outlets []Outlet `mapstructure:"outlets" yaml:"outlets"`
}

// Outlet is a country's news organisations: their names, as articles cite
// them and as feeds give them, and the endings of their web addresses.
type Outlet struct {
	Country string   `mapstructure:"country" yaml:"country"`
	Names   []string `mapstructure:"names" yaml:"names"`
	Domains []string `mapstructure:"domains" yaml:"domains"`
}

// AttributionConfig says how a speaker is found: a speech verb with the
// phrase before it ("Ukrainian authorities said") or after it ("said Kyrylo
// Tymoshenko"), or a source cue with the phrase after it ("according to the
// Red Cross").
type AttributionConfig struct {
	SpeechVerbs   []string `mapstructure:"speech_verbs" yaml:"speech_verbs"`
	InvertedVerbs []string `mapstructure:"inverted_verbs" yaml:"inverted_verbs"`
	BareVerbs     []string `mapstructure:"bare_verbs" yaml:"bare_verbs"`
	Blockers      []string `mapstructure:"blockers" yaml:"blockers"`
	NounAfter     []string `mapstructure:"noun_after" yaml:"noun_after"`
	SourceCues    []string `mapstructure:"source_cues" yaml:"source_cues"`
	VerbModifiers []string `mapstructure:"verb_modifiers" yaml:"verb_modifiers"`
	Pronouns      []string `mapstructure:"pronouns" yaml:"pronouns"`
	SpeakerNouns  []string `mapstructure:"speaker_nouns" yaml:"speaker_nouns"`
	Determiners   []string `mapstructure:"determiners" yaml:"determiners"`
	Stops         []string `mapstructure:"stops" yaml:"stops"`
	Cuts          []string `mapstructure:"cuts" yaml:"cuts"`
	SkipStart     []string `mapstructure:"skip_start" yaml:"skip_start"`
	Coordinators  []string `mapstructure:"coordinators" yaml:"coordinators"`
	NameLinks     []string `mapstructure:"name_links" yaml:"name_links"`
	// Complementizers open a reported claim after a verb: "said that".
	Complementizers []string `mapstructure:"complementizers" yaml:"complementizers"`
	NonSpeakers     []string `mapstructure:"non_speakers" yaml:"non_speakers"`
	Media           []string `mapstructure:"media" yaml:"media"`
	MediaLinks      []string `mapstructure:"media_links" yaml:"media_links"`
	MaxWords        int      `mapstructure:"max_words" yaml:"max_words"`
	// ResolveSentences is how many earlier sentences a pronoun speaker
	// ("he said") looks back for a named one; ResolveBytes bounds how far a
	// pronoun or a bare surname ("Gladkov said") looks, in bytes.
	ResolveSentences int `mapstructure:"resolve_sentences" yaml:"resolve_sentences"`
	ResolveBytes     int `mapstructure:"resolve_bytes" yaml:"resolve_bytes"`
}

// HedgeRule gives a hedge kind to the figures a phrase reaches. Scope is
// "before" (the phrase ends at most Gap words before the number), "clause",
// "sentence", or "following" (the sentence, or a disclaimer that opens one of
// the next sentences; see DisclaimerConfig). The first rule in the list that
// reaches a figure wins.
type HedgeRule struct {
	Kind    string   `mapstructure:"kind" yaml:"kind"`
	Scope   string   `mapstructure:"scope" yaml:"scope"`
	Gap     int      `mapstructure:"gap" yaml:"gap"`
	Phrases []string `mapstructure:"phrases" yaml:"phrases"`
}

// DisclaimerConfig bounds the sentences that hedge figures before them
// ("Zelensky's statements could not be independently verified."): one of
// the next Lookahead sentences, with its phrase starting within WithinWords
// words of the sentence start.
type DisclaimerConfig struct {
	Lookahead   int `mapstructure:"lookahead" yaml:"lookahead"`
	WithinWords int `mapstructure:"within_words" yaml:"within_words"`
}

// DateConfig names the words that date an event.
type DateConfig struct {
	Weekdays    map[string]int `mapstructure:"weekdays" yaml:"weekdays"` // 0 Sunday .. 6 Saturday
	Months      map[string]int `mapstructure:"months" yaml:"months"`     // 1 .. 12
	DaysAgo     map[string]int `mapstructure:"days_ago" yaml:"days_ago"` // "yesterday": 1
	YearStart   []string       `mapstructure:"year_start" yaml:"year_start"`
	Last        []string       `mapstructure:"last" yaml:"last"` // "last Friday": strictly before publication
	Next        []string       `mapstructure:"next" yaml:"next"` // "next Friday": not dated
	FutureDays  int            `mapstructure:"future_days" yaml:"future_days"`
	DaySuffixes []string       `mapstructure:"day_suffixes" yaml:"day_suffixes"` // "5th"
}

// PlaceConfig is the gazetteer.
type PlaceConfig struct {
	Names           []string          `mapstructure:"names" yaml:"names"`
	Aliases         map[string]string `mapstructure:"aliases" yaml:"aliases"`
	RegionWords     map[string]string `mapstructure:"region_words" yaml:"region_words"`
	SettlementWords []string          `mapstructure:"settlement_words" yaml:"settlement_words"`
	OfWords         []string          `mapstructure:"of_words" yaml:"of_words"`   // "the city of X"
	AndWords        []string          `mapstructure:"and_words" yaml:"and_words"` // "the Kyiv and Chernihiv regions"
	// A place that opens a sentence as the subject of one of ActorVerbs,
	// maybe after one of ActorAux, acts rather than hosts: "Russia fired
	// 84 missiles", "Moscow has deployed 10,000 troops".
	ActorVerbs []string `mapstructure:"actor_verbs" yaml:"actor_verbs"`
	ActorAux   []string `mapstructure:"actor_aux" yaml:"actor_aux"`
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
