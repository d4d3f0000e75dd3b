package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// brief prints the figures a test cares about (ages, always other,
// included): text, value, category,
// basis and scope.
func brief(figs []schema.Figure) string {
	var parts []string
	for _, f := range figs {
		parts = append(parts, fmt.Sprintf("%s=%v %s %s %s", f.Text, f.Value, f.Category, f.Basis, f.Scope))
	}
	return strings.Join(parts, "; ")
}

// TestImpliedCounts: single casualties told without a number are figures
// of value 1 (basis implied), "another" adds one (increment), "four shot,
// one fatally" derives the injured, and what is not a casualty stays out.
func TestImpliedCounts(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	tests := []struct{ text, want string }{
		{"A woman was found dead in her apartment.", "A woman=1 killed implied incident"},
		{"The shooting left a 20-year-old man dead.", "a 20-year-old man=1 killed implied incident; 20-year-old=20 other stated incident"},
		{"The gunman was killed by police.", "The gunman=1 killed implied incident"},
		{"Police said a man was shot in the leg.", "a man=1 injured implied incident"},
		{"A 60-year old Schuylkill County man was shot and killed Saturday.", "A 60-year old Schuylkill County man=1 killed implied incident; 60-year old=60 other stated incident"},
		{"The victim, 25, died at the hospital.", "The victim=1 killed implied incident; 25=25 other stated incident"},
		{"A man is dead and another was wounded.", "A man=1 killed implied incident; another=1 injured increment incident"},
		{"Police say a 29-year-old was shot twice in the chest.", "a 29-year-old=1 injured implied incident; 29-year-old=29 other stated incident"},
		{"Officers found the 23-year-old suffering from a gunshot wound.", "the 23-year-old=1 injured implied incident; 23-year-old=23 other stated incident"},
		{"A man was accidentally shot by an acquaintance.", "A man=1 injured implied incident"},
		{"Four people were shot, one fatally, on Friday night.", "Four=4 injured stated incident; Four=3 injured derived incident; one=1 killed stated incident"},
		{"One more passenger died in hospital on Sunday.", "One=1 killed increment incident"},
		{"A man was shot in the chest Sunday night and later died.", "A man=1 killed implied incident"},
		{"The victim suffered a gunshot wound and died hours later.", "The victim=1 killed implied incident"},
		{"A man who was shot Sunday night died Monday at the hospital.", "A man=1 killed implied incident"},
		{"A woman who was shot in the leg is recovering.", "A woman=1 injured implied incident"},
		{"A male in his 20s was found dead inside a vehicle.", "A male=1 killed implied incident"},
		{"The son of a local pastor was shot on Sunday.", "The son=1 injured implied incident"},
		{"Police found the body of a young man inside a home.", "a young man=1 killed implied incident"},
		{"A man in a red car was seen fleeing.", ""},
		{"A man who witnessed the shooting said he heard shots.", ""},
		{"One man was killed and another", "One=1 killed stated incident"}, // cut off: no state after "another"
		{"The shooting left one man dead and another wounded.", "one=1 killed stated incident; another=1 injured increment incident"},
		{"One man was killed and another injured on Friday.", "One=1 killed stated incident; another=1 injured increment incident"},
		{"A man accidentally shot himself in the leg outside a store.", "A man=1 injured implied incident"},
		{"The victim survived bullet wounds to his chest.", "The victim=1 injured implied incident"},
		{"The gunman then shot and killed himself.", "The gunman=1 killed implied incident"},
		{"The gunman shot and killed himself.", "The gunman=1 killed implied incident"},
		{"A woman was shot in the arm; her brother died.", "A woman=1 injured implied incident; her brother=1 killed implied incident"},
		{"A man was shot after a fight that ended when a bystander was shot and died.", "A man=1 injured implied incident; a bystander=1 killed implied incident"},
		// not casualties
		{"He died at the scene.", ""}, // a pronoun counts only after a casualty
		{"A man was shot at but not hit.", ""},
		{"No one was injured when two people burst into the home.", "two=2 other stated incident"},
		{"Her watchdog was shot and killed by burglars.", ""},
		{"He faces charges of attempted murder of a police officer.", ""},
		{"Two passengers in the car were not hurt.", "Two=2 other stated incident"},
		{"Russia launched 128 drones, and 110 were shot down.", "128=128 equipment stated incident; 110=110 equipment stated incident"},
	}
	for _, tt := range tests {
		figs := e.Extract(extract.Document{Source: "t.txt", Text: tt.text})
		if got := brief(figs); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
	// A pronoun counts after a casualty in an earlier sentence.
	figs := e.Extract(extract.Document{Source: "t.txt", Text: "A man was shot on Friday.\nHe died at the hospital."})
	if got, want := brief(figs), "A man=1 injured implied incident; He=1 killed implied incident"; got != want {
		t.Errorf("pronoun after a casualty:\n got %s\nwant %s", got, want)
	}
}

// TestScope: running totals are cumulative; rates, comparisons and other
// years are background; the story's own figures are the incident's.
func TestScope(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	tests := []struct{ text, want string }{
		{"date 2024-11-08\nThe quake killed 212 people on Thursday.", "212=212 killed stated incident"},
		{"date 2024-11-08\nThe 1999 quake killed 17,000 people.", "17,000=17000 killed stated background"},
		{"The city records nearly 600 gun deaths a year.", "600=600 killed stated background"},
		{"The neighbourhood has seen four people killed in less than a year.", "four=4 killed stated background"},
		{"Since the war began, 10,000 civilians have been killed.", "10,000=10000 killed stated cumulative"},
		{"So far this year, 45 people have drowned.", "45=45 killed stated cumulative"},
		{"Last year, more than 2,000 people were killed in similar attacks.", "2,000=2000 killed stated background"},
		{"Earlier this year, 12 people drowned in the river.", "12=12 killed stated background"},
		// an undated article is of the latest year it names
		{"In 2011, 15 people died in the same river.\nA report on the river was published in 2014.", "15=15 killed stated background"},
		{"Floods displaced 89,000 people across the region in 2016.", "89,000=89000 displaced stated incident"},
		{"Fighting caused 34,000 displacements between December 2016 and January 2017.", "34,000=34000 displaced stated incident"},
		{"date 2024-11-08\nThe city has recorded 40 shootings this year, and 12 died in 2019.", "40=40 other stated cumulative; 12=12 killed stated background"},
	}
	for _, tt := range tests {
		figs := e.Extract(extract.Document{Source: "t.txt", Text: tt.text})
		if got := brief(figs); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

// TestCategoriesOnEveryBeat: the categories of other beats than war.
func TestCategoriesOnEveryBeat(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	tests := []struct{ text, want string }{
		{"Officials confirmed 300 new cholera cases this week.", "cases"},
		{"Police arrested 14 protesters outside parliament.", "arrested"},
		{"The storm affected 20,000 people across the coast.", "affected"},
		{"Floods forced 5,000 people out of their homes.", "displaced"},
		{"About 3,800 people were pushed over the border by drought.", "displaced"},
		{"Some 800 people took shelter in schools.", "displaced"},
		{"Eight coaches derailed near the station.", "equipment"},
		{"The outbreak has killed people across six states.", "territory"},
		{"The conflict caused 34,000 displacements last year.", "displaced"},
		{"A crowd of 60,000 gathered in the square.", "other"},
		{"Of the deaths, 17,388 were recorded in the capital.", "killed"},
		{"Officials reported one death on Sunday.", "killed"},
		{"Some 1,200 people were left homeless by the storm.", "displaced"},
		{"Nearly 4,000 residents were forced to leave the area.", "displaced"},
		{"The rebels handed 12 captives to the Red Cross on Monday.", "released"},
		{"The fire was 25% contained by Sunday evening.", "other"},
		// words glued together in text pulled from PDFs
		{"Around 192,000 people weredisplaced in the region.", "displaced"},
		{"Nearly 500,000 newdisplacements have been recorded.", "displaced"},
		{"At least 150,000 more people have already fledShirqat in recent weeks.", "displaced"},
		{"The 40 fledgling firms applied for loans.", "other"},
	}
	for _, tt := range tests {
		figs := e.Extract(extract.Document{Source: "t.txt", Text: tt.text})
		if len(figs) != 1 || figs[0].Category != tt.want {
			t.Errorf("%q: got %s, want one figure of category %s", tt.text, brief(figs), tt.want)
		}
	}
}

// TestNotFigures: numbers that name rather than count.
func TestNotFigures(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	for _, text := range []string{
		"See page 1 of 17 for the full list.",
		"The suspect fired a .45-caliber handgun at officers.",
		"In week 12 of the season, the club won again.",
		"Police were called to the 5200 block of 30th Place.",
		"Santiago Salgado Jr., 39, was shot dead on Sunday.",
		"Arjun Singh (31) was arrested on Monday.",
		"Heavy rain fell on 8 and 9 November.",
	} {
		for _, f := range e.Extract(extract.Document{Source: "t.txt", Text: text}) {
			if f.Basis == extract.BasisStated && f.Rule != "age" {
				t.Errorf("%q: %s is a figure (rule %s)", text, f.Text, f.Rule)
			}
		}
	}
}
