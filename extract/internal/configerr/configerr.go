package configerr

import "fmt"

// Error says which key of the rules is wrong and why. Key is a path such as
// "units[3].aliases" or "claims.hedges[2].phrases[0]"; Rule is the offending
// entry when there is one.
type Error struct {
	Key  string
	Rule string
	Msg  string
}

func (e *Error) Error() string {
	if e.Rule != "" {
		return fmt.Sprintf("%s: %q: %s", e.Key, e.Rule, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Key, e.Msg)
}
