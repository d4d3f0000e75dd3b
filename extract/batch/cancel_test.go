package batch_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tally-news/tally/extract/batch"
	"github.com/tally-news/tally/schema"
)

// TestRunStopsOnCancel: a cancelled run returns within a bound, whether
// its source is stuck in a read (stdin held open) or a worker is deep in a
// document of many megabytes.
func TestRunStopsOnCancel(t *testing.T) {
	e := extractor(t)
	huge := strings.Repeat("Officials said 12 people died and 40 were hurt in the city, ", 200000) // 12 MB, one line
	stuck := make(chan struct{})
	defer close(stuck)
	tests := []struct {
		name string
		src  batch.Source
	}{
		{"source stuck in a read", func(yield func(schema.Document) error) error {
			<-stuck
			return nil
		}},
		{"huge document", func(yield func(schema.Document) error) error {
			if err := yield(schema.Document{Source: "huge.txt", Text: huge}); err != nil {
				return err
			}
			<-stuck
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			errc := make(chan error, 1)
			start := time.Now()
			go func() {
				errc <- batch.Run(ctx, e, batch.Options{Jobs: 1}, tt.src, func(batch.Result) error { return nil })
			}()
			select {
			case err := <-errc:
				if !errors.Is(err, context.Canceled) {
					t.Errorf("Run = %v, want context.Canceled", err)
				}
				if d := time.Since(start); d > 3*time.Second {
					t.Errorf("Run returned %v after the cancel", d)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Run did not return 20 s after its context was cancelled")
			}
		})
	}
}
