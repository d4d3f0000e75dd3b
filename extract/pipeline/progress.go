package pipeline

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows documents, megabytes, figures and the rate on stderr while
// a run goes, only when stderr is a terminal: cron mails and log files get
// the one-line summary instead.
type progress struct {
	bar     *progressbar.ProgressBar
	bytes   int64
	figures int
	started time.Time
}

func newProgress(stderr io.Writer, quiet bool) *progress {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return nil
	}
	return &progress{
		started: time.Now(),
		bar: progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("reading"),
			progressbar.OptionSpinnerType(14),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		),
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// add counts one document; a nil progress does nothing.
func (p *progress) add(textBytes, figures int) {
	if p == nil {
		return
	}
	p.bytes += int64(textBytes)
	p.figures += figures
	mb := float64(p.bytes) / (1 << 20)
	rate := mb / time.Since(p.started).Seconds()
	p.bar.Describe(fmt.Sprintf("%.1f MB, %d figures, %.1f MB/s", mb, p.figures, rate))
	_ = p.bar.Add(1)
}

func (p *progress) finish() {
	if p != nil {
		_ = p.bar.Finish()
	}
}
