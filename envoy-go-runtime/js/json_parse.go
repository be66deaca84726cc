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

// lookup returns the member named key (the last one, as JSON.parse keeps the last).
func (v *jsonValue) lookup(key string) (*jsonValue, bool) {
	for i := len(v.keys) - 1; i >= 0; i-- {
		if v.keys[i] == key {
			return v.vals[i], true
		}
	}
	return nil, false
}

type jsonParser struct {
	s   string
	pos int
}

type jsonSyntaxError struct{ msg string }

func (e *jsonSyntaxError) Error() string { return e.msg }

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
		p.fail("unexpected " + p.describe() + " after JSON value")
	}
	return v, nil
}

func (p *jsonParser) describe() string {
	if p.pos >= len(p.s) {
		return "end of input"
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	return "character " + strconv.QuoteRune(r)
}

func (p *jsonParser) fail(msg string) {
	panic(&jsonSyntaxError{msg: msg + " at position " + strconv.Itoa(p.pos)})
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
		p.fail("unexpected end of input")
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
	case strings.HasPrefix(p.s[p.pos:], "true"):
		p.pos += 4
		return &jsonValue{kind: "boolean", b: true}
	case strings.HasPrefix(p.s[p.pos:], "false"):
		p.pos += 5
		return &jsonValue{kind: "boolean"}
	case strings.HasPrefix(p.s[p.pos:], "null"):
		p.pos += 4
		return &jsonValue{kind: "null"}
	}
	p.fail("unexpected " + p.describe())
	return nil
}

func (p *jsonParser) object() *jsonValue {
	v := &jsonValue{kind: "object", keys: []string{}, vals: []*jsonValue{}}
	p.pos++
	p.skipSpace()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return v
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] != '"' {
			p.fail("expected property name, got " + p.describe())
		}
		key := p.string()
		p.skipSpace()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			p.fail("expected ':', got " + p.describe())
		}
		p.pos++
		p.skipSpace()
		member := p.value()
		replaced := false
		for i, k := range v.keys {
			if k == key {
				v.vals[i], replaced = member, true
			}
		}
		if !replaced {
			v.keys, v.vals = append(v.keys, key), append(v.vals, member)
		}
		p.skipSpace()
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.s) && p.s[p.pos] == '}' {
			p.pos++
			return v
		}
		p.fail("expected ',' or '}', got " + p.describe())
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
		p.fail("expected ',' or ']', got " + p.describe())
	}
}

func (p *jsonParser) string() string {
	p.pos++ // opening quote
	var units []uint16
	var b strings.Builder
	flushUnits := func() {
		if units != nil {
			b.WriteString(fromUnits(units))
			units = nil
		}
	}
	for {
		if p.pos >= len(p.s) {
			p.fail("unterminated string")
		}
		c := p.s[p.pos]
		switch {
		case c == '"':
			p.pos++
			flushUnits()
			return b.String()
		case c < 0x20:
			p.fail("bad control character in string")
		case c == '\\':
			if p.pos+1 >= len(p.s) {
				p.fail("unterminated string")
			}
			esc := p.s[p.pos+1]
			p.pos += 2
			if esc == 'u' {
				if p.pos+4 > len(p.s) {
					p.fail("bad unicode escape")
				}
				u, err := strconv.ParseUint(p.s[p.pos:p.pos+4], 16, 16)
				if err != nil {
					p.fail("bad unicode escape")
				}
				p.pos += 4
				units = append(units, uint16(u))
				continue
			}
			flushUnits()
			switch esc {
			case '"', '\\', '/':
				b.WriteByte(esc)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				p.pos--
				p.fail("bad escaped character")
			}
		default:
			flushUnits()
			_, n := utf8.DecodeRuneInString(p.s[p.pos:])
			b.WriteString(p.s[p.pos : p.pos+n])
			p.pos += n
		}
	}
}

func (p *jsonParser) number() *jsonValue {
	start := p.pos
	if p.s[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos, n = p.pos+1, n+1
		}
		return n
	}
	if p.pos < len(p.s) && p.s[p.pos] == '0' {
		p.pos++
	} else if digits() == 0 {
		p.fail("no number after minus sign")
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			p.fail("unterminated fractional number")
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			p.fail("exponent part is missing a number")
		}
	}
	f, err := strconv.ParseFloat(p.s[start:p.pos], 64)
	if err != nil && f == 0 {
		p.fail("bad number")
	}
	return &jsonValue{kind: "number", num: f}
}
