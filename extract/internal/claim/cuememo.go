package claim

// The cue memo: the cues of sentences that are not line sentences, by
// their token span.

// cueMemo maps a sentence's token span to its cues' range in the arena.
// A generation number empties it in constant time.
type cueMemo struct {
	slots []memoSlot
	n     int
	gen   uint32
}

type memoSlot struct {
	key    uint64
	lo, hi int32
	gen    uint32
}

func (m *cueMemo) reset() {
	m.gen++
	m.n = 0
	if m.gen == 0 { // wrapped: old slots could look current
		clear(m.slots)
		m.gen = 1
	}
}

func (m *cueMemo) slot(key uint64) uint64 {
	return (key * 0x9e3779b97f4a7c15) >> 32 & uint64(len(m.slots)-1)
}

func (m *cueMemo) get(key uint64) (int, int, bool) {
	if len(m.slots) == 0 {
		return 0, 0, false
	}
	mask := uint64(len(m.slots) - 1)
	for i := m.slot(key); ; i = (i + 1) & mask {
		s := &m.slots[i]
		if s.gen != m.gen {
			return 0, 0, false
		}
		if s.key == key {
			return int(s.lo), int(s.hi), true
		}
	}
}

func (m *cueMemo) put(key uint64, lo, hi int) {
	if 2*(m.n+1) > len(m.slots) {
		m.grow()
	}
	mask := uint64(len(m.slots) - 1)
	i := m.slot(key)
	for m.slots[i].gen == m.gen {
		i = (i + 1) & mask
	}
	m.slots[i] = memoSlot{key: key, lo: int32(lo), hi: int32(hi), gen: m.gen}
	m.n++
}

func (m *cueMemo) grow() {
	old, gen := m.slots, m.gen
	m.slots = make([]memoSlot, max(64, 2*len(old)))
	m.n = 0
	m.gen = 1
	for _, s := range old {
		if s.gen == gen {
			m.put(s.key, int(s.lo), int(s.hi))
		}
	}
}
