package js

import "testing"

// The expected widths are what Node 20.20.2's internal getStringWidth returns.
func TestStringWidthMatchesNode(t *testing.T) {
	cases := []struct {
		s     string
		width int
	}{
		{"abc", 3},
		{"世界", 4},
		{"ｈｉ", 4},
		{"e\u0301", 1},
		{"😀", 2},
		{"👨\u200d👩\u200d👧", 6},
		{"a\u200bb", 2},
		{"\u00ad", 1},
		{"ü", 1},
		{"🏻", 2},
		{"\u0007x", 1},
	}
	for _, c := range cases {
		if got := stringWidth(c.s); got != c.width {
			t.Errorf("stringWidth(%q) = %d, want %d", c.s, got, c.width)
		}
	}
}

// The expected text is what Node 20.20.2's console.log prints.
func TestInspectGroupsByColumnWidth(t *testing.T) {
	got := Inspect(NewArray("世界", "a", "b", "c", "d", "e", "f"))
	want := "[\n  '世界', 'a',\n  'b',    'c',\n  'd',    'e',\n  'f'\n]"
	if got != want {
		t.Errorf("Inspect = %q, want %q", got, want)
	}
}
