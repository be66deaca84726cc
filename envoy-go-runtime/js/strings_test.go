package js

import "testing"

func TestUTF16Semantics(t *testing.T) {
	s := "a😀é"
	if Len(s) != 4 {
		t.Errorf("Len = %d, want 4", Len(s))
	}
	if got := Slice(s, 1, 3); got != "😀" {
		t.Errorf("Slice = %q", got)
	}
	lone := Slice(s, 1, 2)
	if Len(lone) != 1 || CharCodeAt(lone, 0) != 0xD83D {
		t.Errorf("lone surrogate not kept: %q", lone)
	}
	if WellFormed(lone) != "\uFFFD" {
		t.Errorf("WellFormed(lone) = %q", WellFormed(lone))
	}
	// Halves concatenated by Go's + are two WTF-8 sequences: one character for length and output.
	if got := Slice(s, 1, 2) + Slice(s, 2, 3); Len(got) != 2 || WellFormed(got) != "😀" || Slice(got, 0, 2) != "😀" {
		t.Errorf("surrogate halves do not rejoin: %q", got)
	}
	if IndexOf(s, "é") != 3 {
		t.Errorf("IndexOf = %d", IndexOf(s, "é"))
	}
	if got := PadStart("7", 3, "0"); got != "007" {
		t.Errorf("PadStart = %q", got)
	}
	if got := Trim("\u00a0\ufeff x \u2028"); got != "x" {
		t.Errorf("Trim = %q", got)
	}
	if got := Replace("a-b", "-", "[$&$$]"); got != "a[-$]b" {
		t.Errorf("Replace = %q", got)
	}
	if got := QuoteJSON("\u2028\x01" + lone); got != "\"\u2028\\u0001\\ud83d\"" {
		t.Errorf("QuoteJSON = %q", got)
	}
}

func TestMapOrderAndIteration(t *testing.T) {
	m := NewMap[string, int]()
	m.Set("b", 1).Set("a", 2).Set("c", 3)
	m.Delete("b")
	m.Set("b", 4)
	var keys string
	for k := range m.Keys() {
		keys += k
		if k == "a" {
			m.Set("d", 5)
			m.Delete("c")
		}
	}
	if keys != "abd" {
		t.Errorf("iteration order = %q, want abd", keys)
	}
	for i := 0; i < 100; i++ {
		m.Set("x", i)
		m.Delete("x")
	}
	if m.Size() != 3 || len(m.entries) > 20 {
		t.Errorf("size %d, %d entries kept after churn", m.Size(), len(m.entries))
	}
}
