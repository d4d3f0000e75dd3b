package claim_test

import "testing"

func TestAttribution(t *testing.T) {
	a := defaultAnnotator(t)
	tests := []struct {
		name, text, want string
	}{
		{"speaker after the claim", "Rebels seized [[12]] trucks near the border, regional authorities said.", "regional authorities"},
		{"organisation with the", "At least [[40]] families were left without shelter, the International Organization for Migration said on Monday.", "the International Organization for Migration"},
		{"speaker before the claim", "Mayor Anna Kovalenko said [[300]] homes had lost power.", "Mayor Anna Kovalenko"},
		{"inverted with role", "Some [[2,400]] people crossed the bridge, said Tomas Berg, head of the regional rescue service.", "Tomas Berg, head of the regional rescue service"},
		{"inverted, cut at in a statement", "Some [[2,400]] people crossed the bridge, said Tomas Berg in a statement.", "Tomas Berg"},
		{"cut at on Friday and without specifying", "Shelling hit [[three]] schools, the defence ministry said on Friday, without specifying where.", "the defence ministry"},
		{"name then role then verb", "Marta Lind, a spokeswoman for the agency, said [[17]] trucks had arrived.", "Marta Lind, a spokeswoman for the agency"},
		{"role then name then verb", "The port was hit by [[two]] missiles, the head of the port authority, Ivan Petrenko, said.", "the head of the port authority, Ivan Petrenko"},
		{"aside skipped", "The ministry, in a rare admission, said [[15]] soldiers had deserted.", "The ministry"},
		{"according to a local official", "A landslide buried [[nine]] houses in the valley, according to a local official.", "a local official"},
		{"according to, sentence first", "According to the health ministry, [[1,200]] patients were moved.", "the health ministry"},
		{"according to a post by", "The dam released [[40]] cubic metres, according to a Telegram post by Oleh Sirko, the regional governor.", "Oleh Sirko, the regional governor"},
		{"according to information names no one", "According to preliminary information, [[eight]] people died.", ""},
		{"told", "Colonel Ruth Amsel told reporters [[120]] troops had been redeployed.", "Colonel Ruth Amsel"},
		{"wrote on Telegram", "[[Five]] drones were shot down overnight, the air force wrote on Telegram.", "the air force"},
		{"office reported", "Petrov's office reported [[32]] arrests at the rally.", "Petrov's office"},
		{"announced and confirmed", "The agency confirmed that [[14]] tonnes of flour had been delivered.", "The agency"},
		{"verb modifiers", "[[Seven]] villages were retaken, General Moroz later said.", "General Moroz"},
		{"speaker of the next clause after comma and", "The bloc pledged [[500]] generators, and Washington said it would send more.", ""},
		{"speaker of the next clause after a semicolon", "The bloc pledged [[500]] generators; Washington said it would send more.", ""},
		{"claim of the clause after comma and", "The bloc pledged 500 generators, and Washington said it would send [[90]] howitzers.", "Washington"},
		{"pronoun of an earlier speaker in the sentence", "The U.N. human rights office said it had confirmed [[1,119]] civilian deaths.", "The U.N. human rights office"},
		{"claimed control is no report", "Russian forces claimed control of the town, where [[20]] civilians died.", ""},
		{"pronoun subject before 'but says'", "The Health Ministry says 33,000 people have been killed. It does not distinguish between civilians and combatants but says women and children make up [[two-thirds]] of the dead.", "The Health Ministry"},
		{"own voice", "The war has displaced more than [[6 million]] people.", ""},
		{"tail of a long subject is no speaker", "Relatives of [[two]] men who died from gunshot wounds early Monday following an overnight standoff with police said they were never told.", ""},
		{"a predicate before the verb is no speaker", "Residents of the complex where [[one]] driver was fatally shot by police overnight said officers fired many shots.", ""},
		{"long name kept", "The Office of the United Nations High Commissioner for Human Rights said [[40]] people were killed.", "Office of the United Nations High Commissioner for Human Rights"},
		{"pronoun without earlier speaker", "The storm flattened [[200]] tents, he said.", ""},
		{"pronoun resolved", "Governor Elena Sorokina toured the camp on Sunday and said conditions were dire. The storm flattened [[200]] tents, she said.", "Governor Elena Sorokina"},
		{"pronoun resolved across paragraphs", "Dr Amir Haddad, director of the hospital, said supplies were low.\n\nHe said [[90]] patients were waiting for surgery.", "Dr Amir Haddad, director of the hospital"},
		{"surname expanded", "Jonas Vilkas, the mayor of the town, said the water was rising.\nAbout [[600]] people were evacuated, Vilkas said.", "Jonas Vilkas, the mayor of the town"},
		{"surname without earlier mention", "About [[600]] people were evacuated, Vilkas said.", "Vilkas"},
		{"surname expanded past a paragraph without figures", "Jonas Vilkas, the mayor of the town, said the water was rising.\n\nRoads were cut off.\n\nAbout [[600]] people were evacuated, Vilkas said.", "Jonas Vilkas, the mayor of the town"},
		{"surname expanded past a bracket closed on the next line", "Jonas Vilkas, the mayor of the town, said the water was rising (fast\n) and wide.\n\nAbout [[600]] people were evacuated, Vilkas said.", "Jonas Vilkas, the mayor of the town"},
		{"pronoun resolved past a line opening with a bracket", "Dr Amir Haddad, director of the hospital, said supplies were low.\n) Supplies ran out.\n\nHe said [[90]] patients were waiting for surgery.", "Dr Amir Haddad, director of the hospital"},
		{"figure in a quote", "“We counted [[57]] bodies in the basement,” said Pavlo Shevchuk, a volunteer.", "Pavlo Shevchuk, a volunteer"},
		{"figure in a quote, speaker before", "The commander said on the radio: “We have lost [[four]] tanks today.”", "The commander"},
		{"figure in the second sentence of a quote", "“It was terrible,” nurse Olga Brun said. “We treated [[80]] children in one night.”", "nurse Olga Brun"},
		{"quote speaker wins over the cue inside", "“They say [[20]] were killed,” the village elder said.", "the village elder"},
		{"figure outside a quote after its speaker", "“This is a disaster,” the minister said, two days after [[4,000]] people fled.", ""},
		{"possessive is not a speaker", "Moscow's claim of [[30]] downed drones drew scorn.", ""},
		{"coordinated verb", "Governor Lena Ivanova toured the shelter and said [[70]] beds were free.", "Governor Lena Ivanova"},
		{"bare verb at the end of a report", "“We need [[40]] more trucks,” the coordinator added.", "the coordinator"},

		// fixed bugs
		{"bare verb with an object is no report", "Shares of Lumo Corp added [[15]] cents.", ""},
		{"infinitive is no report", "The bridge is about [[90]] metres long, locals like to say.", ""},
		{"verb before of is a noun", "Output fell short of Ardent estimates of [[64,900]] units.", ""},
		{"date between speaker and verb", "Dellmark on Monday said it would cut [[6,650]] jobs.", "Dellmark"},
		{"channel between speaker and verb", "The ministry in a statement said [[12]] officers were suspended.", "The ministry"},
		{"posted a loss", "Vertex Holdings, a landlord in Lviv, posted a loss of [[63]] cents per share.", ""},
		{"a determiner alone is no speaker", "An estimated [[5,000]] hectares are under water, the farm ministry said.", "the farm ministry"},
		{"media head names its modifier", "At least [[seven]] people are missing, according to a police statement.", "police"},
		{"apposition with a place is not a speaker", "The governor of the region, Andrei Sobol, said the town of Lesnoy, which has a population of over [[8,000]], was shelled.", "The governor of the region, Andrei Sobol"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := annotate(t, a, tt.text, "2024-05-10")
			if f.Attribution != tt.want {
				t.Errorf("attribution = %q, want %q", f.Attribution, tt.want)
			}
		})
	}
}
