package schema

import "strconv"

// FormatNumber writes a value the way an analyst reads it: no exponent, no
// trailing zeros (4000000, 0.25, 3.5).
func FormatNumber(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Float returns a pointer to v, for the optional Low and High bounds.
func Float(v float64) *float64 { return &v }

func formatOptional(v *float64) string {
	if v == nil {
		return ""
	}
	return FormatNumber(*v)
}

func itoa(n int) string { return strconv.Itoa(n) }
