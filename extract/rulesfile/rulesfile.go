package rulesfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/tally-news/tally/extract/internal/configerr"
)

// File is a decoded rules file: its name, bytes and YAML tree, kept to
// point at the key a later check refuses.
type File struct {
	Name string
	data []byte
	root *yaml.Node // parsed on first use
}

// Decode reads data into v (a pointer to a struct with yaml tags),
// refusing keys v does not have and lists that name an entry twice. name
// is how errors name the file. An error is an *Error with the line and
// column at fault, or an ErrorList of them.
func Decode(name string, data []byte, v any) (*File, error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		// yaml.v3 would read UTF-16, but an error's line and caret are
		// shown from the bytes as given: a rules file is UTF-8.
		return nil, &Error{Name: name, Msg: "not UTF-8 (it starts with a UTF-16 byte-order mark): save the rules file as UTF-8"}
	}
	f := &File{Name: name, data: data}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if errors.Is(err, io.EOF) {
		return nil, &Error{Name: name, Msg: "empty rules file"}
	}
	if err != nil {
		return nil, f.decodeError(err)
	}
	if err := f.duplicateError(); err != nil {
		return nil, err
	}
	return f, nil
}

// duplicateError reports the first list that names an entry twice, at
// the second time, or nil.
func (f *File) duplicateError() error {
	root := f.tree()
	if root == nil {
		return nil
	}
	first, again := duplicate(root)
	if again == nil {
		return nil
	}
	_, path := findNode(f.root, "", again.Line, func(_, val *yaml.Node) *yaml.Node {
		if val == again {
			return val
		}
		return nil
	})
	at := fmt.Sprintf("line %d", first.Line)
	if first.Line == again.Line {
		at = fmt.Sprintf("column %d", first.Column)
	}
	e := &Error{Name: f.Name, Msg: fmt.Sprintf("%s: %q: listed twice (first at %s)", path, again.Value, at)}
	f.place(e, again.Line, again.Column)
	return e
}

// Error is a rules file error with its place: Line and Col count from 1
// (Col in characters); either is 0 when unknown.
type Error struct {
	Name      string
	Line, Col int
	Msg       string
	// Source is the line at fault, as written.
	Source string
	// Err is the error placed, when it came from a check of the decoded
	// rules (a *configerr.Error).
	Err error
}

// Error says "name:line:col: message", then, when the line is known, the
// line itself and a caret under the column.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Line > 0 && e.Source != "" {
		gutter := strconv.Itoa(e.Line)
		src, col := excerpt(strings.TrimRight(e.Source, " \t\r"), e.Col)
		fmt.Fprintf(&b, "\n %s | %s", gutter, src)
		if col > 0 {
			// Tabs stay tabs so the caret lines up under them.
			pad := []rune(src)[:min(col-1, utf8.RuneCountInString(src))]
			for i, r := range pad {
				if r != '\t' {
					pad[i] = ' '
				}
			}
			fmt.Fprintf(&b, "\n %s | %s^", strings.Repeat(" ", len(gutter)), string(pad))
		}
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// excerpt cuts a long line (a flow list of a hundred words) to the part
// around col, and says where col is in the cut.
func excerpt(line string, col int) (string, int) {
	const before, after = 60, 40
	r := []rune(line)
	if len(r) <= before+after || col < 1 {
		return line, col
	}
	to := min(len(r), col-1+after)
	from := min(max(0, col-1-before), to)
	out := string(r[from:to])
	if from > 0 {
		out, col = "..."+out, col-from+3
	}
	if to < len(r) {
		out += "..."
	}
	return out, col
}

// KeyError places err, a check's error naming a key path such as
// "categories[3].before[2]" or "claims.places.aliases.kiev", at that key
// (or at its entry err.Rule, for a list or a mapping), or at the deepest
// part of the path the file has. Other errors come back as they are.
func (f *File) KeyError(err error) error {
	var ce *configerr.Error
	if f == nil || !errors.As(err, &ce) {
		return err
	}
	n := f.find(ce.Key, ce.Rule)
	e := &Error{Name: f.Name, Msg: ce.Error(), Err: err}
	if n != nil {
		f.place(e, n.Line, n.Column)
	}
	return e
}

