package extract_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/schema"
)

// want is the part of a figure a case checks: its text as written, value,
// qualifier, unit and category. An empty unit means a plain count.
type want struct {
	text, qualifier, unit, category string
	value                           float64
}

func (w want) String() string {
	return fmt.Sprintf("%q=%v %s %s [%s]", w.text, w.value, w.qualifier, w.unit, w.category)
}

func got(f schema.Figure) want {
	return want{text: f.Text, value: f.Value, qualifier: f.Qualifier, unit: f.Unit, category: f.Category}
}

func TestExtractSentences(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	tests := []struct {
		name, text string
		want       []want
	}{
		// digits and separators
		{"comma groups", "A total of 6,266 people fled the city through humanitarian corridors.",
			[]want{{"6,266", "exact", "", "displaced", 6266}}},
		{"space groups", "The town had 430 000 residents before the war.",
			[]want{{"430 000", "exact", "", "population", 430000}}},
		{"thin space groups", "Officials counted 12\u2009500 refugees at the border.",
			[]want{{"12\u2009500", "exact", "", "displaced", 12500}}},
		{"decimal", "The storm dumped 1.5 metres of snow.",
			[]want{{"1.5 metres", "exact", "m", "distance", 1.5}}},
		// number words
		{"word", "Rescuers pulled eight survivors from the rubble.",
			[]want{{"eight", "exact", "", "evacuated", 8}}},
		{"hyphenated word", "Twenty-five soldiers were captured near the river.",
			[]want{{"Twenty-five", "exact", "", "captured", 25}}},
		{"hundred and", "Two hundred and five homes were destroyed.",
			[]want{{"Two hundred and five", "exact", "", "infrastructure", 205}}},
		{"and a half", "The siege has lasted three and a half years.",
			[]want{{"three and a half years", "exact", "year", "duration", 3.5}}},
		{"and a half after a scale", "A million and a half people could follow them.",
			[]want{{"A million and a half", "exact", "", "other", 1.5e6}}},
		{"fraction of a scale", "Half a million people have fled, and a quarter of a million more are stranded.",
			[]want{{"Half a million", "exact", "", "displaced", 5e5}, {"a quarter of a million", "exact", "", "trapped", 2.5e5}}},
		{"zlotys", "Poland said it would need 10 billion zlotys to cope.",
			[]want{{"10 billion zlotys", "exact", "PLN", "money", 1e10}}},
		{"lost soldiers are dead, lost jobs and shares are not", "Russia says it has lost 498 soldiers; markets lost 2,000 jobs and the index lost 1.1%.",
			[]want{{"498", "exact", "", "killed", 498}, {"2,000", "exact", "", "other", 2000}, {"1.1%", "exact", "%", "other", 1.1}}},
		{"lost before a later trigger", "It said Ukraine had lost more than 2,870 soldiers and about 3,700 were wounded.",
			[]want{{"2,870", "min", "", "killed", 2870}, {"3,700", "approx", "", "injured", 3700}}},
		{"an object stops before the next count after and", "The company said it would cut 1,200 jobs and close three plants.",
			[]want{{"1,200", "exact", "", "other", 1200}, {"three", "exact", "", "infrastructure", 3}}},
		{"where people remain says what they are", "As of 11 January, 870 families remained in 20 evacuation centres, and 1,900 people were sheltering in reception centres.",
			[]want{{"870", "exact", "", "evacuated", 870}, {"20", "exact", "", "infrastructure", 20}, {"1,900", "exact", "", "displaced", 1900}}},
		{"homes whose own verb is evacuation are households", "More than 5,000 homes were evacuated, and the storm destroyed 300 homes and forced the evacuation of the valley.",
			[]want{{"5,000", "min", "", "evacuated", 5000}, {"300", "exact", "", "infrastructure", 300}}},
		{"a head at the end of its clause", "The floods destroyed 300 homes",
			[]want{{"300", "exact", "", "infrastructure", 300}}},
		{"remaining in a city is trapped", "About 4,000 people remain in the besieged city.",
			[]want{{"4,000", "approx", "", "trapped", 4000}}},
		{"an aside before the number does not cut its clause", "The floods forced the evacuation of, by one count, 17,631 people.",
			[]want{{"17,631", "exact", "", "evacuated", 17631}}},
		{"a figure in an aside reaches the verb after it", "More than 700 families, or more than 3,400 people, were still sheltering in 52 evacuation centres.",
			[]want{{"700", "min", "", "evacuated", 700}, {"3,400", "min", "", "evacuated", 3400}, {"52", "exact", "", "infrastructure", 52}}},
		{"sickened are cases", "The outbreak has killed 19 people and sickened more than 400.",
			[]want{{"19", "exact", "", "killed", 19}, {"400", "min", "", "cases", 400}}},
		{"hit, then died", "Two men were shot in the parking lot and died at the hospital.",
			[]want{{"Two", "exact", "", "killed", 2}}},
		{"hit, then someone else died", "Five people were wounded when a gunman opened fire and died at the scene.",
			[]want{{"Five", "exact", "", "injured", 5}}},
		{"speakers are not the count they report", "Two Army officers said 12 militants were killed, and three residents told reporters that 40 homes burned.",
			[]want{{"Two", "exact", "", "other", 2}, {"12", "exact", "", "killed", 12}, {"three", "exact", "", "population", 3}, {"40", "exact", "", "infrastructure", 40}}},
		{"things counted beside people-only verbs", "It sells in 6 countries and killed off two product lines; 1,500 flights were cancelled and 400 travellers were stranded.",
			[]want{{"6", "exact", "", "other", 6}, {"two", "exact", "", "other", 2}, {"1,500", "exact", "", "other", 1500}, {"400", "exact", "", "trapped", 400}}},
		{"stuff seized is not captives", "Police seized 40 kilograms of cocaine and 12 firearms; 45 patients remain in intensive care and two firefighters suffered minor burns.",
			[]want{{"40 kilograms", "exact", "kg", "other", 40}, {"12", "exact", "", "equipment", 12}, {"45", "exact", "", "injured", 45}, {"two", "exact", "", "injured", 2}}},
		{"a qualifier adds no distance to the verb before it", "The quake struck late on Friday, killing at least 2,012 people and injuring 2,059, the ministry said.",
			[]want{{"2,012", "min", "", "killed", 2012}, {"2,059", "exact", "", "injured", 2059}}},
		{"a determiner before the number leaves it opening its clause", "All 132 people on board the Boeing 737-800 are feared dead after the plane crashed.",
			[]want{{"132", "exact", "", "killed", 132}}},
		{"lakh and crore", "About 2.14 lakh people were moved to 1,537 relief camps, and Rs 500 crore was released.",
			[]want{{"2.14 lakh", "approx", "", "evacuated", 214000}, {"1,537", "exact", "", "infrastructure", 1537}, {"Rs 500 crore", "exact", "INR", "money", 5e9}}},
		{"captives who remain are not trapped", "Israel says 137 hostages remain in Gaza.",
			[]want{{"137", "exact", "", "captured", 137}}},
		{"and with a count of its own opens the next figure's clause", "Rescuers said 9 bodies were recovered and at least 30 people are missing; about 300 people (including 44 children and 139 women) were evacuated.",
			[]want{{"9", "exact", "", "killed", 9}, {"30", "min", "", "missing", 30}, {"300", "approx", "", "evacuated", 300}, {"44", "exact", "", "evacuated", 44}, {"139", "exact", "", "evacuated", 139}}},
		{"said to be is no speaker", "Two men said to be militants were killed.",
			[]want{{"Two", "exact", "", "killed", 2}}},
		{"as high as", "Local estimates put the toll as high as 60.",
			[]want{{"60", "max", "", "killed", 60}}},
		{"a couple of hundred", "A couple of hundred families fled in the past week.",
			[]want{{"A couple of hundred", "approx", "", "displaced", 200}}},
		{"treated for", "Two died in the fire, and several hundred were treated for smoke inhalation.",
			[]want{{"Two", "exact", "", "killed", 2}, {"several hundred", "approx", "", "injured", 400}}},
		{"restatement in brackets", "Clients with more than 7.5 million euros (US $8.1 million) pay a fee, the depot is about 25 km (16 miles) away.",
			[]want{{"7.5 million euros", "min", "EUR", "money", 7.5e6}, {"US $8.1 million", "min", "USD", "money", 8.1e6},
				{"25 km", "approx", "km", "distance", 25}, {"16 miles", "approx", "mi", "distance", 16}}},
		{"restatement takes the category", "The EU pledged 500 million euros ($550 million) in humanitarian aid.",
			[]want{{"500 million euros", "exact", "EUR", "aid", 5e8}, {"$550 million", "exact", "USD", "aid", 5.5e8}}},
		{"transliterated pound", "The package was worth PS2.7m, and fans paid PS21,700 for PS5 consoles.",
			[]want{{"PS2.7m", "exact", "GBP", "money", 2.7e6}, {"PS21,700", "exact", "GBP", "money", 21700}}},
		{"span of days", "Some 105 hostages were freed during a Nov. 24-30 truce; between 24-30 November, 40 people died.",
			[]want{{"105", "approx", "", "released", 105}, {"40", "exact", "", "killed", 40}}},
		{"or aside", "Some 1.9 million people, or 85% of the population of 2.3 million, have been displaced.",
			[]want{{"1.9 million", "approx", "", "displaced", 1.9e6}, {"85%", "exact", "%", "displaced", 85}, {"2.3 million", "exact", "", "population", 2.3e6}}},
		{"qualified aside", "Some 10 million Ukrainians, nearly a quarter of the population, have fled their homes.",
			[]want{{"10 million", "approx", "", "displaced", 1e7}, {"a quarter", "max", "fraction", "displaced", 0.25}}},
		{"page furniture", "4 min read\n1 of 12 | Rescuers carry 3 survivors.",
			[]want{{"3", "exact", "", "evacuated", 3}}},
		{"number of dead", "The ministry put the number of dead at 31, up from 25 a day earlier; the number of injured rose to 140.",
			[]want{{"31", "exact", "", "killed", 31}, {"25", "exact", "", "killed", 25}, {"140", "exact", "", "injured", 140}}},
		{"bused and waiting", "Another 3,000 were bused to the capital, and 1,500 more were waiting to leave.",
			[]want{{"3,000", "exact", "", "evacuated", 3000}, {"1,500", "exact", "", "trapped", 1500}}},
		{"names with numbers", "The 49ers won as the S&P 500 rose 1.2%; Formula 1 returns, a Fortune 500 firm cut 10,000 jobs and 7-Eleven opened 300 stores.",
			[]want{{"1.2%", "exact", "%", "other", 1.2}, {"10,000", "exact", "", "other", 10000}, {"300", "exact", "", "infrastructure", 300}}},
		{"one in four before a verb", "One in four developed complications; he scored 2 in 5 minutes.",
			[]want{{"One in four", "exact", "fraction", "other", 0.25}, {"2", "exact", "", "other", 2}, {"5 minutes", "exact", "minute", "duration", 5}}},
		{"unit before the number", "A magnitude 7.8 earthquake struck, and up to 20 inches of rain fell.",
			[]want{{"7.8", "exact", "magnitude", "other", 7.8}, {"20 inches", "max", "in", "other", 20}}},
		{"upward of and est.", "Upward of 300 trucks were stuck. Est. 40 villages burned.",
			[]want{{"300", "min", "", "equipment", 300}, {"40", "approx", "", "territory", 40}}},
		{"spaced country prefix and the wire's yen", "Tickets cost HK $5.4m, or Y=590 billion; a $5 bill.",
			[]want{{"HK $5.4m", "exact", "HKD", "money", 5.4e6}, {"Y=590 billion", "exact", "JPY", "money", 5.9e11}, {"$5", "exact", "USD", "money", 5}}},
		{"part of a sum", "He has raised only 280 million of the 1.5 billion shekels he needs.",
			[]want{{"280 million", "exact", "ILS", "money", 2.8e8}, {"1.5 billion shekels", "exact", "ILS", "money", 1.5e9}}},
		{"by a change to a level", "Support rose by 12 to 47 percent, and the water dropped by 1 to 1.5 metres.",
			[]want{{"12", "exact", "%", "other", 12}, {"47 percent", "exact", "%", "other", 47}, {"1 to 1.5 metres", "range", "m", "distance", 1}}},
		{"early years", "The treaty was signed in 1648; in 1500 homes the water was cut.",
			[]want{{"1500", "exact", "", "infrastructure", 1500}}},
		{"among them", "The toll includes 1,119 dead, among them 99 children.",
			[]want{{"1,119", "exact", "", "killed", 1119}, {"99", "exact", "", "killed", 99}}},
		{"come back, maybe", "Only 12 have come back; maybe 30 are still held.",
			[]want{{"12", "exact", "", "released", 12}, {"30", "approx", "", "captured", 30}}},
		{"title-case headline", "Ukraine Says It Shot Down 29 Of 31 Missiles; Strike Kills 12, Wounds Dozens",
			[]want{{"29", "exact", "", "equipment", 29}, {"31", "exact", "", "equipment", 31}, {"12", "exact", "", "killed", 12}, {"Dozens", "approx", "", "injured", 36}}},
		{"passes", "Death Toll From Quake Passes 40,000",
			[]want{{"40,000", "min", "", "killed", 40000}}},
		{"vulgar fractions", "Some 2½ million people fled, nearly ¼ of homes burned, and the walk took 1¾ hours.",
			[]want{{"2½ million", "approx", "", "displaced", 2.5e6}, {"¼", "max", "fraction", "infrastructure", 0.25}, {"1¾ hours", "exact", "hour", "duration", 1.75}}},
		{"hyphenated halves and quarters, decimal comma", "Some two-and-a-half million fled; a quarter-million people stayed; it cost 2,5 million euros. Then 1,2 and 3 were late.",
			[]want{{"two-and-a-half million", "approx", "", "displaced", 2.5e6}, {"a quarter-million", "exact", "", "other", 2.5e5},
				{"2,5 million euros", "exact", "EUR", "money", 2.5e6}, {"1", "exact", "", "other", 1}, {"2", "exact", "", "other", 2}, {"3", "exact", "", "other", 3}}},
		{"codes and phone numbers", "The Boeing 747-400, the B.1.1.7 variant and the P5+1 met; call 911 or +44 20 7946 0958. The Dow rose +0.2%.",
			[]want{{"0.2%", "exact", "%", "other", 0.2}}},
		{"vague amount with two scales", "Several hundred thousand people lost power.",
			[]want{{"Several hundred thousand", "approx", "", "other", 4e5}}},
		{"range of sums with glued millions", "The repairs will cost between $1m and $2m.",
			[]want{{"$1m and $2m", "range", "USD", "money", 1e6}}},
		{"currency codes that are words", "I will try 3 times; the gel 5 was red.",
			[]want{{"3", "exact", "", "other", 3}, {"5", "exact", "", "other", 5}}},
		{"part after the number", "The plant has six reactors, two of which are running; five soldiers were wounded, two of them badly.",
			[]want{{"six", "exact", "", "infrastructure", 6}, {"two", "exact", "", "infrastructure", 2}, {"five", "exact", "", "injured", 5}, {"two", "exact", "", "injured", 2}}},
		{"population of before a later verb", "About 80% of the population of 2.3 million has fled.",
			[]want{{"80%", "approx", "%", "displaced", 80}, {"2.3 million", "exact", "", "population", 2.3e6}}},
		// magnitudes
		{"million", "More than 4 million refugees have left the country.",
			[]want{{"4 million", "min", "", "displaced", 4e6}}},
		{"glued m", "The appeal raised 4.5m for families.",
			[]want{{"4.5m", "exact", "", "other", 4.5e6}}},
		{"glued bn with currency", "Donors pledged $1.2bn in humanitarian aid.",
			[]want{{"$1.2bn", "exact", "USD", "aid", 1.2e9}}},
		{"glued K", "A prewar population of 430K.",
			[]want{{"430K", "exact", "", "population", 430000}}},
		{"m as metres", "The blast left a 10m-deep crater.",
			[]want{{"10m", "exact", "m", "distance", 10}}},
		// fractions and shares
		{"a quarter", "The war has uprooted a quarter of the country's population.",
			[]want{{"a quarter", "approx", "fraction", "displaced", 0.25}}},
		{"a tenth", "About a tenth of the residents stayed behind.",
			[]want{{"a tenth", "approx", "fraction", "population", 0.1}}},
		{"half", "Half of the hospitals in the region are closed.",
			[]want{{"Half", "approx", "fraction", "infrastructure", 0.5}}},
		{"two-thirds", "Two-thirds of the villages were flooded.",
			[]want{{"Two-thirds", "approx", "fraction", "territory", 2.0 / 3}}},
		{"percent sign", "Turnout fell to 25% in the east.",
			[]want{{"25%", "exact", "%", "other", 25}}},
		{"per cent", "Prices rose 12 per cent last month.",
			[]want{{"12 per cent", "exact", "%", "other", 12}}},
		{"one in five", "One in five children in the camp is malnourished.",
			[]want{{"One in five", "exact", "fraction", "other", 0.2}}},
		{"a share of a people", "One out of four Ukrainians voted.",
			[]want{{"One out of four", "exact", "fraction", "other", 0.25}}},
		{"not a share before a name", "One in Kyiv said so.", nil},
		{"slash fraction", "Each ration is 1/8 of a loaf and 3⁄4 litres of water.",
			[]want{{"1/8", "exact", "fraction", "other", 0.125}, {"3⁄4 litres", "exact", "l", "aid", 0.75}}},
		{"slashes that are not fractions", "Since 9/11, shops open 24/7; on 12/03/2024 prices were 3/2 of normal.", nil},
		{"a label before a percentage", "Banks pulled the sector 0.68 percent lower; Sector 7 was shut.",
			[]want{{"0.68 percent", "exact", "%", "other", 0.68}}},
		// vague amounts
		{"dozens", "Dozens of buses waited at the checkpoint.",
			[]want{{"Dozens", "approx", "", "equipment", 36}}},
		{"tens of thousands", "Tens of thousands are trapped in the city.",
			[]want{{"Tens of thousands", "approx", "", "trapped", 30000}}},
		{"thousands killed", "The war has killed thousands.",
			[]want{{"thousands", "approx", "", "killed", 3000}}},
		{"several hundred", "Several hundred people were evacuated by boat.",
			[]want{{"Several hundred", "approx", "", "evacuated", 400}}},
		{"a few", "Only a few shops reopened.",
			[]want{{"a few", "approx", "", "infrastructure", 3}}},
		// ranges
		{"to range", "Between 30 and 40 civilians were wounded.",
			[]want{{"30 and 40", "range", "", "injured", 30}}},
		{"hyphen range", "The shelling destroyed 30-40 houses.",
			[]want{{"30-40", "range", "", "infrastructure", 30}}},
		{"x to y", "Officials said 200 to 300 people were missing.",
			[]want{{"200 to 300", "range", "", "missing", 200}}},
		{"word range", "Two or three drones were shot down.",
			[]want{{"Two or three", "range", "", "equipment", 2}}},
		{"change is two figures", "The death toll rose from 20 to 23.",
			[]want{{"20", "exact", "", "killed", 20}, {"23", "exact", "", "killed", 23}}},
		// glued to a noun
		{"glued noun", "Troops blocked a 45-bus convoy.",
			[]want{{"45", "exact", "", "equipment", 45}}},
		{"glued unit", "Jets dropped a 250-kilogram bomb.",
			[]want{{"250-kilogram", "exact", "kg", "equipment", 250}}},
		{"glued duration", "It was the first attack of the five-week-old war.",
			[]want{{"five-week", "exact", "week", "duration", 5}}},
		{"an aside does not end the clause", "At least 14 people, including three children, were killed.",
			[]want{{"14", "min", "", "killed", 14}, {"three", "exact", "", "killed", 3}}},
		{"a parenthesis does not end the clause", "Some 30 soldiers (most of them conscripts) were captured.",
			[]want{{"30", "approx", "", "captured", 30}}},
		{"an earlier figure for the same count", "The death toll rose to 47 on Sunday, up from 31 a day earlier.",
			[]want{{"47", "exact", "", "killed", 47}, {"31", "exact", "", "killed", 31}}},
		{"a mass noun that only describes", "Twelve aid workers have been killed since the war began.",
			[]want{{"Twelve", "exact", "", "killed", 12}}},
		{"a counted noun of its own before another's trigger", "Authorities confirmed 3 deaths and 17 injuries.",
			[]want{{"3", "exact", "", "killed", 3}, {"17", "exact", "", "injured", 17}}},
		{"vehicles", "The army said it destroyed 40 armoured personnel carriers.",
			[]want{{"40", "exact", "", "equipment", 40}}},
		{"an adjective before the unit", "The city has been shelled for 35 consecutive days.",
			[]want{{"35 consecutive days", "exact", "day", "duration", 35}}},
		{"a number with a leading zero is a code", "Call the hotline on 0800 501 701; only 0.5% of callers got through.",
			[]want{{"0.5%", "exact", "%", "other", 0.5}}},
		{"soldiers who cross a border are not refugees", "Upwards of 5,000 troops crossed the border.",
			[]want{{"5,000", "min", "", "troops", 5000}}},
		{"civilians who cross a border are", "Upwards of 5,000 civilians crossed the border.",
			[]want{{"5,000", "min", "", "displaced", 5000}}},
		{"an age set off by commas", "Police said the suspect, 34, had been arrested with 3 others.",
			[]want{{"34", "exact", "", "other", 34}, {"3", "exact", "", "arrested", 3}}},
		{"more before the counted noun", "Germany will send three more Patriot systems.",
			[]want{{"three", "exact", "", "equipment", 3}}},
		{"a model number between a count and its noun", "Germany agreed to send 14 Leopard 2 tanks.",
			[]want{{"14", "exact", "", "equipment", 14}}},
		{"a hyphenated model in the counted noun", "Two Su-34 jets and dozens of T-90 tanks were lost.",
			[]want{{"Two", "exact", "", "equipment", 2}, {"dozens", "approx", "", "equipment", 36}}},
		{"a possessive is not a model name", "Nine of Ukraine's 15 reactors were idle.",
			[]want{{"Nine", "exact", "", "infrastructure", 9}, {"15", "exact", "", "infrastructure", 15}}},
		{"adjectives that end the sentence", "The city was shelled for 35 consecutive", []want{{"35", "exact", "", "other", 35}}},
		{"a label number that ends the sentence", "They met in Room 101", nil},
		{"a change shares its unit", "Growth slowed from 4.8 to 4.7 per cent; range grew from 70 to 300 km.",
			[]want{{"4.8", "exact", "%", "other", 4.8}, {"4.7 per cent", "exact", "%", "other", 4.7},
				{"70", "exact", "km", "distance", 70}, {"300 km", "exact", "km", "distance", 300}}},
		{"from X to Y is a range", "Sums ranging from $200 to $4 million were paid to victims.",
			[]want{{"$200 to $4 million", "range", "USD", "money", 200}}},
		{"from X to Y people", "From 5 to 7 people were hurt.", []want{{"5 to 7", "range", "", "injured", 5}}},
		{"a change before from makes two figures", "The toll rose sharply from 31 to 47.",
			[]want{{"31", "exact", "", "killed", 31}, {"47", "exact", "", "killed", 47}}},
		{"a tilde and an average are approximate", "Each weighs ~45g; he averaged 7.3 points.",
			[]want{{"45g", "approx", "g", "other", 45}, {"7.3", "approx", "", "other", 7.3}}},
		{"by X to Y with a unit is a range", "Prices were cut by 5 to 10 per cent.",
			[]want{{"5 to 10 per cent", "range", "%", "other", 5}}},
		{"by X to Y without one is a change", "The toll rose by 12 to 47.",
			[]want{{"12", "exact", "", "killed", 12}, {"47", "exact", "", "killed", 47}}},
		{"returned prisoners are released, residents who return are not", "Russia returned 100 prisoners of war. Some 4,000 residents have returned.",
			[]want{{"100", "exact", "", "released", 100}, {"4,000", "approx", "", "population", 4000}}},
		{"bodies returned are the dead", "Ukraine returned 40 bodies to Russia.",
			[]want{{"40", "exact", "", "killed", 40}}},
		{"deported and hospitalised", "Russia has deported 19,000 children. Eleven people were taken to hospital.",
			[]want{{"19,000", "exact", "", "displaced", 19000}, {"Eleven", "exact", "", "injured", 11}}},
		{"models and addresses are not figures", "A Boeing 737 landed. Germany sent Leopard 2 tanks to 10 Downing Street and 3 St Petersburg families.",
			[]want{{"3", "exact", "", "other", 3}}},
		{"an apartment number", "Police found him in Apt. 5 of the block.", nil},
		{"spending the night is not money", "She spent the night in a basement with her two grandchildren.",
			[]want{{"two", "exact", "", "other", 2}}},
		{"a magnitude is not a toll, the toll is", "The death toll from Monday's 7.8-magnitude earthquake rose to more than 2,300, with 11,000 injured.",
			[]want{{"7.8-magnitude", "exact", "magnitude", "other", 7.8}, {"2,300", "min", "", "killed", 2300}, {"11,000", "exact", "", "injured", 11000}}},
		{"and after a comma starts a new count", "More than 2,400 soldiers were deployed, and 45 countries offered help.",
			[]want{{"2,400", "min", "", "troops", 2400}, {"45", "exact", "", "other", 45}}},
		{"under before a vague amount of something", "Survivors were trapped under thousands of collapsed buildings.",
			[]want{{"thousands", "approx", "", "infrastructure", 3000}}},
		{"under before a vague count", "Under a dozen ambulances still work.",
			[]want{{"a dozen", "max", "", "equipment", 12}}},
		{"up to after a verb is a direction", "Unemployment edged up to 4.3%. Up to 40 people were hurt. The army lost up to 15 helicopters. The FTSE 100 closed higher.",
			[]want{{"4.3%", "exact", "%", "other", 4.3}, {"40", "max", "", "injured", 40}, {"15", "max", "", "equipment", 15}}},
		{"and after a comma with the noun left out is the same count", "Russia launched 128 drones, and 110 were shot down.",
			[]want{{"128", "exact", "", "equipment", 128}, {"110", "exact", "", "equipment", 110}}},
		{"page furniture and time ago are not figures", "Posted 2 hours ago. Share 214. Page 2 of 3. The war began three years ago with 40 tanks.",
			[]want{{"40", "exact", "", "equipment", 40}}},
		{"an age is not a death toll", "A 65-year-old woman was among the dead.",
			[]want{{"65-year-old", "exact", "", "other", 65}}},
		{"an age in words", "The boy, six months old, survived; he had lived there for six months.",
			[]want{{"six months old", "exact", "", "other", 6}, {"six months", "exact", "month", "duration", 6}}},
		// money
		{"dollars billion", "The package is worth $4.5 billion.",
			[]want{{"$4.5 billion", "exact", "USD", "money", 4.5e9}}},
		{"euro m", "The fine was €20m.",
			[]want{{"€20m", "exact", "EUR", "money", 20e6}}},
		{"currency word", "Each family receives 1,000 hryvnias a month.",
			[]want{{"1,000 hryvnias", "exact", "UAH", "money", 1000}}},
		// qualifiers
		{"at least", "At least eight soldiers were killed.",
			[]want{{"eight", "min", "", "killed", 8}}},
		{"upwards of", "Moscow sent upwards of 150,000 of its own troops.",
			[]want{{"150,000", "min", "", "troops", 150000}}},
		{"around", "Around 100 Russian soldiers were captured.",
			[]want{{"100", "approx", "", "captured", 100}}},
		{"an estimated", "An estimated 100,000 people remain in the city.",
			[]want{{"100,000", "approx", "", "trapped", 100000}}},
		{"almost", "Almost four million have fled abroad.",
			[]want{{"four million", "max", "", "displaced", 4e6}}},
		{"up to", "Up to 300 fighters are holed up in the plant.",
			[]want{{"300", "max", "", "trapped", 300}}},
		{"or more", "The blaze destroyed 40 or more homes.",
			[]want{{"40", "min", "", "infrastructure", 40}}},
		// units
		{"tons", "They seized 14 tons of food and medical supplies.",
			[]want{{"14 tons", "exact", "t", "aid", 14}}},
		{"miles", "The depot is about 25 kilometers (16 miles) from the border.",
			[]want{{"25 kilometers", "approx", "km", "distance", 25}, {"16 miles", "approx", "mi", "distance", 16}}},
		{"square kilometres", "Troops retook about 160 square kilometres.",
			[]want{{"160 square kilometres", "approx", "km2", "territory", 160}}},
		// categories from either side
		{"trigger before", "The bodies of at least eight soldiers lay in the street.",
			[]want{{"eight", "min", "", "killed", 8}}},
		{"trigger after", "86 Ukrainian troops were released in the swap.",
			[]want{{"86", "exact", "", "released", 86}}},
		{"death toll", "The death toll rose to 23 on Sunday.",
			[]want{{"23", "exact", "", "killed", 23}}},
		{"settlements", "The army said it had retaken 29 settlements.",
			[]want{{"29", "exact", "", "territory", 29}}},
		{"inherit after including", "Nine of the 15 reactors are running, including two at the occupied plant.",
			[]want{{"Nine", "exact", "", "infrastructure", 9}, {"15", "exact", "", "infrastructure", 15}, {"two", "exact", "", "infrastructure", 2}}},
		{"injured", "The blast injured two workers.",
			[]want{{"two", "exact", "", "injured", 2}}},
		{"remains", "Kyiv received the remains of 24 soldiers.",
			[]want{{"24", "exact", "", "remains", 24}}},
		// not figures
		{"year", "Crimea was annexed in 2014.", nil},
		{"date", "The invasion began on February 24.", nil},
		{"abbreviated date", "Russian forces seized the site on Feb. 24, officials said.", nil},
		{"day month", "The talks resumed on 24 February.", nil},
		{"clock", "The sirens sounded at 2:01 and again at 9 p.m.", nil},
		{"ordinal", "It was the 3rd attack and the first in the city.", nil},
		{"decade", "The plant was built in the 1990s.", nil},
		{"pronoun one", "One of the main supply routes was cut, and no one was hurt.", nil},
		{"model names", "Pilots flew F-16 jets and an Su-25 near flight MH17's route.", nil},
		{"label", "NATO's Article 5 and Resolution 2231 were discussed.", nil},
		{"url", `Read more at https://example.com/story/2024/03/12?id=445 today.`, nil},
		{"markup", `<a href="https://twitter.com/x?ref_src=twsrc%5Etfw">@org</a> said nothing.`, nil},
		{"score", "The home side won 3-1 on Sunday.", nil},
		{"year range", "Sampling between 2014 and 2017 found nothing.", nil},
		{"terminal colour code", "The log showed \x1b[31m in red.", nil},
		{"beyond 2^53 in digits", "The post claimed 9,999,999,999,999,999,999 dead.", nil},
		{"beyond 2^53 as a power", "Some 1e308 people were there.", nil},
		// number forms (issue 12)
		{"fraction word of a whole", "The dose was one sixth of the original.",
			[]want{{"one sixth", "approx", "fraction", "other", 1.0 / 6}}},
		{"plural fraction", "Output reached three halves of the target.",
			[]want{{"three halves", "approx", "fraction", "other", 1.5}}},
		{"fraction word before a unit", "They walked one-half mile to the river.",
			[]want{{"one-half mile", "exact", "mi", "distance", 0.5}}},
		{"mixed number", "The crack is 2 1/2 in long.",
			[]want{{"2 1/2", "exact", "", "other", 2.5}}},
		{"mixed number not a date", "It ran on 5 12/25/2024 again.",
			[]want{{"5", "exact", "", "other", 5}}},
		{"accounts' brackets", "The company lost ($99.99) per share.",
			[]want{{"$99.99", "exact", "USD", "money", -99.99}}},
		{"restatement in brackets stays positive", "It cost 40 euros ($43) in all.",
			[]want{{"40 euros", "exact", "EUR", "money", 40}, {"$43", "exact", "USD", "money", 43}}},
		{"trillion suffix after a currency sign", "Its value reached $2.174T last week.",
			[]want{{"$2.174T", "exact", "USD", "money", 2.174e12}}},
		{"times ten to a power", "The rate was 2.48×10−5 a year, or 2.48x10^-5.",
			[]want{{"2.48×10−5", "exact", "", "other", 2.48e-5}, {"2.48x10^-5", "exact", "", "other", 2.48e-5}}},
		{"Australian dollars after a capital A", "The deal is worth A$7 billion, and a $5 fee.",
			[]want{{"A$7 billion", "exact", "AUD", "money", 7e9}, {"$5", "exact", "USD", "money", 5}}},
		{"e notation", "The star is 4e14 km away.",
			[]want{{"4e14 km", "exact", "km", "distance", 4e14}}},
		{"a size is no power", "The room is 3x10 metres.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs := e.Extract(extract.Document{Source: "t.txt", Text: tt.text})
			var gotW []want
			for _, f := range figs {
				gotW = append(gotW, got(f))
			}
			if len(gotW) != len(tt.want) {
				t.Fatalf("%q:\n got %v\nwant %v", tt.text, gotW, tt.want)
			}
			for i := range gotW {
				g, w := gotW[i], tt.want[i]
				if g.text != w.text || math.Abs(g.value-w.value) > 1e-6*math.Max(1, math.Abs(w.value)) ||
					g.qualifier != w.qualifier || g.unit != w.unit || g.category != w.category {
					t.Errorf("%q: figure %d\n got %v\nwant %v", tt.text, i, g, w)
				}
			}
		})
	}
}

