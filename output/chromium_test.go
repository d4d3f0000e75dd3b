package output

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/schema/skips"
	"golang.org/x/net/html"

	"github.com/tally-news/tally/output/testtool"
)

// chromium runs headless Chromium with a private profile and everything
// that would reach the network turned off, and returns its standard output.
func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin := testtool.Look(t, "chromium")
	if testing.Short() {
		skips.Skip(t, "headless Chromium is slow")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + filepath.Join(t.TempDir(), "profile"),
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %q: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// TestChromiumRendersReport loads the page in a real browser and reads the
// DOM after the script ran: one highlight per figure, and a filter that
// works when the page is opened with one in its address.
func TestChromiumRendersReport(t *testing.T) {
	docs := reportCorpus(t)
	figs := corpusFigures(docs)
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, writeReport(t, "html", Options{Run: testRun()}, docs), 0o644); err != nil {
		t.Fatal(err)
	}
	page := parseHTML(t, chromium(t, "--dump-dom", "file://"+path))
	if n := len(find(page, isMark)); n != len(figs) {
		t.Errorf("Chromium shows %d highlights, want %d", n, len(figs))
	}
	scripts := find(page, func(e *html.Node) bool { return e.Data == "script" })
	if len(scripts) != 1 || !strings.Contains(textOf(scripts[0]), "function applyFilter") {
		t.Errorf("the filter script is missing")
	}
	// The hostile article's script is text, so it never ran: its alert
	// would not show in the DOM, but an injected element would.
	if n := len(find(page, func(e *html.Node) bool { return e.Data == "img" || e.Data == "b" })); n != 0 {
		t.Errorf("Chromium built %d elements from article text", n)
	}

	killed := 0
	for _, f := range figs {
		if f.Category == "killed" {
			killed++
		}
	}
	page = parseHTML(t, chromium(t, "--dump-dom", "file://"+path+"#category=killed"))
	shown, dimmed := 0, 0
	for _, r := range find(page, isRow) {
		if _, hidden := attr(r, "hidden"); !hidden {
			shown++
		}
	}
	for _, m := range find(page, isMark) {
		if hasClass(m, "dim") {
			dimmed++
		}
	}
	if shown != killed || dimmed != len(figs)-killed {
		t.Errorf("filtered to killed: %d rows shown, %d highlights dimmed; want %d and %d", shown, dimmed, killed, len(figs)-killed)
	}
	if p := find(page, func(e *html.Node) bool { v, _ := attr(e, "id"); return v == "shown" }); len(p) != 1 ||
		!strings.HasPrefix(textOf(p[0]), "3 of 17 figures shown") {
		t.Errorf("the count does not follow the filter")
	}
}

// TestChromiumScreenshot renders the sample articles at 1400 px; with
// TALLY_UPDATE_SCREENSHOT=1 it rewrites testdata/report/sample.png, for
// the README and for reviewing the page's look in a diff.
func TestChromiumScreenshot(t *testing.T) {
	var docs []reportDoc
	for _, d := range reportCorpus(t) {
		if d.src.Source != "hostile.txt" {
			docs = append(docs, d)
		}
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "sample.html")
	if err := os.WriteFile(page, writeReport(t, "html", Options{Run: testRun()}, docs), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "sample.png")
	chromium(t, "--hide-scrollbars", "--window-size=1400,1000", "--screenshot="+shot, "file://"+page)
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("screenshot is not a PNG")
	}
	if len(png) > maxReportPNG {
		t.Errorf("screenshot is %d bytes, more than the %d a repository file may take", len(png), maxReportPNG)
	}
	if os.Getenv("TALLY_UPDATE_SCREENSHOT") == "1" {
		if err := os.WriteFile(filepath.Join("..", "testdata", "report", "sample.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// maxReportPNG bounds the pictures kept in testdata/report.
const maxReportPNG = 400 << 10