func (f *File) tree() *yaml.Node {
	if f.root == nil {
		var doc yaml.Node
		if yaml.Unmarshal(f.data, &doc) != nil || len(doc.Content) == 0 {
			return nil
		}
		f.root = doc.Content[0]
	}
	return f.root
}

func (f *File) place(e *Error, line, col int) {
	e.Line, e.Col = line, col
	e.Source = sourceLine(f.data, line)
}

// sourceLine returns line n (from 1) of data, its lines broken where YAML
// breaks them: at "\r\n", "\r", "\n", NEL, LS and PS.
func sourceLine(data []byte, n int) string {
	for line := 1; len(data) > 0; line++ {
		end, next := len(data), len(data)
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029' {
				end, next = i, i+size
				if r == '\r' && next < len(data) && data[next] == '\n' {
					next++
				}
				break
			}
			i += size
		}
		if line == n {
			return string(data[:end])
		}
		data = data[next:]
	}
	return ""
}

// find returns the node a key path names. Map keys may hold dots or
// spaces ("st. petersburg"), so at a mapping the longest key that the path
// goes on with is taken.
func (f *File) find(path, rule string) *yaml.Node {
	n := f.tree()
	if n == nil {
		return nil
	}
	at := n
	for path != "" {
		var next *yaml.Node
		switch {
		case path[0] == '[' && at.Kind == yaml.SequenceNode:
			end := strings.IndexByte(path, ']')
			i, err := strconv.Atoi(path[1:max(end, 1)])
			if end < 0 || err != nil || i >= len(at.Content) {
				return at
			}
			next, path = at.Content[i], path[end+1:]
		case at.Kind == yaml.MappingNode:
			path = strings.TrimPrefix(path, ".")
			best := -1
			for i := 0; i+1 < len(at.Content); i += 2 {
				k := at.Content[i].Value
				if strings.HasPrefix(path, k) && (len(path) == len(k) || path[len(k)] == '.' || path[len(k)] == '[') &&
					(best < 0 || len(k) > len(at.Content[best].Value)) {
					best = i
				}
			}
			if best < 0 {
				return at
			}
			path = path[len(at.Content[best].Value):]
			if path == "" && rule == at.Content[best].Value {
				// A map entry refused for its key
				// ("claims.dates.weekdays.funday"): point at the key.
				return at.Content[best]
			}
			next = at.Content[best+1]
		default:
			return at
		}
		at = next
	}
	if rule != "" && (at.Kind == yaml.SequenceNode || at.Kind == yaml.MappingNode) {
		for _, c := range at.Content {
			if c.Kind == yaml.ScalarNode && c.Value == rule {
				return c
			}
		}
	}
	return at
}

var (
	lineMsg    = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	unknownKey = regexp.MustCompile(`^field (\S+) not found in type (.+)$`)
	cannotRead = regexp.MustCompile("^cannot unmarshal (!!\\w+)(?: `(.*)`)? into (.+)$")
	definedKey = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
)

// decodeError turns the decoder's error into an *Error at the node it is
// about: yaml.v3 gives the line only, so the node is looked up by its line
// and text for the column and for the key path the message names.
func (f *File) decodeError(err error) error {
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msgs = te.Errors
	}
	if len(msgs) == 1 {
		return f.lineError(msgs[0])
	}
	list := make(ErrorList, len(msgs))
	for i, m := range msgs {
		list[i] = f.lineError(m)
	}
	return list
}

// ErrorList is the errors of a file the decoder found all at once (keys
// it does not know, values of the wrong kind), in the file's order, as
// go/scanner.ErrorList is.
type ErrorList []*Error