// TestObjects checks the counted noun phrase where it is easy to take a
// verb, a time or an adjective for it.
func TestObjects(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	for _, tt := range []struct{ text, figure, object, category string }{
		{"A crowd of several thousand gathered outside the governor's office.", "several thousand", "crowd", "other"},
		{"Inflation slowed to 27.3% from 29.4% a month earlier.", "29.4%", "", "other"},
		{"The 100,000-strong force crossed the border.", "100,000", "force", "troops"},
		{"A 12-member team arrived on Monday.", "12", "members", "other"},
		{"Some 4,000 displaced were sheltering in schools.", "4,000", "displaced", "displaced"},
		{"The currency has lost a fifth of its value.", "a fifth", "value", "other"},
		{"One protester, 19, was seriously hurt.", "One", "protester", "injured"},
		{"Police detained 12 protesters, three of them aged 16.", "16", "", "other"},
		{"The crash killed all 298 people on board, including 196 Dutch citizens.", "196", "Dutch citizens", "killed"},
		{"Fewer than 100 of the town's roughly 5,000 residents are left.", "100", "residents", "population"},
		{"53 severely wounded fighters were taken to hospital.", "53", "severely wounded fighters", "injured"},
		{"Then 12 wounded soldiers were evacuated.", "12", "wounded soldiers", "injured"},
		{"The city, which is 90% destroyed, has no water.", "90%", "", "infrastructure"},
		{"Moscow claims its forces took 1,100 square kilometres this year.", "1,100 square kilometres", "", "territory"},
		{"More than 1,000 children were deported, while 361 have been returned.", "361", "", "released"},
		{"Men aged between 18 and 60 were barred from leaving.", "18 and 60", "", "other"},
		{"On Tuesday, 150 aid trucks entered.", "150", "aid trucks", "aid"},
		{"A dozen or so tanks advanced.", "A dozen", "tanks", "equipment"},
		{"The force was 3,000-strong", "3,000", "", "troops"},
		{"They numbered 40 or so", "40", "", "other"},
		{"Tens of millions need aid.", "Tens of millions", "", "other"},
		{"Airbus delivered 661 jets, including 30 A380s.", "30", "A380s", "equipment"},
		{"Apple sold 40 million units.", "40 million", "units", "other"},
		{"The agency has distributed 20,000 tonnes of wheat flour and plans to do more.", "20,000 tonnes", "wheat flour", "aid"},
		{"Partners reached 4.1 million people with aid.", "4.1 million", "people", "other"},
		{"A crowd of 60,000 watched the match.", "60,000", "crowd", "other"},
		{"A force of 5,000 crossed the river.", "5,000", "force", "troops"},
		{"A three-day ceasefire began on Monday.", "three-day", "ceasefire", "duration"},
		{"A 40-mile-long convoy stalled.", "40-mile", "convoy", "distance"},
		{"Temperatures fell to minus 15 degrees Celsius overnight.", "minus 15", "", "other"},
	} {
		var found bool
		for _, f := range e.Extract(extract.Document{Text: tt.text}) {
			if f.Text != tt.figure && !strings.HasPrefix(f.Text, tt.figure+" ") {
				continue
			}
			found = true
			if f.Object != tt.object || f.Category != tt.category {
				t.Errorf("%q: %q object %q category %s, want %q %s", tt.text, f.Text, f.Object, f.Category, tt.object, tt.category)
			}
		}
		if !found {
			t.Errorf("%q: no figure %q", tt.text, tt.figure)
		}
	}
}

