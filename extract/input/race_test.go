//go:build race

package input

// raceEnabled: the race detector makes sync.Pool drop buffers and adds its
// own allocations, so allocation bounds mean nothing.
const raceEnabled = true
