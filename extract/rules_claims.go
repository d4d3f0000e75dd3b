package extract

// The claims stage decides who a figure is attributed to, how sure it is,
// when and where it happened: package claim, compiled from the claims
// section with the abbreviations and months it shares with the figure
// rules (Config.ClaimsConfig).

import (
	"errors"
	"strings"

	"github.com/tally-news/tally/extract/internal/claim"
)

// claimRules are the compiled claims section.
type claimRules struct {
	claims *claim.Annotator
}

func (c *compiler) claimRules(cfg Config) {
	a, err := claim.New(cfg.ClaimsConfig())
	if err != nil {
		var ce *ConfigError
		if errors.As(err, &ce) {
			c.fail(sharedKey(ce.Key), ce.Rule, "%s", ce.Msg)
		} else {
			c.fail("claims", "", "%v", err)
		}
		return
	}
	c.r.claims = a
}

// sharedKey names a claims error about the months, which the claims share
// with the figure rules (see Config.ClaimsConfig), by their top-level key;
// the abbreviations are compiled by the figure rules alone.
func sharedKey(key string) string {
	if rest, ok := strings.CutPrefix(key, "claims.dates.months"); ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
		return "months" + rest
	}
	return key
}
