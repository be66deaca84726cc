package api

import (
	"crypto/rand"
	"encoding/binary"
	"os"
	"strconv"
	"sync"
)

// Random returns 64 random bits for the runtime's random sources (Math.random,
// crypto.randomUUID). When the environment variable MOSN_TS_SEED holds an integer at
// load time, the bits come from a SplitMix64 generator seeded with it, so a test host
// can reproduce them; otherwise they come from crypto/rand.
func Random() uint64 {
	randomMu.Lock()
	defer randomMu.Unlock()
	if seeded {
		return splitMix64Next(&randomState)
	}
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("mosn-ts: crypto/rand failed: " + err.Error())
	}
	return binary.LittleEndian.Uint64(b[:])
}

var (
	randomMu    sync.Mutex
	randomState uint64
	seeded      bool
)

func init() {
	if s, ok := os.LookupEnv("MOSN_TS_SEED"); ok {
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			randomState, seeded = uint64(v), true
		} else if u, err := strconv.ParseUint(s, 10, 64); err == nil {
			randomState, seeded = u, true
		}
	}
}

// splitMix64Next advances state and returns the next output (Steele, Lea, Flood 2014).
func splitMix64Next(state *uint64) uint64 {
	*state += 0x9E3779B97F4A7C15
	z := *state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
