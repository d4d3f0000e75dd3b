package text

import "testing"

func TestAppendKey(t *testing.T) {
	const figures = FoldCase | DropSoftHyphen // as the figure pass folds
	const claims = ASCIIHyphens               // as the claims pass folds
	for _, tc := range []struct {
		name string
		word string
		f    Fold
		want string
	}{
		{"ascii", "Ukraine's", 0, "ukraine's"},
		{"digits and marks", "KM2-3,5", 0, "km2-3,5"},
		{"right quote", "Ukraine’s", 0, "ukraine's"},
		{"left quote", "‘Tis", 0, "'tis"},
		{"empty", "", figures, ""},

		// where the passes differ
		{"soft hyphen dropped", "evac\u00aduated", figures, "evacuated"},
		{"soft hyphen kept", "evac\u00aduated", claims, "evac\u00aduated"},
		{"hyphen U+2010 as ascii", "pro\u2010Russian", claims, "pro-russian"},
		{"non-breaking hyphen as ascii", "pro\u2011Russian", claims, "pro-russian"},
		{"hyphen U+2010 kept", "\u2010", figures, "\u2010"},
		{"upper case beyond ascii folded", "ÜRÜMQI", figures, "ürümqi"},
		{"upper case beyond ascii kept", "ÜRÜMQI", claims, "ÜrÜmqi"},
		{"greek folded rune by rune", "ΣΕΙΣΜΌΣ", FoldCase, "σεισμόσ"}, // no final sigma: unicode.ToLower

		// errors
		{"bad utf-8 folded", "a\xffb", FoldCase, "a\ufffdb"},
		{"bad utf-8 copied", "a\xffb", claims, "a\xffb"},
		{"cut quote copied", "a\xe2\x80", claims, "a\xe2\x80"},
	} {
		if got := string(AppendKey(nil, tc.word, tc.f)); got != tc.want {
			t.Errorf("%s: AppendKey(%q, %b) = %q, want %q", tc.name, tc.word, tc.f, got, tc.want)
		}
	}
}

func TestAppendKeyAppends(t *testing.T) {
	key := AppendKey([]byte("x "), "Kyiv’s", 0)
	if string(key) != "x kyiv's" {
		t.Errorf("got %q, want %q", key, "x kyiv's")
	}
}
