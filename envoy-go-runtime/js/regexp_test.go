package js

import "testing"

// The Go engine knows only \n as a line end for ^ and $ with the m flag: a string where
// JavaScript would see another line end is refused, even a plain-ASCII one.
func TestMultilineRefusesOtherLineEnds(t *testing.T) {
	p := MustCompile(`(?m:^)a(?m:$)`, "^a$", "m", Multiline)
	if !p.New().Test("x\na\ny") {
		t.Fatal("^a$ with m should match a line of its own")
	}
	for _, s := range []string{"x\r\na", "a\u2028", "a\u2029b"} {
		func() {
			defer func() {
				e, ok := recover().(*Error)
				if !ok || e.Name != "TypeError" {
					t.Errorf("%q: recovered %v, want a TypeError", s, e)
				}
			}()
			p.New().Test(s)
		}()
	}
}
