package js

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonValue is a parsed JSON document that keeps object keys in document order.
type jsonValue struct {
	kind string // "string", "number", "boolean", "null", "array", "object"
	str  string
	num  float64
	b    bool
	arr  []*jsonValue
	keys []string
	vals []*jsonValue
}

// lookup returns the member named key.
func (v *jsonValue) lookup(key string) (*jsonValue, bool) {
	for i, k := range v.keys {
		if k == key {
			return v.vals[i], true
		}
	}
	return nil, false
}

// jsonSyntaxError carries V8's JSON.parse message, so a compiled program reports the
// same e.message as Node.
type jsonSyntaxError struct{ msg string }

func (e *jsonSyntaxError) Error() string { return e.msg }

type jsonParser struct {
	s   string
	pos int // byte offset
}

// parseJSON parses text with JSON.parse's grammar.
func parseJSON(text string) (v *jsonValue, err error) {
	p := &jsonParser{s: text}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*jsonSyntaxError)
			if !ok {
				panic(r)
			}
			v, err = nil, se
		}
	}()
	p.skipSpace()
	v = p.value()
	p.skipSpace()
	if p.pos < len(p.s) {
		panic(&jsonSyntaxError{msg: "Unexpected non-whitespace character after JSON at position " + strconv.Itoa(p.unitPos())})
	}
	return v, nil
}

// unitPos is the current position in UTF-16 code units, as V8 reports it.
func (p *jsonParser) unitPos() int {
	if isASCII(p.s) {
		return p.pos
	}
	return Len(p.s[:p.pos])
}

func (p *jsonParser) failAt(msg string) {
	panic(&jsonSyntaxError{msg: msg + " in JSON at position " + strconv.Itoa(p.unitPos())})
}

func (p *jsonParser) failEnd() {
	panic(&jsonSyntaxError{msg: "Unexpected end of JSON input"})
}

// failToken reports an unexpected character with V8's context: the whole source when it
// is shorter than 21 code units, else up to 10 code units either side of the character.
func (p *jsonParser) failToken() {
	if p.pos >= len(p.s) {
		p.failEnd()
	}
	switch p.s {
	case "NaN", "Infinity", "undefined", "[object Object]":
		panic(&jsonSyntaxError{msg: `"` + p.s + `" is not valid JSON`})
	}
	r, _ := decodeUnit(p.s, p.pos)
	token := string(r)
	if r >= 0x10000 {
		token = fromUnits(toUnits(string(r))[:1])
	}
	const context = 10
	length := Len(p.s)
	pos := p.unitPos()
	var source string
	switch {
	case length < 2*context+1:
		source = `"` + p.s + `"`
	case pos < context:
		source = `"` + substr(p.s, 0, pos+context) + `"...`
	case pos < length-context:
		source = `..."` + substr(p.s, pos-context, pos+context) + `"...`
	default:
		source = `..."` + substr(p.s, pos-context, length) + `"`
	}
	panic(&jsonSyntaxError{msg: "Unexpected token '" + token + "', " + source + " is not valid JSON"})
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() *jsonValue {
	if p.pos >= len(p.s) {
		p.failEnd()
	}
	switch c := p.s[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return &jsonValue{kind: "string", str: p.string()}
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		p.literal("true")
		return &jsonValue{kind: "boolean", b: true}
	case c == 'f':
		p.literal("false")
		return &jsonValue{kind: "boolean"}
	case c == 'n':
		p.literal("null")
		return &jsonValue{kind: "null"}
	}
	p.failToken()
	return nil
}

func (p *jsonParser) literal(word string) {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.s) {
			p.failEnd()
		}
		if p.s[p.pos] != word[i] {
			p.failToken()
		}
		p.pos++
	}
}

func (p *jsonParser) object() *jsonValue {
	v := &jsonValue{kind: "object", keys: []string{}, vals: []*jsonValue{}}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return v
	}
	if p.pos >= len(p.s) || p.s[p.pos] != '"' {
		p.failAt("Expected property name or '}'")
	}
	for {
		key := p.string()
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			p.failAt("Expected ':' after property name")
		}
		p.pos++
		p.skipSpace()
		member := p.value()
		replaced := false
		for i, k := range v.keys {
			if k == key {
				// A repeated key keeps its first position and its last value.
				v.vals[i], replaced = member, true
			}
		}
		if !replaced {
			v.keys, v.vals = append(v.keys, key), append(v.vals, member)
		}
		p.skipSpace()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			p.skipSpace()
			if p.pos >= len(p.s) || p.s[p.pos] != '"' {
				p.failAt("Expected double-quoted property name")
			}
			continue
		}
		if p.pos < len(p.s) && p.s[p.pos] == '}' {
			p.pos++
			return v
		}
		p.failAt("Expected ',' or '}' after property value")
	}
}

func (p *jsonParser) array() *jsonValue {
	v := &jsonValue{kind: "array", arr: []*jsonValue{}}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		return v
	}
	for {
		p.skipSpace()
		v.arr = append(v.arr, p.value())
		p.skipSpace()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.s) && p.s[p.pos] == ']' {
			p.pos++
			return v
		}
		p.failAt("Expected ',' or ']' after array element")
	}
}

func (p *jsonParser) string() string {
	p.pos++ // opening quote
	var units []uint16
	var b strings.Builder
	flush := func() {
		if len(units) > 0 {
			b.WriteString(fromUnits(units))
			units = units[:0]
		}
	}
	for {
		if p.pos >= len(p.s) {
			p.failAt("Unterminated string")
		}
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			flush()
			return b.String()
		case c < 0x20:
			p.failAt("Bad control character in string literal")
		case c == '\\':
			p.pos++
			if p.pos >= len(p.s) {
				p.failEnd()
			}
			e := p.s[p.pos]
			simple := map[byte]uint16{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
			if u, ok := simple[e]; ok {
				units = append(units, u)
				p.pos++
				continue
			}
			if e != 'u' {
				p.failAt("Bad escaped character")
			}
			p.pos++
			var u uint16
			for k := 0; k < 4; k++ {
				if p.pos >= len(p.s) {
					p.failAt("Bad Unicode escape")
				}
				d, ok := unhex(p.s[p.pos])
				if !ok {
					p.failAt("Bad Unicode escape")
				}
				u = u<<4 | uint16(d)
				p.pos++
			}
			units = append(units, u)
		default:
			flush()
			if c < utf8.RuneSelf {
				b.WriteByte(c)
				p.pos++
				continue
			}
			_, n := decodeUnit(p.s, p.pos)
			b.WriteString(p.s[p.pos : p.pos+n])
			p.pos += n
		}
	}
}

func (p *jsonParser) digits() int {
	start := p.pos
	for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

func (p *jsonParser) number() *jsonValue {
	start := p.pos
	if p.s[p.pos] == '-' {
		p.pos++
		if p.pos >= len(p.s) || p.s[p.pos] < '0' || p.s[p.pos] > '9' {
			p.failAt("No number after minus sign")
		}
	}
	if p.s[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			panic(&jsonSyntaxError{msg: "Unexpected number in JSON at position " + strconv.Itoa(p.unitPos())})
		}
	} else {
		p.digits()
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			p.failAt("Unterminated fractional number")
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			p.failAt("Exponent part is missing a number")
		}
	}
	f, _ := strconv.ParseFloat(p.s[start:p.pos], 64)
	return &jsonValue{kind: "number", num: f}
}
