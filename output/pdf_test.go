package output

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/output/testtool"
	"github.com/tally-news/tally/schema/skips"
)

// The workbook as an analyst prints it: LibreOffice converts it to PDF,
// poppler reads the pages back.

// printedPages converts a workbook to PDF and returns the file's path and
// each page's text with its size in points.
func printedPages(t *testing.T, name string, xlsx []byte) (string, []printedPage) {
	t.Helper()
	soffice := testtool.Look(t, "soffice")
	pdftotext := testtool.Look(t, "pdftotext")
	pdfinfo := testtool.Look(t, "pdfinfo")
	if testing.Short() {
		skips.Skip(t, "LibreOffice conversion is slow")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(src, xlsx, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	run := func(bin string, args ...string) string {
		out, err := exec.CommandContext(ctx, bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s %q: %v\n%s", filepath.Base(bin), args, err, out)
		}
		return string(out)
	}
	run(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	pdf := filepath.Join(dir, name+".pdf")
	info := run(pdfinfo, "-f", "1", "-l", "1000", pdf)
	sizes := regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(info, -1)
	text := strings.Split(run(pdftotext, "-layout", pdf, "-"), "\f")
	var pages []printedPage
	for i, s := range sizes {
		w, _ := strconv.ParseFloat(s[1], 64)
		h, _ := strconv.ParseFloat(s[2], 64)
		p := printedPage{width: w, height: h}
		if i < len(text) {
			p.text = text[i]
		}
		pages = append(pages, p)
	}
	if len(pages) == 0 {
		t.Fatalf("no pages in the PDF:\n%s", info)
	}
	return pdf, pages
}

type printedPage struct {
	width, height float64
	text          string
}

// TestWorkbookPrints checks the report workbook's print setup: every
// page landscape, every sheet one page wide, the Summary with its chart
// on one page.
func TestWorkbookPrints(t *testing.T) {
	pdf, pages := printedPages(t, "report", writeReport(t, "xlsx", Options{Run: testRun()}, reportCorpus(t)))
	for i, p := range pages {
		if p.width <= p.height {
			t.Errorf("page %d is %gx%g pt, want landscape", i+1, p.width, p.height)
		}
	}
	// Each of the five small sheets fits one page when fitted to width.
	if len(pages) != len(workbookSheets) {
		t.Errorf("%d pages, want %d (one per sheet)", len(pages), len(workbookSheets))
	}
	summary := pages[0].text
	for _, want := range []string{"category", "total", "(count)", "Figures by category", "infrastructure"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the Summary page lacks %q:\n%s", want, summary)
		}
	}
	if len(pages) > 1 && strings.Contains(pages[1].text, "Figures by category") {
		t.Errorf("the Summary chart spills onto page 2")
	}
	savePages(t, pdf, "workbook", 2)
}

// TestWorkbookRepeatsHeader prints Figures and Facts sheets longer than a
// page: the header row must head every page of them.
func TestWorkbookRepeatsHeader(t *testing.T) {
	_, pages := printedPages(t, "long", writeAll(t, "xlsx", Options{}, manyFigures(500)))
	figures := 0
	for i, p := range pages {
		if !strings.Contains(p.text, "protesters") {
			continue // Summary, Sources, About
		}
		// "category" and "unit" are in both headers and in no row.
		if !strings.Contains(p.text, "category") || !strings.Contains(p.text, "unit") {
			t.Errorf("page %d has rows but no header row:\n%.400s", i+1, p.text)
		}
		if strings.Contains(p.text, "qualifier") {
			figures++
		}
	}
	if figures < 2 {
		t.Errorf("Figures printed on %d pages, want several (the test needs a long sheet)", figures)
	}
}

// savePages renders the first n pages of pdf as name-1.png, name-2.png...,
// small enough to keep in the repository; with TALLY_UPDATE_SCREENSHOT=1
// they go to testdata/report, for the README and for review.
func savePages(t *testing.T, pdf, name string, n int) {
	t.Helper()
	pdftoppm := testtool.Look(t, "pdftoppm")
	dir := t.TempDir()
	if os.Getenv("TALLY_UPDATE_SCREENSHOT") == "1" {
		dir = filepath.Join("..", "testdata", "report")
	}
	out, err := exec.Command(pdftoppm, "-png", "-r", "60", "-f", "1", "-l", strconv.Itoa(n), pdf, filepath.Join(dir, name)).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	for i := 1; i <= n; i++ {
		info, err := os.Stat(filepath.Join(dir, name+"-"+strconv.Itoa(i)+".png"))
		if err != nil {
			t.Fatal(err)
		}
		if info.Size() > maxReportPNG {
			t.Errorf("page %d is %d bytes as PNG, more than %d", i, info.Size(), maxReportPNG)
		}
	}
}
