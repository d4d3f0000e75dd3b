//go:build race

package claim_test

// raceEnabled: the race detector makes sync.Pool drop buffers, so
// allocation counts mean nothing.
const raceEnabled = true