// TestTidyValues checks that scaled values come out as written, not with
// the binary noise of the multiplication (4.1e6 is 4099999.9999999995).
func TestTidyValues(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	figs := e.Extract(extract.Document{Text: "Partners reached 4.1 million people, 0.7 million homes and more than 1.15bn dollars."})
	want := []float64{4.1e6, 7e5, 1.15e9}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures, want %d", len(figs), len(want))
	}
	for i, f := range figs {
		if f.Value != want[i] {
			t.Errorf("%q: value %v, want exactly %v", f.Text, f.Value, want[i])
		}
		if f.Low != nil && *f.Low != want[i] {
			t.Errorf("%q: low %v, want exactly %v", f.Text, *f.Low, want[i])
		}
	}
}

func TestProvenance(t *testing.T) {
	e := defaultExtractor(t, extract.Options{})
	text := "date 2022-04-03\nFirst line.\n\nThe blast injured two workers, the governor said. Nothing else."
	figs := e.Extract(extract.Document{Source: "a/b.txt", Text: text})
	if len(figs) != 1 {
		t.Fatalf("got %d figures, want 1: %+v", len(figs), figs)
	}
	f := figs[0]
	if f.Published != "2022-04-03" {
		t.Errorf("published = %q, want the date header", f.Published)
	}
	if text[f.Start:f.End] != f.Text || f.Text != "two" {
		t.Errorf("span %d:%d = %q, text %q", f.Start, f.End, text[f.Start:f.End], f.Text)
	}
	if f.Sentence != "The blast injured two workers, the governor said." {
		t.Errorf("sentence = %q", f.Sentence)
	}
	if f.Source != "a/b.txt" || f.Section != extract.SectionArticle || f.Rule != "trigger:injured" {
		t.Errorf("source %q section %q rule %q", f.Source, f.Section, f.Rule)
	}
}

