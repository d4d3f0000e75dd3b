package output

import (
	"github.com/tally-news/tally/extract/tolls"
	"github.com/tally-news/tally/schema"
)

// tollCollector sums figures into per-document tolls as they stream by.
// A document's figures arrive together, so only the current document's
// are kept.
type tollCollector struct {
	rules *tolls.Rules
	doc   []schema.Figure
	tolls []schema.Toll
}

// newTollCollector returns nil when there are no toll rules: a nil
// collector collects nothing.
func newTollCollector(rules *tolls.Rules) *tollCollector {
	if rules == nil {
		return nil
	}
	return &tollCollector{rules: rules}
}

func (c *tollCollector) add(f *schema.Figure) {
	if c == nil {
		return
	}
	if len(c.doc) > 0 && c.doc[0].Source != f.Source {
		c.flush()
	}
	c.doc = append(c.doc, *f)
}

func (c *tollCollector) flush() {
	c.tolls = append(c.tolls, c.rules.Of(c.doc)...)
	clear(c.doc)
	c.doc = c.doc[:0]
}

// all returns every document's tolls, in the order documents came.
func (c *tollCollector) all() []schema.Toll {
	if c == nil {
		return nil
	}
	c.flush()
	return c.tolls
}
