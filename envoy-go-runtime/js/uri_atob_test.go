package js

import "testing"

// The expected results are what Node 20.20.2 prints for atob of each input.
func TestAtobMatchesNode(t *testing.T) {
	const invalid = "Invalid character"
	const notEncoded = "The string to be decoded is not correctly encoded."
	cases := []struct{ in, out, err string }{
		{in: "aGVsbG8=", out: "hello"},
		{in: "aGVsbG8==", err: invalid},
		{in: "a===", err: invalid},
		{in: "@@@@", err: invalid},
		{in: "ab=c", err: invalid},
		{in: "abc", out: "i\u00b7"},
		{in: "a", err: notEncoded},
		{in: "abcde", err: notEncoded},
		{in: "YQ", out: "a"},
		{in: "YR==", out: "a"},
		{in: "YQ=", err: invalid},
		{in: " Y Q = = ", out: "a"},
		{in: "a-b_", err: invalid},
		{in: "====", err: invalid},
		{in: "==", err: invalid},
		{in: "abcd=", err: invalid},
		{in: "", out: ""},
		{in: "\u00e9abc", err: invalid},
		{in: "ab\vcd", err: invalid},
		{in: "a b\nc\td\fe\rf", out: "i\u00b7\u001dy"},
	}
	for _, c := range cases {
		got, err := atobOrError(c.in)
		if c.err != "" {
			if err == nil || err.Name != "InvalidCharacterError" || err.Message != c.err {
				t.Errorf("atob(%q): got %q, %v; want InvalidCharacterError %q", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got != c.out {
			t.Errorf("atob(%q) = %q, %v; want %q", c.in, got, err, c.out)
		}
	}
}

func atobOrError(s string) (out string, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(*Error)
		}
	}()
	return Atob(s), nil
}
