package text

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// lookups returns id and bits of key by every way in: Lookup of the key
// as a raw word (for keys a raw word folds to), LookupKey, Find and
// TryFind where it answers. They must agree.
func lookups(t *testing.T, v *Vocab, key string) (int32, uint32) {
	t.Helper()
	id, bits := v.LookupKey([]byte(key))
	if fid, fbits := v.Find([]byte(key), Pack(key)); fid != id || fbits != bits {
		t.Fatalf("%q: Find %d %#x, LookupKey %d %#x", key, fid, fbits, id, bits)
	}
	if sid, sbits, ok := v.TryFind(Pack(key), len(key)); ok && (sid != id || sbits != bits) {
		t.Fatalf("%q: TryFind %d %#x, LookupKey %d %#x", key, sid, sbits, id, bits)
	}
	if string(AppendKey(nil, key, FoldCase)) == key {
		if lid, _ := v.Lookup(key, nil, FoldCase); lid != id {
			t.Fatalf("%q: Lookup %d, LookupKey %d", key, lid, id)
		}
	}
	return id, bits
}

func TestVocabLookup(t *testing.T) {
	var v Vocab
	keys := []string{
		"killed", "a", ",", "-", "$", "of", // short, one byte
		"evacuated", "humanitarian", "internationally", // past eight bytes
		"governmental",               // shares "governme" and its length with a test word below
		"ürümqi", "ukraine's", "km²", // beyond ASCII
	}
	ids := map[string]int32{}
	for _, k := range keys {
		ids[k] = v.Add(k)
	}
	for _, k := range keys {
		if id, _ := lookups(t, &v, k); id != ids[k] || id == Unknown {
			t.Errorf("%q: id %d, want %d", k, id, ids[k])
		}
		if v.Word(ids[k]) != k {
			t.Errorf("Word(%d) = %q, want %q", ids[k], v.Word(ids[k]), k)
		}
	}
	for _, k := range []string{
		"kill", "killedx", "b", ".", "", "humanitarians", "governmentel",
		"internationall", "ürümq", "Killed", // keys are folded before LookupKey
	} {
		if id, _ := lookups(t, &v, k); id != Unknown {
			t.Errorf("%q: id %d (%q), want Unknown", k, id, v.Word(id))
		}
	}
	if v.Add("killed") != ids["killed"] {
		t.Error("adding a word twice gave a new id")
	}
	if v.Len() != len(keys)+1 {
		t.Errorf("Len %d, want %d", v.Len(), len(keys)+1)
	}
}

func TestVocabLookupFolds(t *testing.T) {
	var v Vocab
	killed := v.Add("killed")
	urumqi := v.Add("ürümqi")
	poss := v.Add("ukraine's")
	soft := v.Add("evacuated")
	for _, tc := range []struct {
		word string
		f    Fold
		want int32
	}{
		{"KILLED", 0, killed},
		{"Killed", FoldCase, killed},
		{"ÜRÜMQI", FoldCase, urumqi},
		{"ÜRÜMQI", 0, Unknown},
		{"Ukraine’s", 0, poss},
		{"evac\u00aduated", DropSoftHyphen, soft},
		{"evac\u00aduated", 0, Unknown},
	} {
		if got, key := v.Lookup(tc.word, nil, tc.f); got != tc.want {
			t.Errorf("Lookup(%q, %b) = %d (key %q), want %d", tc.word, tc.f, got, key, tc.want)
		}
	}
	// The key comes back folded, in the scratch given.
	scratch := make([]byte, 0, 32)
	_, key := v.Lookup("Ukraine’s", scratch, 0)
	if string(key) != "ukraine's" || &key[:1][0] != &scratch[:1][0] {
		t.Errorf("key %q, not folded into the scratch", key)
	}
}

func TestVocabEmpty(t *testing.T) {
	var v Vocab
	for _, k := range []string{"a", "killed", "humanitarian", ""} {
		if id, bits := lookups(t, &v, k); id != Unknown || bits != 0 {
			t.Errorf("%q in the empty vocabulary: %d %#x", k, id, bits)
		}
	}
	if v.Len() != 1 {
		t.Errorf("Len %d, want 1 (Unknown's place)", v.Len())
	}
	// An empty key gets an id, as rules may list one, but no text token
	// is empty, so it is never found.
	id := v.Add("")
	if id == Unknown || v.ID("") != id {
		t.Errorf("Add(\"\") = %d, ID %d", id, v.ID(""))
	}
	if got, _ := lookups(t, &v, ""); got != Unknown {
		t.Errorf("the empty key was found: %d", got)
	}
}

