package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	tally "github.com/tally-news/tally"
	"github.com/tally-news/tally/extract"
)

// embeddedName is how errors and the About sheet name the built-in rules.
const embeddedName = "config.yaml (embedded)"

// ruleSet is a rules file as read: where it came from, its bytes and hash
// (which decides whether incremental state is still valid), and its config.
type ruleSet struct {
	name string
	hash string
	root yaml.Node
	cfg  extract.Config
}

// loadRules reads and checks a rules file, or the embedded default when
// path is empty. Errors name the file and line.
func loadRules(path string) (*ruleSet, error) {
	rs := &ruleSet{name: embeddedName}
	data := tally.DefaultConfig
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("config: %w", err)
		}
		rs.name = path
	}
	sum := sha256.Sum256(data)
	rs.hash = hex.EncodeToString(sum[:])
	if err := yaml.Unmarshal(data, &rs.root); err != nil {
		return nil, fmt.Errorf("%s: %v", rs.name, err)
	}
	if len(rs.root.Content) == 0 {
		return nil, fmt.Errorf("%s: empty rules file", rs.name)
	}
	if err := checkKeys(rs.root.Content[0], reflect.TypeOf(extract.Config{}), ""); err != nil {
		return nil, fmt.Errorf("%s:%v", rs.name, err)
	}
	v := viper.New()
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("%s: %v", rs.name, err)
	}
	if err := v.UnmarshalExact(&rs.cfg); err != nil {
		return nil, fmt.Errorf("%s:%d: %v", rs.name, rs.lineOfMessage(err.Error()), oneLine(err.Error()))
	}
	return rs, nil
}

// extractor compiles the rules; a rule error names the file, line and key.
func (rs *ruleSet) extractor(opts extract.Options) (*extract.Extractor, error) {
	e, err := extract.New(rs.cfg, opts)
	var ce *extract.ConfigError
	if errors.As(err, &ce) {
		return nil, fmt.Errorf("%s:%d: %v", rs.name, lineOf(rs.root.Content[0], ce.Key), ce)
	}
	return e, err
}

// checkKeys walks the YAML against the Config type and reports the first
// key that Config does not have, with its line: a misspelt key must not be
// silently ignored.
func checkKeys(n *yaml.Node, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("%d: %s: expected a mapping", n.Line, displayPath(path))
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fieldByTag(t, key.Value)
			if !ok {
				return fmt.Errorf("%d: unknown key %q in %s", key.Line, key.Value, displayPath(path))
			}
			if err := checkKeys(val, f.Type, joinPath(path, key.Value)); err != nil {
				return err
			}
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			return fmt.Errorf("%d: %s: expected a list", n.Line, displayPath(path))
		}
		for i, item := range n.Content {
			if err := checkKeys(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("%d: %s: expected a mapping", n.Line, displayPath(path))
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := strings.ToLower(n.Content[i].Value)
			if seen[key] {
				return fmt.Errorf("%d: duplicate key %q in %s", n.Content[i].Line, n.Content[i].Value, displayPath(path))
			}
			seen[key] = true
			if err := checkKeys(n.Content[i+1], t.Elem(), joinPath(path, n.Content[i].Value)); err != nil {
				return err
			}
		}
	default:
		if n.Kind != yaml.ScalarNode {
			return fmt.Errorf("%d: %s: expected a single value", n.Line, displayPath(path))
		}
	}
	return nil
}

func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if strings.Split(f.Tag.Get("yaml"), ",")[0] == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func displayPath(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

var pathPart = regexp.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

// lineOf returns the line of the YAML node at a key path such as
// "categories[3].before[2]", or of the deepest part of it that exists.
func lineOf(n *yaml.Node, path string) int {
	line := n.Line
	for _, m := range pathPart.FindAllStringSubmatch(path, -1) {
		var next *yaml.Node
		switch {
		case m[2] != "" && n.Kind == yaml.SequenceNode:
			if i, _ := strconv.Atoi(m[2]); i < len(n.Content) {
				next = n.Content[i]
			}
		case m[1] != "" && n.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == m[1] {
					line, next = n.Content[i].Line, n.Content[i+1]
					break
				}
			}
		}
		if next == nil {
			return line
		}
		n, line = next, next.Line
	}
	return line
}

var quotedKey = regexp.MustCompile(`'([A-Za-z0-9_.\[\]]+)'`)

// lineOfMessage finds the line of the first key a decoding error quotes.
func (rs *ruleSet) lineOfMessage(msg string) int {
	if m := quotedKey.FindStringSubmatch(msg); m != nil {
		return lineOf(rs.root.Content[0], m[1])
	}
	return 1
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
