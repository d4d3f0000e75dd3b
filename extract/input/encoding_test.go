package input

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func utf16(t *testing.T, order unicode.Endianness, s string) string {
	t.Helper()
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEncodings checks decoding to UTF-8 and that nothing else about the
// text changes, and that undecodable bytes are reported by line.
func TestEncodings(t *testing.T) {
	tests := []struct {
		name    string
		content string
		docs    []string
		errs    []string
	}{
		{"a.txt", "\xef\xbb\xbfPrice: €5\r\n", []string{"{dir}/a.txt=Price: €5\r\n"}, nil},
		{"b.txt", utf16(t, unicode.LittleEndian, "Price: €6\nTotal: 7"), []string{"{dir}/b.txt=Price: €6\nTotal: 7"}, nil},
		{"c.jsonl", utf16(t, unicode.BigEndian, `{"text":"Fee: €8"}`+"\n"), []string{"{dir}/c.jsonl#1=Fee: €8"}, nil},
		{"d.txt", "caf\xe9 \x809 \x93quoted\x94", []string{"{dir}/d.txt=café €9 “quoted”"}, nil},
		{"e.jsonl", `{"text":"ok 1"}` + "\n" + "{\"text\":\"\x93ten\x94 \x80 10\"}" + "\n", []string{"{dir}/e.jsonl#1=ok 1", "{dir}/e.jsonl#2=“ten” € 10"}, nil},
		{"f.csv", "text,title\n\x80 11,Caf\xe9\n", []string{"{dir}/f.csv#2=€ 11"}, nil},
		{"g.json", "[{\"text\":\"na\xefve 12\"}]", []string{"{dir}/g.json#1=naïve 12"}, nil},
		// errors
		{"h.txt", "line one é\nline two \xff\n", nil, []string{"{dir}/h.txt:2: invalid utf-8 at byte 21 (mixed with valid utf-8, so not windows-1252)"}},
		{"i.txt", "one\ntwo\nthree \x81\n", nil, []string{"{dir}/i.txt:3: invalid utf-8 at byte 14 (and not windows-1252)"}},
		{"j.txt", "\xef\xbb\xbfBOM says utf-8 \xe9", nil, []string{"{dir}/j.txt:1: invalid utf-8 at byte 15"}},
		{"k.jsonl", `{"text":"good 13"}` + "\n" + "{\"text\":\"é \xff\"}" + "\n", []string{"{dir}/k.jsonl#1=good 13"},
			[]string{"{dir}/k.jsonl:2: invalid utf-8 at byte 12 (mixed with valid utf-8, so not windows-1252)"}},
		{"l.csv", "text\nok 14\n\x9d bad\n", []string{"{dir}/l.csv#2=ok 14"}, []string{"{dir}/l.csv:3: invalid utf-8 at byte 0 (and not windows-1252)"}},
		{"m.txt", "\xff\xfe" + "a\x00", []string{"{dir}/m.txt=a"}, nil},
		{"n.txt", "a\x00b\x00c\x00 UTF-16 without a BOM", nil, []string{"{dir}/n.txt: binary file, not text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tt.name, []byte(tt.content))
			r := read(t, []string{p}, Options{})
			if got, want := r.sources(), expand(dir, tt.docs); !reflect.DeepEqual(got, want) {
				t.Errorf("documents:\n got %q\nwant %q", got, want)
			}
			if got, want := r.errs, expand(dir, tt.errs); !reflect.DeepEqual(got, want) {
				t.Errorf("errors:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestLooksBinary(t *testing.T) {
	for _, c := range []struct {
		head string
		want bool
	}{
		{"Plain text\twith tabs,\r\nline breaks,\f form feeds and \x1b[1mcolours\x1b[0m.", false},
		{"nine letters\x7f", false},                     // one control byte in thirteen
		{"\x01\x02abcdefgh", true},                      // two in ten is more than one in ten
		{strings.Repeat("words ", 1000) + "\x00", true}, // any NUL
		{"", false},
	} {
		if got := looksBinary([]byte(c.head)); got != c.want {
			t.Errorf("looksBinary(%q) = %v, want %v", c.head, got, c.want)
		}
	}
}