// TestVocabAddAfterLookups adds words after others were looked up, past
// the sizes where the table grows, and checks every word, old and new,
// and that bits set before a growth survive it.
func TestVocabAddAfterLookups(t *testing.T) {
	var v Vocab
	var words []string
	for i := range 2000 {
		w := fmt.Sprintf("w%d", i*7919)
		if i%3 == 0 {
			w = "longword-" + w // past eight bytes
		}
		words = append(words, w)
		id := v.Add(w)
		if i%5 == 0 {
			v.SetBits(id, 1<<(i%32))
		}
		if i%97 == 0 {
			for j, old := range words {
				got, bits := lookups(t, &v, old)
				if got != int32(j+1) {
					t.Fatalf("after %d words, %q: id %d, want %d", i+1, old, got, j+1)
				}
				if want := wantBits(j); bits != want {
					t.Fatalf("after %d words, %q: bits %#x, want %#x", i+1, old, bits, want)
				}
			}
			if got, _ := lookups(t, &v, "w-unknown"); got != Unknown {
				t.Fatalf("unknown word found: %d", got)
			}
		}
	}
}

func wantBits(i int) uint32 {
	if i%5 == 0 {
		return 1 << (i % 32)
	}
	return 0
}

// TestVocabManySets gives forty word sets their words, more sets than an
// id has bits: the first 32 sets take a bit each, the rest a bitmap by id,
// as the claims pass does. Every set must answer, by bits or by id, as its
// map does, for the words of every set and for unknown words.
func TestVocabManySets(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 14))
	pool := strings.Fields("said killed at least the region officials according to reported " +
		"injured residents humanitarian corridor evacuated authorities spokesperson " +
		"on monday tuesday in kyiv donetsk oblast ukraine's troops civilians were hurt " +
		"about more than nearly some dozens hundreds thousands unverified claimed denied")
	type set struct {
		words map[string]bool
		bit   uint32   // 0 past the 32 bits
		ids   []uint64 // for the sets past them
	}
	var v Vocab
	sets := make([]*set, 40)
	for k := range sets {
		s := &set{words: map[string]bool{}}
		if k < 32 {
			s.bit = 1 << k
		}
		for range 1 + rng.IntN(6) {
			s.words[pool[rng.IntN(len(pool))]] = true
		}
		for w := range s.words {
			v.SetBits(v.Add(w), s.bit)
		}
		sets[k] = s
	}
	for _, s := range sets[32:] {
		s.ids = make([]uint64, (v.Len()+63)/64)
		for w := range s.words {
			id := v.ID(w)
			s.ids[id/64] |= 1 << (id % 64)
		}
	}
	answered := 0
	for _, w := range append(pool, "unlisted", "Said") {
		id, bits := lookups(t, &v, w)
		for k, s := range sets {
			var got bool
			if s.bit != 0 {
				got = bits&s.bit != 0
			} else {
				got = s.ids[id/64]>>(id%64)&1 != 0
			}
			if got != s.words[w] {
				t.Fatalf("set %d, word %q: %v, want %v", k, w, got, s.words[w])
			}
			if got {
				answered++
			}
		}
	}
	if answered == 0 {
		t.Fatal("no set held a word: the test tests nothing")
	}
}

// TestVocabRandom checks the table against a map on random keys of every
// length, many sharing their first eight bytes, so that probes collide.
func TestVocabRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	key := func() string {
		b := make([]byte, 1+rng.IntN(14))
		for i := range b {
			b[i] = "abcde'-\xc3\xbc"[rng.IntN(9)]
		}
		return string(b)
	}
	var v Vocab
	want := map[string]int32{}
	for range 3000 {
		k := key()
		id := v.Add(k)
		if old, ok := want[k]; ok && old != id {
			t.Fatalf("%q: id %d, then %d", k, old, id)
		}
		want[k] = id
	}
	for range 20000 {
		k := key()
		if got, _ := lookups(t, &v, k); got != want[k] {
			t.Fatalf("%q: id %d, want %d", k, got, want[k])
		}
	}
}

func BenchmarkVocabLookup(b *testing.B) {
	var v Vocab
	text := strings.Fields(strings.Repeat("At least 12 people were killed and 40 injured when "+
		"the strike hit a residential building in the Donetsk region, the Ukrainian "+
		"authorities said on Monday; the claim could not be independently verified. ", 20))
	for _, w := range strings.Fields("at least people were killed injured when the hit in region said on could not be") {
		v.Add(w)
	}
	size := 0
	for _, w := range text {
		size += len(w)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	key := make([]byte, 0, 64)
	known := 0
	for b.Loop() {
		known = 0
		for _, w := range text {
			var id int32
			id, key = v.Lookup(w, key, FoldCase)
			if id != Unknown {
				known++
			}
		}
	}
	if known == 0 {
		b.Fatal("no word found")
	}
}