// Error says each error, with its line and caret, one after the other.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap gives errors.As and errors.Is each error of the list.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func (f *File) lineError(msg string) *Error {
	e := &Error{Name: f.Name, Msg: strings.TrimPrefix(msg, "yaml: ")}
	m := lineMsg.FindStringSubmatch(msg)
	if m == nil {
		return e
	}
	line, _ := strconv.Atoi(m[1])
	e.Msg = m[2]
	f.place(e, line, 0)
	root := f.tree()
	if root == nil {
		return e // a syntax error: the line is all yaml.v3 knows
	}
	if k := unknownKey.FindStringSubmatch(m[2]); k != nil {
		if n, path := findKey(root, line, k[1]); n != nil {
			e.Msg = fmt.Sprintf("unknown key %q in %s", k[1], displayPath(parent(path)))
			e.Col = n.Column
		}
		return e
	}
	if k := definedKey.FindStringSubmatch(m[2]); k != nil {
		if n, path := findKey(root, line, k[1]); n != nil {
			e.Msg = fmt.Sprintf("duplicate key %q in %s (first at line %s)", k[1], displayPath(parent(path)), k[2])
			e.Col = n.Column
		}
		return e
	}
	if k := cannotRead.FindStringSubmatch(m[2]); k != nil {
		tag, text, goType := k[1], k[2], k[3]
		if n, path := findNode(root, "", line, func(key, val *yaml.Node) *yaml.Node {
			if val.ShortTag() != tag {
				return nil
			}
			if cut, ok := strings.CutSuffix(text, "..."); ok && strings.HasPrefix(val.Value, cut) || val.Value == text || val.Kind != yaml.ScalarNode {
				return val
			}
			return nil
		}); n != nil {
			got := kindName(n)
			if n.Kind == yaml.ScalarNode {
				got += fmt.Sprintf(" %q", n.Value)
			}
			e.Msg = fmt.Sprintf("%s: want %s, got %s", displayPath(path), wantName(goType), got)
			e.Col = n.Column
		}
	}
	return e
}

// findKey finds the mapping key name on line.
func findKey(root *yaml.Node, line int, name string) (*yaml.Node, string) {
	return findNode(root, "", line, func(key, _ *yaml.Node) *yaml.Node {
		if key != nil && key.Value == name {
			return key
		}
		return nil
	})
}

// findNode walks the tree for the first node on line that match accepts,
// given the key it is the value of (nil in a list), and returns it with
// its key path.
func findNode(n *yaml.Node, path string, line int, match func(key, val *yaml.Node) *yaml.Node) (*yaml.Node, string) {
	if n.Line > line {
		return nil, ""
	}
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			p := joinPath(path, key.Value)
			if key.Line == line || val.Line == line {
				if hit := match(key, val); hit != nil {
					return hit, p
				}
			}
			if hit, hp := findNode(val, p, line, match); hit != nil {
				return hit, hp
			}
		}
	case yaml.SequenceNode:
		for i, val := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if val.Line == line {
				if hit := match(nil, val); hit != nil {
					return hit, p
				}
			}
			if hit, hp := findNode(val, p, line, match); hit != nil {
				return hit, hp
			}
		}
	}
	return nil, ""
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// parent drops the last part of a key path.
func parent(path string) string {
	if i := strings.LastIndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return ""
}

func displayPath(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "the number"
	case "!!bool":
		return "the boolean"
	}
	return "the text"
}

// wantName says in words what a Go type the decoder fills takes.
func wantName(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.HasPrefix(goType, "map["):
		return "a mapping"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "a whole number"
	case strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "bool":
		return "true or false"
	case goType == "string":
		return "a single value"
	}
	return "a mapping" // a struct
}

// EntryProblem says what is wrong with a word or phrase of a rules list as
// written, or "" when nothing is. It is the one syntax of every word and
// phrase list, in the figure rules and the claims alike: words separated
// by single spaces, no wildcards.
func EntryProblem(text string) string {
	fields := strings.Fields(text)
	switch {
	case len(fields) == 0:
		return "is empty"
	case strings.Join(fields, " ") != text:
		return "want words separated by single spaces"
	}
	for _, w := range fields {
		if len(w) > 1 && strings.HasSuffix(w, "*") {
			return `a word ending in "*" is no pattern: list each word in full`
		}
	}
	return ""
}

// duplicate finds the first list of scalars in the tree that names an
// entry twice.
func duplicate(n *yaml.Node) (first, again *yaml.Node) {
	if n.Kind == yaml.SequenceNode {
		seen := map[string]*yaml.Node{}
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				continue
			}
			if prev, ok := seen[c.Value]; ok {
				return prev, c
			}
			seen[c.Value] = c
		}
	}
	for _, c := range n.Content {
		if first, again := duplicate(c); again != nil {
			return first, again
		}
	}
	return nil, nil
}
