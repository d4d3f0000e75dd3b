package claim_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tally-news/tally/extract"
	"github.com/tally-news/tally/extract/internal/claim"
	"github.com/tally-news/tally/schema"
)

func TestDefaultConfigCompiles(t *testing.T) {
	defaultAnnotator(t)
}

func TestZeroConfigAnnotatesNothing(t *testing.T) {
	a, err := claim.New(claim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	text := "Rebels seized 12 trucks in Kharkiv on Friday, officials claimed."
	f := schema.Figure{Start: 14, End: 16, Attribution: "stale", Hedge: "stale"}
	a.Annotate(text, 0, len(text), "2024-05-10", &f)
	if f.Attribution != "" || f.Hedge != "" || f.Location != "" {
		t.Errorf("zero config annotated %+v", f)
	}
	if f.EventDate != "" {
		t.Errorf("event_date = %q", f.EventDate)
	}
}

// TestBadConfigs reads testdata/claim/bad/*.yaml; each names the key its
// error must carry in a "# want:" first line.
func TestBadConfigs(t *testing.T) {
	files, err := filepath.Glob("../../../testdata/claim/bad/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad configs: %v", err)
	}
	for _, fn := range files {
		t.Run(filepath.Base(fn), func(t *testing.T) {
			data, err := os.ReadFile(fn)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(data), "\n")
			want, ok := strings.CutPrefix(first, "# want: ")
			if !ok {
				t.Fatalf("first line %q is not # want: KEY", first)
			}
			cfg, err := extract.DecodeConfig(fn, data)
			if err != nil {
				t.Fatal(err)
			}
			_, err = claim.New(cfg.ClaimsConfig())
			var ce *claim.ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("New = %v, want a *ConfigError", err)
			}
			if ce.Key != want {
				t.Errorf("error key = %q, want %q (error: %v)", ce.Key, want, err)
			}
			if !strings.HasPrefix(err.Error(), want+": ") {
				t.Errorf("error %q does not start with its key", err)
			}
		})
	}
}

func TestConfigErrorNamesTheEntry(t *testing.T) {
	cfg := defaultConfig(t)
	cfg.Hedges = append([]claim.HedgeRule(nil), cfg.Hedges...)
	cfg.Hedges[2].Phrases = append([]string{" claimed"}, cfg.Hedges[2].Phrases...)
	_, err := claim.New(cfg)
	want := `claims.hedges[2].phrases[0]: " claimed": want words separated by single spaces`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

// TestConfigAliasWithDot: a map key may hold a dot now that the rules are
// read by one YAML decoder (viper read it as nesting).
func TestConfigAliasWithDot(t *testing.T) {
	cfg := claim.Config{Places: claim.PlaceConfig{Names: []string{"Saint Petersburg"}, Aliases: map[string]string{"st. petersburg": "Saint Petersburg"}}}
	a, err := claim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	text := "Shelling in St. Petersburg killed 12 people."
	f := schema.Figure{Start: 34, End: 36}
	a.Annotate(text, 0, len(text), "2024-05-10", &f)
	if f.Location != "Saint Petersburg" {
		t.Errorf("location = %q, want Saint Petersburg", f.Location)
	}
}
