package claim

// Event dates. Handles, in the figure's sentence:
//
//	"on Friday", "Friday morning"   the latest Friday on or before publication
//	"last Friday"                   the latest Friday before publication
//	"next Friday"                   not dated
//	"yesterday", "last week"        days_ago before publication ("last week" = 7 days)
//	"since the beginning of the year"   January 1 of the publication year
//	"March 5", "5 March", "Feb. 24"     that day of the publication year, or
//	                                    the year before when it would fall more than
//	                                    dates.future_days after publication
//	"March 5, 2022", "5 March 2022", "2022-03-05"   as written
//
// The date nearest the figure in its clause wins, else the nearest in the
// sentence. Relative dates need the publication date; without it they
// give "".

import "time"

// date is a calendar day; the zero value is unknown.
type date struct{ t time.Time }

func (d date) known() bool { return !d.t.IsZero() }

func mkDate(y, m, d int) (date, bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return date{}, false
	}
	return date{t}, true
}

// parseDate reads "YYYY-MM-DD"; anything else is unknown.
func parseDate(s string) date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return date{}
	}
	y, ok1 := atoi(s[0:4])
	m, ok2 := atoi(s[5:7])
	d, ok3 := atoi(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return date{}
	}
	t, _ := mkDate(y, m, d)
	return t
}

func atoi[T string | []byte](s T) (int, bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func (d date) format() string {
	y, m, dd := d.t.Date()
	var b [10]byte
	b[0] = byte('0' + y/1000%10)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + int(m)/10)
	b[6] = byte('0' + int(m)%10)
	b[7] = '-'
	b[8] = byte('0' + dd/10)
	b[9] = byte('0' + dd%10)
	return string(b[:])
}

// dateAt reads a date expression starting at token i: its day (unknown when
// it cannot be placed) and its length in tokens, 0 when there is none.
func (a *Annotator) dateAt(c *call, i int) (date, int) {
	v := &c.s.main
	end := c.tb
	if !v.word(i) {
		return date{}, 0
	}
	if v.is(i, fDigit) {
		if d, ok := isoDate(v.text[v.toks[i].s:v.toks[i].e]); ok {
			return d, 1
		}
		// "5 March [2022]"
		if day, ok := a.dayNumber(v, i); ok && i+1 < end && v.word(i+1) && v.is(i+1, fCap) {
			if n, tag := a.dates.match(v, i+1, end); n == 1 && tag&dKindMask == dMonth {
				y, yn := yearAt(v, i+2, end, false)
				return a.monthDay(c, y, tag&dValueMask, day), 2 + yn
			}
		}
		return date{}, 0
	}
	n, tag := a.dates.match(v, i, end)
	if n == 0 {
		return date{}, 0
	}
	val := tag & dValueMask
	switch tag & dKindMask {
	case dWeekday:
		if !v.is(i+n-1, fCap) {
			return date{}, 0
		}
		return a.weekday(c, val, false), n
	case dLast, dNext:
		if i+n < end && v.is(i+n, fCap) {
			if m, t2 := a.dates.match(v, i+n, end); m > 0 && t2&dKindMask == dWeekday {
				if tag&dKindMask == dNext {
					return date{}, n + m
				}
				return a.weekday(c, t2&dValueMask, true), n + m
			}
		}
		return date{}, n
	case dDaysAgo:
		if !c.pub.known() {
			return date{}, n
		}
		return date{c.pub.t.AddDate(0, 0, -val)}, n
	case dYearStart:
		if !c.pub.known() {
			return date{}, n
		}
		d, _ := mkDate(c.pub.t.Year(), 1, 1)
		return d, n
	case dMonth:
		// "March 5[, 2022]", "Feb. 24"
		if !v.is(i, fCap) {
			return date{}, n
		}
		j := i + n
		if j < end && v.toks[j].kind == kStop && v.text[v.toks[j].s] == '.' {
			j++
		}
		if j < end {
			if day, ok := a.dayNumber(v, j); ok {
				y, yn := yearAt(v, j+1, end, true)
				return a.monthDay(c, y, val, day), j + 1 - i + yn
			}
		}
		return date{}, n
	}
	return date{}, n
}

// weekday is the latest such weekday on (or, strictly, before) publication.
func (a *Annotator) weekday(c *call, wd int, strict bool) date {
	if !c.pub.known() {
		return date{}
	}
	diff := (int(c.pub.t.Weekday()) - wd + 7) % 7
	if strict && diff == 0 {
		diff = 7
	}
	return date{c.pub.t.AddDate(0, 0, -diff)}
}

// monthDay places a day of a month; y is 0 when the text gives no year.
func (a *Annotator) monthDay(c *call, y, m, d int) date {
	if y > 0 {
		t, _ := mkDate(y, m, d)
		return t
	}
	if !c.pub.known() {
		return date{}
	}
	py := c.pub.t.Year()
	t, ok := mkDate(py, m, d)
	if ok && t.t.After(c.pub.t.AddDate(0, 0, a.futureDays)) {
		t, ok = mkDate(py-1, m, d)
	}
	if !ok {
		return date{}
	}
	return t
}

// dayNumber reads a day of the month, "5" or "5th".
func (a *Annotator) dayNumber(v *view, i int) (int, bool) {
	if !v.word(i) || !v.is(i, fDigit) {
		return 0, false
	}
	w := v.key(i)
	n, k := 0, 0
	for k < len(w) && k < 3 && w[k] >= '0' && w[k] <= '9' {
		n = n*10 + int(w[k]-'0')
		k++
	}
	if k < len(w) && (len(w)-k > a.daySuffixMax || !a.daySuffixes.has(w[k:])) {
		return 0, false
	}
	return n, n >= 1 && n <= 31 && k <= 2
}

// yearAt reads a four-digit year at token i (after a comma when comma is
// set); it returns 0, 0 when there is none.
func yearAt(v *view, i, end int, comma bool) (int, int) {
	skip := 0
	if comma && i < end && v.toks[i].kind == kComma {
		skip = 1
	}
	i += skip
	if i >= end || !v.word(i) {
		return 0, 0
	}
	w := v.key(i)
	if len(w) != 4 {
		return 0, 0
	}
	y, ok := atoi(w)
	if !ok || y < 1000 {
		return 0, 0
	}
	return y, 1 + skip
}

func isoDate(w string) (date, bool) {
	d := parseDate(w)
	return d, d.known()
}
