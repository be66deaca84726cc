package js

import (
	"math/rand"
	"sort"
	"testing"
)

// With a consistent comparator, V8's TimSort is a stable sort: it must agree with Go's
// stable sort, on random data and on data with long runs (which exercises galloping).
func TestTimSortIsAStableSort(t *testing.T) {
	type item struct{ key, at int }
	rng := rand.New(rand.NewSource(1))
	inputs := map[string]func(n int) []int{
		"random": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = rng.Intn(n/4 + 1)
			}
			return out
		},
		"runs": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				switch (i / 100) % 3 {
				case 0:
					out[i] = i
				case 1:
					out[i] = n - i
				default:
					out[i] = rng.Intn(50)
				}
			}
			return out
		},
	}
	for name, gen := range inputs {
		for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 127, 500, 3000, 20000} {
			keys := gen(n)
			got := make([]item, n)
			for i, k := range keys {
				got[i] = item{k, i}
			}
			want := append([]item(nil), got...)
			sort.SliceStable(want, func(i, j int) bool { return want[i].key < want[j].key })
			timSort(got, func(x, y item) float64 { return float64(x.key - y.key) })
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s n=%d: at %d got %v, want %v", name, n, i, got[i], want[i])
				}
			}
		}
	}
}

// An inconsistent comparator must not crash the sort or lose elements.
func TestTimSortKeepsElementsUnderAnInconsistentComparator(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, n := range []int{10, 64, 1000, 20000} {
		values := make([]int, n)
		for i := range values {
			values[i] = i
		}
		timSort(values, func(x, y int) float64 { return float64(rng.Intn(3) - 1) })
		seen := make([]bool, n)
		for _, v := range values {
			if seen[v] {
				t.Fatalf("n=%d: %d appears twice", n, v)
			}
			seen[v] = true
		}
	}
}
