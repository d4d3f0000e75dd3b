package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard selects a stable part of the documents by content hash, so n
// machines or n cron slots split a corpus with no coordination.
type Shard struct {
	Index, Count int // Index is 1-based: shards 1/4 to 4/4
}

// ParseShard reads "i/n". The empty string means every document.
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{Index: 1, Count: 1}, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("shard %q: want i/n with 1 <= i <= n, such as 2/4", s)
	}
	return Shard{Index: i, Count: n}, nil
}

// Has reports whether a document with this text belongs to the shard.
func (s Shard) Has(text string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(text))
	return int(h.Sum64()%uint64(s.Count)) == s.Index-1
}
