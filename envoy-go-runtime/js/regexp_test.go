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

// A group that did not take part is undefined: slice refuses it only where it lands in
// the string array it returns; includes and Items never refuse it.
func TestMatchSliceReadsOnlyTheSlicedGroups(t *testing.T) {
	m := MustCompile(`^(a)(b)?$`, "^(a)(b)?$", "", 0).New().Exec("a")
	if got := m.Slice(1, 2).Join(","); got != "a" {
		t.Errorf("slice(1, 2) = %q, want \"a\"", got)
	}
	if got := m.Slice(0, -1).Join(","); got != "a,a" {
		t.Errorf("slice(0, -1) = %q, want \"a,a\"", got)
	}
	if m.Slice(3, 9).Len() != 0 {
		t.Error("slice past the end should be empty")
	}
	if m.Includes("b") || !m.Includes("a") {
		t.Error("includes should see the matched groups only")
	}
	if items := m.Items(); items.Len() != 3 || items.items[2] != nil {
		t.Errorf("Items() = %v, want 3 entries ending in nil", items.items)
	}
	defer func() {
		e, ok := recover().(*Error)
		if !ok || e.Name != "TypeError" {
			t.Errorf("slice(1) recovered %v, want a TypeError", e)
		}
	}()
	m.Slice(1, 3)
	t.Error("slice(1) over the unmatched group should throw")
}
