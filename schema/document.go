package schema

// Document is one article to read. Text is what offsets refer to: the file's
// bytes for plain text, the extracted body for HTML, the text field of a
// JSON Lines or CSV record.
type Document struct {
	// Source is the path as given (with "#N" for the Nth record of a feed).
	Source string
	Text   string
	// Published is the article's date (YYYY-MM-DD) when the container states
	// it; for plain text the extractor reads a leading "date YYYY-MM-DD" line.
	Published string
	ID        string
	URL       string
	Title     string
	Outlet    string
}
