package claim_test

import "testing"

func TestEventDate(t *testing.T) {
	a := defaultAnnotator(t)
	// 2024-05-10 is a Friday.
	tests := []struct {
		name, text, published, want string
	}{
		{"on Friday, published a Friday", "Strikes killed [[six]] people on Friday, officials said.", "2024-05-10", "2024-05-10"},
		{"on Thursday", "On Thursday, troops blocked a [[45]]-truck convoy.", "2024-05-10", "2024-05-09"},
		{"weekday counts back, never forward", "Crews rescued [[19]] miners on Saturday.", "2024-05-10", "2024-05-04"},
		{"last Friday is a week back", "Crews rescued [[19]] miners last Friday.", "2024-05-10", "2024-05-03"},
		{"next Monday is not dated", "Crews will free [[19]] miners next Monday.", "2024-05-10", ""},
		{"weekday needs a capital", "The [[two]] sides will sunday-test nothing.", "2024-05-10", ""},
		{"yesterday", "Yesterday [[300]] people crossed the border.", "2024-05-10", "2024-05-09"},
		{"today", "Today [[300]] people crossed the border.", "2024-05-10", "2024-05-10"},
		{"last week is seven days back", "Floods displaced [[3,000]] families last week.", "2024-05-10", "2024-05-03"},
		{"since the beginning of the year", "Since the beginning of the year, [[13,000]] people have been evacuated.", "2024-05-10", "2024-01-01"},
		{"month day", "Gunmen abducted [[27]] pupils on March 5.", "2024-05-10", "2024-03-05"},
		{"ordinal day", "Gunmen abducted [[27]] pupils on March 5th.", "2024-05-10", "2024-03-05"},
		{"day month", "Gunmen abducted [[27]] pupils on 5 March.", "2024-05-10", "2024-03-05"},
		{"abbreviated month", "The army lost [[90]] tanks after Feb. 24.", "2024-05-10", "2024-02-24"},
		{"future date is last year", "The camp has held [[8,000]] people since December 2.", "2024-05-10", "2023-12-02"},
		{"a few days ahead stays this year", "Officials expect [[400]] arrivals by May 12.", "2024-05-10", "2024-05-12"},
		{"explicit year", "The quake on March 5, 2021 killed [[80]] people.", "2024-05-10", "2021-03-05"},
		{"iso date", "The count on 2022-04-03 found [[410]] bodies.", "2024-05-10", "2022-04-03"},
		{"iso date without publication", "The count on 2022-04-03 found [[410]] bodies.", "", "2022-04-03"},
		{"relative without publication", "Strikes killed [[six]] people on Friday.", "", ""},
		{"month day without publication", "Gunmen abducted [[27]] pupils on March 5.", "", ""},
		{"bad publication date", "Strikes killed [[six]] people on Friday.", "10/05/2024", ""},
		{"nearest in the clause wins", "On Monday the ministry said that [[40]] people died on Tuesday.", "2024-05-10", "2024-05-07"},
		{"no day is no date", "In March, [[27]] pupils were abducted.", "2024-05-10", ""},
		{"invalid day", "Gunmen abducted [[27]] pupils on February 31.", "2024-05-10", ""},
		{"may the verb", "Up to [[27]] pupils may 5 times a day go out.", "2024-05-10", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := annotate(t, a, tt.text, tt.published)
			if f.EventDate != tt.want {
				t.Errorf("event_date = %q, want %q", f.EventDate, tt.want)
			}
		})
	}
}
