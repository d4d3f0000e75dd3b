package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.String("size", "10MB", "total size of the articles (KB, MB, GB)")
	format := fs.String("format", "jsonl", "jsonl (one file) or txt (a directory of files)")
	out := fs.String("o", "corpus.jsonl", "output file or directory")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	limit, err := parseSize(*size)
	if err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 2
	}
	g := &generator{rng: rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))}
	switch *format {
	case "jsonl":
		err = writeJSONL(*out, g, limit)
	case "txt":
		err = writeTxt(*out, g, limit)
	default:
		err = fmt.Errorf("format %q: use jsonl or txt", *format)
	}
	if err != nil {
		fmt.Fprintln(stderr, "gencorpus:", err)
		return 1
	}
	return 0
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	u := strings.ToUpper(strings.TrimSpace(s))
	for suffix, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if strings.HasSuffix(u, suffix) {
			u, mult = strings.TrimSuffix(u, suffix), m
			break
		}
	}
	n, err := strconv.ParseFloat(u, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("size %q: want a number with KB, MB or GB", s)
	}
	return int64(n * float64(mult)), nil
}

func writeJSONL(path string, g *generator, limit int64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	var total int64
	for i := 0; total < limit; i++ {
		a := g.article()
		total += int64(len(a.text))
		rec := map[string]string{"id": strconv.Itoa(i), "title": a.title, "published": a.date, "url": fmt.Sprintf("https://news.example/%d", i), "text": a.text}
		if err := enc.Encode(rec); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeTxt(dir string, g *generator, limit int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var total int64
	for i := 0; total < limit; i++ {
		a := g.article()
		body := "date " + a.date + "\n" + a.title + "\n\n" + a.text
		total += int64(len(body))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%06d.txt", i)), []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}

type article struct{ title, date, text string }

type generator struct{ rng *rand.Rand }

func (g *generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *generator) article() article {
	place := g.pick(places)
	var b strings.Builder
	paragraphs := 6 + g.rng.IntN(8)
	for p := 0; p < paragraphs; p++ {
		for s := 0; s < 1+g.rng.IntN(3); s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			// Most news sentences state no figure: about one in four here.
			if g.rng.IntN(4) == 0 {
				b.WriteString(g.fill(g.pick(sentences), place))
			} else {
				b.WriteString(g.fill(g.pick(narrative), place))
			}
		}
		b.WriteString("\n\n")
	}
	return article{
		title: g.fill(g.pick(headlines), place),
		date:  fmt.Sprintf("202%d-%02d-%02d", g.rng.IntN(6), 1+g.rng.IntN(12), 1+g.rng.IntN(28)),
		text:  b.String(),
	}
}

// fill replaces the slots of a template: {place}, {person}, {n} (a count
// in digits), {big} (with separators), {word} (a number word), {day}.
func (g *generator) fill(t, place string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		b.WriteString(t[:i])
		switch t[i+1 : i+j] {
		case "place":
			b.WriteString(place)
		case "other":
			b.WriteString(g.pick(places))
		case "person":
			b.WriteString(g.pick(people))
		case "n":
			b.WriteString(strconv.Itoa(2 + g.rng.IntN(400)))
		case "big":
			b.WriteString(withCommas(1000 + g.rng.IntN(900000)))
		case "word":
			b.WriteString(g.pick(numberWords))
		case "day":
			b.WriteString(g.pick(days))
		}
		t = t[i+j+1:]
	}
}

func withCommas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

var (
	places      = []string{"Mariupol", "Kharkiv", "Kherson", "Aleppo", "Khartoum", "Gaza City", "Port-au-Prince", "the delta region", "the northern province", "Mosul", "Marawi", "the coastal district"}
	people      = []string{"Governor Anna Petrova", "Col. James Okafor", "spokesperson Leyla Demir", "Mayor Tomas Ruiz", "aid official Sara Haddad", "Dr. Amit Rao"}
	numberWords = []string{"two", "three", "five", "eight", "twelve", "twenty", "dozens of", "several", "hundreds of"}
	days        = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	headlines   = []string{
		"Shelling kills {n} in {place} as talks stall",
		"Thousands flee {place} after week of strikes",
		"Aid convoy reaches {place} with {n} tonnes of supplies",
		"Floods leave {place} cut off, {word} villages under water",
	}
	narrative = []string{
		"Residents of {place} described a night of explosions that shook windows across the old town and sent families into basements.",
		"{person} said the situation remained extremely difficult and called on all sides to respect international humanitarian law.",
		"The foreign ministry in {other} condemned the attack and summoned the ambassador for an explanation.",
		"Aid agencies warned that access to the worst-hit neighbourhoods was still blocked by debris and unexploded ordnance.",
		"It was not possible to verify the account independently, and the other side did not respond to a request for comment.",
		"Talks between the delegations resumed by video link, with both sides saying progress had been slow but not hopeless.",
		"Local volunteers have organised kitchens in school buildings, handing out hot meals to people who lost their homes.",
		"Hospitals in {place} are running on generators and say supplies of blood, antibiotics and anaesthetics are dwindling.",
		"Analysts said the offensive appeared aimed at cutting the main supply road that links the region to the capital.",
		"Video verified by reporters showed smoke rising over the industrial district and fire crews working through the night.",
		"{person} told reporters that the government would rebuild every damaged house and compensate the families affected.",
		"Schools across the region have moved classes online, and many teachers have left for safer areas with their children.",
		"The weather service warned of further heavy rain over the weekend, raising fears that river defences could fail again.",
		"Diplomats in {other} said a draft resolution calling for a humanitarian pause was being circulated among council members.",
		"Shopkeepers who stayed behind said prices for bread, fuel and medicine had risen sharply since the roads were closed.",
		"The agency said its teams were assessing needs in remote villages that had been cut off from the outside world.",
	}
	sentences = []string{
		"At least {n} people were killed and {n} wounded in overnight shelling of {place}, {person} said on {day}.",
		"The death toll in {place} rose to {n}, according to local officials.",
		"More than {big} residents have fled {place} since the fighting began, the United Nations said.",
		"Around {big} people are believed to remain in the city, down from a prewar {big}.",
		"Rescuers evacuated {n} civilians through a humanitarian corridor on {day}.",
		"A convoy of {n} trucks carrying {n} tons of food and medicine reached {place}.",
		"{person} said {word} soldiers were captured near {other}, a claim that could not be independently verified.",
		"The army said it had retaken {n} villages and about {n} square kilometres of territory.",
		"Officials said {n} homes, {word} schools and a hospital were damaged in the attack.",
		"Donors pledged ${n} million in humanitarian aid at a conference in {other}.",
		"The town lies about {n} kilometres from the front line, and its population has fallen by half.",
		"Negotiators met for the {word} time in {other} but failed to agree on a ceasefire.",
		"The exchange freed {n} prisoners of war from each side, {person} said.",
		"Tens of thousands of people remain without power after strikes on energy facilities.",
		"Local reporters said the market was crowded when the strike hit shortly before noon.",
		"Residents described long queues for water and bread, and shops with empty shelves.",
		"The ministry said {n} drones and {word} missiles were launched overnight, and {n} were shot down.",
		"In a statement, the agency warned that conditions would worsen as winter approached.",
		"Nearly a quarter of the region's hospitals are no longer working, the health ministry said.",
		"The blast injured {word} workers at the depot, {person} told reporters.",
	}
)
