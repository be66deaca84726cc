package js

import "testing"

// The expected texts are what Node 20's JSON.parse throws for the same documents.
func TestParseJSONUnexpectedTokenContext(t *testing.T) {
	cases := []struct{ doc, want string }{
		// Shorter than 21 code units: the whole text.
		{`{"a":[1,2,{"b":tr}]}`, `Unexpected token '}', "{"a":[1,2,{"b":tr}]}" is not valid JSON`},
		// 21 code units: 10 either side of the character.
		{`{"a":[1,2,{"b":tru}]}`, `Unexpected token '}', ..."2,{"b":tru}]}" is not valid JSON`},
		{`{"a":[1,2,{"b":tru}]} `, `Unexpected token '}', ..."2,{"b":tru}]} " is not valid JSON`},
		// An astral character is reported by its high surrogate; the context counts code units.
		{"[\U0001F600]", "Unexpected token '\xed\xa0\xbd', \"[\U0001F600]\" is not valid JSON"},
		{"[1,2,3,4,5,6,7,8,9,10,11,\U0001F600,1,2,3,4,5,6,7,8,9]", "Unexpected token '\xed\xa0\xbd', ...\"8,9,10,11,\U0001F600,1,2,3,4\"... is not valid JSON"},
		// A context cut inside a surrogate pair keeps the high half.
		{"aaaaaaaaa\U0001F600bbbbbbbbbb", "Unexpected token 'a', \"aaaaaaaaa\xed\xa0\xbd\"... is not valid JSON"},
	}
	for _, c := range cases {
		_, err := parseJSON(c.doc)
		if err == nil || err.Error() != c.want {
			t.Errorf("parseJSON(%q) error = %q, want %q", c.doc, err, c.want)
		}
	}
}
