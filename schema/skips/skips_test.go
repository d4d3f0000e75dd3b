package skips

import "testing"

func TestReport(t *testing.T) {
	tests := []struct {
		notes  []string
		strict bool
		text   string
		fail   bool
	}{
		{nil, true, "", false},
		{[]string{"TestA (no seed corpus)"}, false, "skipped: 1 test: TestA (no seed corpus)\n", false},
		{[]string{"TestA (x)", "TestB (y)"}, true,
			"skipped: 2 tests: TestA (x); TestB (y)\nskips: TALLY_NO_SKIPS is set, so a skipped test fails the run\n", true},
	}
	for _, tt := range tests {
		text, fail := report(tt.notes, tt.strict)
		if text != tt.text || fail != tt.fail {
			t.Errorf("report(%q, %v) = %q, %v; want %q, %v", tt.notes, tt.strict, text, fail, tt.text, tt.fail)
		}
	}
}
