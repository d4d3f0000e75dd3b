package claim_test

import "testing"

func TestHedge(t *testing.T) {
	a := defaultAnnotator(t)
	tests := []struct {
		name, text, want string
	}{
		{"plain", "Rescuers pulled [[11]] people from the rubble, the mayor said.", ""},
		{"according to is attribution only", "Rescuers pulled [[11]] people from the rubble, according to the mayor.", ""},
		{"claimed", "The militia claimed it had shot down [[three]] helicopters.", "claimed"},
		{"alleged", "Prosecutors alleged that [[40]] million dollars went missing.", "claimed"},
		{"said to be", "The convoy is said to be carrying [[90]] tonnes of grain.", "claimed"},
		{"denied", "The army said [[eight]] civilians died, but the rebels denied the attack took place.", "denied"},
		{"rejected the claim", "Officials rejected the claim that [[500]] homes were destroyed.", "denied"},
		{"unconfirmed speaks for its own sentence", "An estimated [[4,000]] people are sheltering. According to unconfirmed reports, 12 soldiers defected.", "estimated"},
		{"unconfirmed in the sentence", "According to unconfirmed reports, [[12]] soldiers defected.", "unverified"},
		{"claimed control is no hedge", "Russian forces claimed control of the town, where [[20]] civilians died.", ""},
		{"claimed after a number still hedges", "The [[20]] claimed by the militia were never found.", "claimed"},
		{"unverified in the sentence", "The group said it had killed [[25]] soldiers, which could not be independently verified.", "unverified"},
		{"not officially confirmed", "Bloggers reported [[60]] prisoners swapped, although this has not been officially confirmed.", "unverified"},
		{"confirm or deny is not a denial", "The ministry declined to confirm or deny that [[two]] jets were lost.", "unverified"},
		{"disclaimer next sentence", "Ana Sousa, the rebel spokeswoman, said [[300]] fighters had surrendered. The figure could not be independently verified.", "unverified"},
		{"disclaimer names the speaker two sentences on", "Around [[45]] square kilometres were retaken, General Ilyin said.\nHe praised his troops.\nIlyin's statements could not be independently verified.", "unverified"},
		{"disclaimer names another speaker", "The navy sank [[two]] boats, Admiral Kerr said.\nThe rebels said they lost nothing. Okafor's statements could not be independently verified.", ""},
		{"unnamed disclaimer two sentences on", "Police detained [[14]] people.\nThe march went on until dusk. It was not immediately possible to verify the reports.", ""},
		{"disclaimer after a blank line", "Police detained [[14]] people.\n\nIt was not immediately possible to verify the reports.", ""},
		{"disclaimer deep in a sentence", "Police detained [[14]] people. The organisers, who had hoped for a quiet march through the old town, said later that the number could not be verified.", ""},
		{"an estimated", "The fire destroyed an estimated [[1,500]] hectares of forest.", "estimated"},
		{"estimated reaches only the next number", "The town shrank from [[20,000]] people to an estimated 5,000.", ""},
		{"believed to be, same clause", "About [[200]] people are believed to be trapped, rescuers said.", "estimated"},
		{"believed, other clause", "Some people are believed to be trapped, and [[200]] were rescued.", ""},
		{"is said to", "A third of the [[12,000]] residents is said to remain in the city.", "estimated"},
		{"claiming money is no claim", "Some [[800,000]] pensioners were not claiming the benefit.", ""},
		{"denied beats unverified", "Kyiv denied that [[30]] soldiers surrendered, and the claim could not be verified.", "denied"},
		{"unverified beats claimed", "The rebels claimed [[12]] kills, which could not be independently verified.", "unverified"},
		{"claimed beats estimated", "The rebels claimed an estimated [[12]] kills.", "claimed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := annotate(t, a, tt.text, "2024-05-10")
			if f.Hedge != tt.want {
				t.Errorf("hedge = %q, want %q", f.Hedge, tt.want)
			}
		})
	}
}
