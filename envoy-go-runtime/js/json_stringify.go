package js

import (
	"math"
	"reflect"
	"strings"
)

// prefixKey is the key toJSON receives (the property name; "" at the top level).
const prefixKey = ""

// JSONStringify is JSON.stringify(v) for the values the compiler represents (it
// rejects arguments that may be undefined, so the result is always a string).
func JSONStringify(v any) string { return JSONStringifyIndent(v, "") }

// JSONStringifyIndent is JSON.stringify(v, null, indent).
func JSONStringifyIndent(v any, indent string) string {
	var b strings.Builder
	if !writeJSON(&b, v, indent, "") {
		panic(NewTypeError("JSON.stringify: value is undefined"))
	}
	return b.String()
}

// JSONIndent turns JSON.stringify's space argument (a number) into the indent string.
func JSONIndent(space float64) string {
	n := int(min(max(space, 0), 10))
	return strings.Repeat(" ", n)
}

// QuoteJSON is JSON.stringify(s) for a string: escapes per ECMAScript's QuoteJSONString.
func QuoteJSON(s string) string {
	var b strings.Builder
	quoteJSONTo(&b, s)
	return b.String()
}

const hexDigits = "0123456789abcdef"

func quoteJSONTo(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					b.WriteByte(hexDigits[c>>4])
					b.WriteByte(hexDigits[c&0xF])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, n := decodeUnit(s, i)
		if r >= 0xD800 && r <= 0xDFFF {
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hexDigits[(r>>shift)&0xF])
			}
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
}

// writeJSON writes v; it returns false for values JSON omits (undefined, functions).
func writeJSON(b *strings.Builder, v any, indent, prefix string) bool {
	v = toJSValue(v)
	if v != nil {
		if m := reflect.ValueOf(v).MethodByName("ToJSON"); m.IsValid() && m.Type().NumIn() <= 1 && m.Type().NumOut() == 1 {
			args := []reflect.Value{}
			if m.Type().NumIn() == 1 {
				args = append(args, reflect.ValueOf(prefixKey).Convert(m.Type().In(0)))
			}
			v = toJSValue(m.Call(args)[0].Interface())
		}
	}
	switch x := v.(type) {
	case nil:
		return false
	case NullType:
		b.WriteString("null")
		return true
	case string:
		quoteJSONTo(b, x)
		return true
	case float64:
		if x != x || math.IsInf(x, 0) {
			b.WriteString("null")
		} else {
			b.WriteString(NumberToString(x))
		}
		return true
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		return true
	case []byte:
		fields := make([]objectField, len(x))
		for i, c := range x {
			fields[i] = objectField{name: IntToString(i), value: float64(c)}
		}
		writeJSONObject(b, fields, indent, prefix)
		return true
	case *RegExp, keyedLike:
		b.WriteString("{}")
		return true
	case *RegExpMatch:
		items := make([]any, len(x.groups))
		for i, g := range x.groups {
			items[i] = toJSValue(g)
		}
		writeJSONArray(b, items, indent, prefix)
		return true
	case arrayLike:
		writeJSONArray(b, x.elements(), indent, prefix)
		return true
	}
	if reflect.ValueOf(v).Kind() == reflect.Func {
		return false
	}
	fields, _, ok := ownProperties(v)
	if !ok {
		panic(NewTypeError("JSON.stringify: unsupported value of Go type " + reflect.TypeOf(v).String()))
	}
	writeJSONObject(b, fields, indent, prefix)
	return true
}

func writeJSONArray(b *strings.Builder, items []any, indent, prefix string) {
	if len(items) == 0 {
		b.WriteString("[]")
		return
	}
	inner := prefix + indent
	b.WriteByte('[')
	for i, item := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		if indent != "" {
			b.WriteString("\n" + inner)
		}
		if !writeJSON(b, item, indent, inner) {
			b.WriteString("null")
		}
	}
	if indent != "" {
		b.WriteString("\n" + prefix)
	}
	b.WriteByte(']')
}

func writeJSONObject(b *strings.Builder, fields []objectField, indent, prefix string) {
	inner := prefix + indent
	b.WriteByte('{')
	wrote := false
	for _, f := range fields {
		var member strings.Builder
		if !writeJSON(&member, f.value, indent, inner) {
			continue
		}
		if wrote {
			b.WriteByte(',')
		}
		if indent != "" {
			b.WriteString("\n" + inner)
		}
		quoteJSONTo(b, f.name)
		b.WriteByte(':')
		if indent != "" {
			b.WriteByte(' ')
		}
		b.WriteString(member.String())
		wrote = true
	}
	if wrote && indent != "" {
		b.WriteString("\n" + prefix)
	}
	b.WriteByte('}')
}

// JSONIndentOf is the indent of JSON.stringify's space argument of unknown type.
func JSONIndentOf(space any) string {
	switch x := toJSValue(space).(type) {
	case float64:
		return JSONIndent(x)
	case string:
		return Slice(x, 0, 10)
	}
	return ""
}
