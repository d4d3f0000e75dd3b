package rulesfile_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract/internal/configerr"
	"github.com/tally-news/tally/extract/rulesfile"
)

type rules struct {
	Window int                `yaml:"window"`
	Words  map[string]float64 `yaml:"words"`
	Units  []struct {
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
	} `yaml:"units"`
	Aliases map[string]string `yaml:"aliases"`
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct{ name, input, want string }{
		{"ok", "window: 8\n", ""},
		// errors
		{"empty", "", "r.yaml: empty rules file"},
		{"utf-16", "\xff\xfew\x00:\x00 \x008\x00", "r.yaml: not UTF-8 (it starts with a UTF-16 byte-order mark): save the rules file as UTF-8"},
		{"unknown key", "window: 8\nwindoww: 3\n", "r.yaml:2:1: unknown key \"windoww\" in the top level\n 2 | windoww: 3\n   | ^"},
		{"unknown nested key", "units:\n  - {name: km, alias: [kms]}\n", "r.yaml:2:16: unknown key \"alias\" in units[0]\n 2 |   - {name: km, alias: [kms]}\n   |                ^"},
		{"wrong type", "window: eight\n", "r.yaml:1:9: window: want a whole number, got the text \"eight\"\n 1 | window: eight\n   |         ^"},
		{"list for a number", "window: [8]\n", "r.yaml:1:9: window: want a whole number, got a list\n 1 | window: [8]\n   |         ^"},
		{"number for a list", "units: 3\n", "r.yaml:1:8: units: want a list, got the number \"3\"\n 1 | units: 3\n   |        ^"},
		{"map value", "words:\n  one: 1\n  two: zwei\n", "r.yaml:3:8: words.two: want a number, got the text \"zwei\"\n 3 |   two: zwei\n   |        ^"},
		{"long value", "window: abcdefghijklmnop\n", "r.yaml:1:9: window: want a whole number, got the text \"abcdefghijklmnop\"\n 1 | window: abcdefghijklmnop\n   |         ^"},
		{"duplicate key", "window: 8\nwindow: 9\n", "r.yaml:2:1: duplicate key \"window\" in the top level (first at line 1)\n 2 | window: 9\n   | ^"},
		{"listed twice", "units:\n  - {name: km, aliases: [km, kms]}\n  - {name: mi, aliases: [mile,\n      miles, mile]}\n", "r.yaml:4:14: units[1].aliases[2]: \"mile\": listed twice (first at line 3)\n 4 |       miles, mile]}\n   |              ^"},
		{"listed twice on a line", "units:\n  - {name: km, aliases: [km, kms, km]}\n", "r.yaml:2:35: units[0].aliases[2]: \"km\": listed twice (first at column 26)\n 2 |   - {name: km, aliases: [km, kms, km]}\n   |                                   ^"},
		{"several", "window: x\nwindoww: 3\n", "r.yaml:1:9: window: want a whole number, got the text \"x\"\n 1 | window: x\n   |         ^\nr.yaml:2:1: unknown key \"windoww\" in the top level\n 2 | windoww: 3\n   | ^"},
		{"carriage returns", "window: 8\rwindoww: 3\r", "r.yaml:2:1: unknown key \"windoww\" in the top level\n 2 | windoww: 3\n   | ^"},
		{"syntax", "window: 8\n  x: [\n", "r.yaml:2: mapping values are not allowed in this context\n 2 |   x: ["},
		{"tab before the column", "units: [{name: km,\talias: [kms]}]\n", "r.yaml:1:20: unknown key \"alias\" in units[0]\n 1 | units: [{name: km,\talias: [kms]}]\n   |                   \t^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r rules
			_, err := rulesfile.Decode("r.yaml", []byte(tt.input), &r)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestEntryProblem(t *testing.T) {
	tests := []struct{ entry, want string }{
		{"killed", ""},
		{"shot dead", ""},
		{"*", ""}, // a times sign
		{"US$", ""},
		// errors
		{"", "is empty"},
		{"  ", "is empty"},
		{" killed", "want words separated by single spaces"},
		{"shot  dead", "want words separated by single spaces"},
		{"shot\tdead", "want words separated by single spaces"},
		{"evacuat*", `a word ending in "*" is no pattern: list each word in full`},
		{"were evacuat*", `a word ending in "*" is no pattern: list each word in full`},
	}
	for _, tt := range tests {
		if got := rulesfile.EntryProblem(tt.entry); got != tt.want {
			t.Errorf("EntryProblem(%q) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}

func TestLongLineIsCut(t *testing.T) {
	input := "units:\n  - {name: x, aliases: [" + strings.Repeat("word, ", 30) + "word], oops: 1}\n"
	var r rules
	_, err := rulesfile.Decode("r.yaml", []byte(input), &r)
	lines := strings.Split(fmt.Sprint(err), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], " 2 | ...") || len(lines[1]) > 120 ||
		strings.Index(lines[2], "^") != strings.Index(lines[1], "oops") {
		t.Errorf("error:\n%v\nwant the line cut around the column, the caret under \"oops\"", err)
	}
}

func TestKeyError(t *testing.T) {
	const input = "window: 8\nunits:\n  - name: km\n    aliases: [kilometre, kms]\naliases:\n  st. petersburg: Saint Petersburg\nwords: {one: 1, none: -1}\n"
	tests := []struct {
		name string
		err  *configerr.Error
		want string
	}{
		{"scalar", &configerr.Error{Key: "window", Msg: "must be at least 10"}, "r.yaml:1:9: window: must be at least 10\n 1 | window: 8\n   |         ^"},
		{"list entry", &configerr.Error{Key: "units[0].aliases[1]", Rule: "kms", Msg: "no"}, "r.yaml:4:26: units[0].aliases[1]: \"kms\": no\n 4 |     aliases: [kilometre, kms]\n   |                          ^"},
		{"entry by its rule", &configerr.Error{Key: "units[0].aliases", Rule: "kms", Msg: "no"}, "r.yaml:4:26: units[0].aliases: \"kms\": no\n 4 |     aliases: [kilometre, kms]\n   |                          ^"},
		{"map key with a dot", &configerr.Error{Key: "aliases.st. petersburg", Rule: "Saint Petersburg", Msg: "no"}, "r.yaml:6:19: aliases.st. petersburg: \"Saint Petersburg\": no\n 6 |   st. petersburg: Saint Petersburg\n   |                   ^"},
		{"map key refused", &configerr.Error{Key: "aliases.st. petersburg", Rule: "st. petersburg", Msg: "no"}, "r.yaml:6:3: aliases.st. petersburg: \"st. petersburg\": no\n 6 |   st. petersburg: Saint Petersburg\n   |   ^"},
		{"map entry by its rule", &configerr.Error{Key: "words", Rule: "none", Msg: "value must be positive"}, "r.yaml:7:17: words: \"none\": value must be positive\n 7 | words: {one: 1, none: -1}\n   |                 ^"},
		{"deepest part there", &configerr.Error{Key: "units[3].name", Msg: "is empty"}, "r.yaml:3:3: units[3].name: is empty\n 3 |   - name: km\n   |   ^"},
	}
	var r rules
	f, err := rulesfile.Decode("r.yaml", []byte(input), &r)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := f.KeyError(tt.err)
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
			var ce *configerr.Error
			if !errors.As(err, &ce) || ce != tt.err {
				t.Errorf("the placed error does not unwrap to the check's")
			}
		})
	}
}

// FuzzDecode: any input decodes or says why without panicking, and an
// error's place is inside the input.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"window: 8\n", "units:\n  - {name: km, alias: [kms]}\n", "window: [8]\n",
		"words: {one: 1, two: zwei}\n", "units: [{name: km,\talias: [kms]}]\n", "units:\n- {aliases: [a, a]}\n", "\xef\xbb\xbfwindow: 8\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		var r rules
		file, err := rulesfile.Decode("r.yaml", []byte(input), &r)
		if err == nil {
			err = file.KeyError(&configerr.Error{Key: "units[0].aliases[1]", Rule: "x", Msg: "no"})
		}
		lines := 1 + strings.Count(strings.ReplaceAll(input, "\r\n", "\n"), "\n") + strings.Count(input, "\r") -
			strings.Count(input, "\r\n") + strings.Count(input, "\u0085") + strings.Count(input, "\u2028") + strings.Count(input, "\u2029")
		var list rulesfile.ErrorList
		var one *rulesfile.Error
		if !errors.As(err, &list) && errors.As(err, &one) {
			list = rulesfile.ErrorList{one}
		}
		for _, e := range list {
			// yaml.v3 puts an empty document's node ("---") on the
			// line after the last.
			if e.Line > lines+1 || e.Line < 0 || e.Col < 0 {
				t.Errorf("error at %d:%d of a %d-line input: %v", e.Line, e.Col, lines, e)
			}
			_ = e.Error()
		}
	})
}
