package claim_test

import "testing"

func TestLocation(t *testing.T) {
	a := defaultAnnotator(t)
	tests := []struct {
		name, text, want string
	}{
		{"listed city", "Shelling damaged [[12]] buildings in Kharkiv.", "Kharkiv"},
		{"alias", "Shelling damaged [[12]] buildings in Kiev.", "Kyiv"},
		{"alias with y", "Nine of the [[15]] reactors at Zaporizhzhya are idle.", "Zaporizhzhia"},
		{"the Kyiv region", "Troops retook [[30]] villages in the Kyiv region.", "Kyiv region"},
		{"oblast", "Troops retook [[30]] villages in Chernihiv oblast.", "Chernihiv region"},
		{"region of", "Rockets hit [[three]] homes in the region of Odessa.", "Odesa region"},
		{"two regions", "The army retook [[29]] settlements in the Kyiv and Chernihiv regions.", "Kyiv region"},
		{"city of an unlisted town", "A drone hit [[two]] tanks in the city of Novaya Zarya.", "Novaya Zarya"},
		{"two places, nearest in the clause", "As fighting raged in Donetsk, [[40]] tanks were destroyed near Bakhmut.", "Bakhmut"},
		{"two places, same clause nearest", "Buses carried [[600]] people from Mariupol to Zaporizhzhia.", "Mariupol"},
		{"possessive ranks after a place", "[[Two]] of Ukraine's drones hit a depot in Belgorod.", "Belgorod"},
		{"possessive alone", "A tenth of Syria's [[22 million]] people are displaced.", "Syria"},
		{"paragraph fallback", "Aid reached Gaza on Monday. Trucks carried [[120]] tonnes of flour.", "Gaza"},
		{"next paragraph is not used", "Aid reached Gaza on Monday.\nTrucks carried [[120]] tonnes of flour.", ""},
		{"speaker place ranks last", "Strikes killed [[five]] people, the governor of the Sumy region said. Kharkiv was calm.", "Kharkiv"},
		{"speaker place as last resort", "Strikes killed [[five]] people, the governor of the Sumy region said.", "Sumy region"},
		{"a place that speaks is not where it happened", "Kyiv says [[1,300]] of its troops have died.", ""},
		{"nor the other side's", "Kyiv says 1,300 troops have died, while Moscow claims [[14,000]].", ""},
		{"a place that speaks leaves the others", "Moscow says [[40]] drones were downed over Belgorod.", "Belgorod"},
		{"a place that acts is not where it happened", "Russia fired [[84]] cruise missiles on Monday.", ""},
		{"nor in its paragraph", "Russia has massed 190,000 troops. Officials said [[5]] helicopters were destroyed.", ""},
		{"an acting place leaves the others", "Moscow has already sent [[40]] tanks to Kherson.", "Kherson"},
		{"an acting place after a speech verb", "Kyiv says Russia has forcibly deported [[40,000]] residents.", ""},
		{"an acting place with a modal", "Britain will send [[120]] armoured vehicles.", ""},
		{"a place that suffers is where it happened", "Kharkiv suffered [[20]] strikes overnight.", "Kharkiv"},
		{"lower case is not a place", "The [[two]] men ate turkey in a nice chad.", ""},
		{"multi-word place", "Israeli strikes killed [[18]] people in the Gaza Strip.", "Gaza"},
		{"longest match", "Flooding cut power to [[9,000]] homes in South Sudan.", "South Sudan"},
		{"none", "The company cut [[300]] jobs.", ""},
		{"a capitalised settlement word is a name", "Diggers found [[40]] coins in the City of Lorem.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := annotate(t, a, tt.text, "2024-05-10")
			if f.Location != tt.want {
				t.Errorf("location = %q, want %q", f.Location, tt.want)
			}
		})
	}
}