func TestCommentsAfterCopyright(t *testing.T) {
	text := "Officials said 12 people died.© Copyright 2022 The Press. All rights reserved.\nreader1\nThe army has over 2500 tanks.\n"
	figs := defaultExtractor(t, extract.Options{}).Extract(extract.Document{Source: "c.txt", Text: text})
	if len(figs) != 1 || figs[0].Value != 12 {
		t.Fatalf("article figures = %+v, want only the 12", figs)
	}
	all := defaultExtractor(t, extract.Options{IncludeComments: true}).Extract(extract.Document{Source: "c.txt", Text: text})
	if len(all) != 2 || all[1].Value != 2500 || all[1].Section != extract.SectionComments {
		t.Fatalf("with comments = %+v, want the 2500 marked as comments", all)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(c *extract.Config)
		want   string
	}{
		{"bad pattern", func(c *extract.Config) { c.ExcludePattern = append(c.ExcludePattern, "(") }, "exclude_patterns["},
		{"unknown unit category", func(c *extract.Config) { c.Units[0].Category = "weather" }, `units[0].category: "weather": unknown category`},
		{"unknown not_with category", func(c *extract.Config) { c.Categories[0].NotWith = []string{"weather"} }, `categories[0].not_with[0]: "weather": unknown category`},
		{"duplicate alias", func(c *extract.Config) { c.Units[1].Aliases = append(c.Units[1].Aliases, "tonnes") }, `alias already names t`},
		{"bad qualifier", func(c *extract.Config) { c.Qualifiers[0].Name = "roughly" }, `qualifiers[0].name: "roughly": unknown qualifier`},
		{"vague bounds", func(c *extract.Config) { c.Vague[0].Low = 1e9 }, "vague[0]"},
		{"no fallback", func(c *extract.Config) { c.Categories = c.Categories[:len(c.Categories)-1] }, `"other": the fallback category must be defined`},
		{"multiword set", func(c *extract.Config) { c.Months["high summer"] = 7 }, `months: "high summer": must be a single word`},
		{"empty phrase", func(c *extract.Config) { c.Categories[0].Before = append(c.Categories[0].Before, " ") }, "categories[0].before["},
		// One syntax for every list, the figure rules' and the claims' alike.
		{"double space", func(c *extract.Config) { c.Categories[0].Before = []string{"shot  dead"} }, `categories[0].before[0]: "shot  dead": want words separated by single spaces`},
		{"wildcard phrase", func(c *extract.Config) { c.Categories[0].Around = []string{"evacuat*"} }, `categories[0].around[0]: "evacuat*": a word ending in "*" is no pattern`},
		{"wildcard word", func(c *extract.Config) { c.Negations = []string{"nev*"} }, `negations[0]: "nev*": a word ending in "*" is no pattern`},
		{"wildcard glued word", func(c *extract.Config) { c.Categories[0].Glued = []string{"evacuat*"} }, `categories[0].glued[0]: "evacuat*": a word ending in "*" is no pattern`},
		{"wildcard vague amount", func(c *extract.Config) { c.Vague[0].Phrase = "doz*" }, `vague[0].phrase: "doz*": a word ending in "*" is no pattern`},
		{"wildcard scope phrase", func(c *extract.Config) { c.Scope.Cumulative = []string{"since the war beg*"} }, `scope.cumulative[0]: "since the war beg*": a word ending in "*" is no pattern`},
		{"claims wildcard", func(c *extract.Config) { c.Claims.Hedges[0].Phrases = []string{"deni*"} }, `claims.hedges[0].phrases[0]: "deni*": a word ending in "*" is no pattern`},
		{"claims double space", func(c *extract.Config) { c.Claims.Hedges[0].Phrases = []string{"denied  it"} }, `claims.hedges[0].phrases[0]: "denied  it": want words separated by single spaces`},
		{"shared abbreviation", func(c *extract.Config) { c.Abbreviations = append(c.Abbreviations, "lt col") }, `abbreviations[71]: "lt col": want a single word`},
		{"shared month", func(c *extract.Config) { c.Months["smarch"] = 13 }, `months.smarch: "smarch": want a number from 1 to 12, got 13`},
		{"window", func(c *extract.Config) { c.Window = 0 }, "window: must be at least 1"},
		{"unknown category step", func(c *extract.Config) { c.CategorySteps = append(c.CategorySteps, "vibes") }, `category_steps[9]: "vibes": is not a category step (age, clause, head,`},
		{"no category steps", func(c *extract.Config) { c.CategorySteps = nil }, "category_steps: is empty"},
		{"bare default", func(c *extract.Config) { c.Currencies.Bare.Default = "XYZ" }, `currencies.bare.default: "XYZ": not a code in currencies.list`},
		{"bare country", func(c *extract.Config) { c.Currencies.Bare.Countries["Narnia"] = "NAR" }, `currencies.bare.countries.Narnia: "NAR"`},
		{"outlet domain", func(c *extract.Config) { c.Claims.Outlets[0].Domains = []string{"co.uk"} }, `claims.outlets[0].domains[0]: "co.uk": want a top-level domain`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig(t)
			tt.change(&cfg)
			_, err := extract.New(cfg, extract.Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
