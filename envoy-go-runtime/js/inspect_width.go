package js

import "sort"

// widthRange: the code points lo..hi, all of one column width.
type widthRange struct {
	lo, hi rune
	width  int
}

// stringWidth is the number of terminal columns Node's util.inspect reckons s takes when it
// lines up array entries: East Asian wide and fullwidth characters and emoji take two,
// control characters, format characters and non-spacing or enclosing marks none (so an
// emoji joined by zero width joiners counts as its parts, as in Node 20). Node measures the NFC form of
// s; this measures s as it is, which differs only for sequences that compose into a
// character of another width (Hangul jamo into a syllable).
func stringWidth(s string) int {
	width := 0
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		i += n
		switch {
		case r < 0x20:
		case r < 0x7F:
			width++
		default:
			width += runeWidth(r)
		}
	}
	return width
}

func runeWidth(r rune) int {
	if i, ok := findRange(columnWidths, r); ok {
		return columnWidths[i].width
	}
	return 1
}

func findRange(ranges []widthRange, r rune) (int, bool) {
	i := sort.Search(len(ranges), func(i int) bool { return ranges[i].hi >= r })
	return i, i < len(ranges) && ranges[i].lo <= r
}
