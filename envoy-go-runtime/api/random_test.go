package api

import "testing"

func TestSplitMix64KnownSequence(t *testing.T) {
	// Reference values of SplitMix64 seeded with 0 (first three outputs).
	state := uint64(0)
	want := []uint64{0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F}
	for i, w := range want {
		if got := splitMix64Next(&state); got != w {
			t.Fatalf("output %d = %#x, want %#x", i, got, w)
		}
	}
}
