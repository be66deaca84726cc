package js

import (
	"math"
	"strings"
)

// Format is Node's util.format(...args) (what console.log prints): a first string
// argument may hold %s %d %i %f %j %o %O %c %% directives consuming the next arguments;
// the remaining arguments follow, separated by spaces (strings as they are, other
// values as util.inspect prints them).
func Format(args ...any) string {
	if len(args) == 0 {
		return ""
	}
	var b strings.Builder
	a := 0
	join := ""
	if first, ok := args[0].(string); ok {
		if len(args) == 1 {
			return first
		}
		lastPos := 0
		for i := 0; i < len(first)-1; i++ {
			if first[i] != '%' {
				continue
			}
			i++
			next := first[i]
			if a+1 != len(args) {
				var temp string
				switch next {
				case 's':
					a++
					temp = formatS(args[a])
				case 'j':
					a++
					temp = formatJ(args[a])
				case 'd':
					a++
					temp = formatNumber(ToNumber(toJSValue(args[a])))
				case 'O':
					a++
					temp = Inspect(args[a])
				case 'o':
					a++
					ctx := &inspectContext{depth: 4, showHidden: true}
					temp = ctx.format(args[a], 0, false)
				case 'i':
					a++
					temp = formatNumber(ParseInt(ToString(toJSValue(args[a])), 0))
				case 'f':
					a++
					temp = formatNumber(ParseFloat(ToString(toJSValue(args[a]))))
				case 'c':
					a++
					temp = ""
				case '%':
					b.WriteString(first[lastPos:i])
					lastPos = i + 1
					continue
				default:
					continue
				}
				if lastPos != i-1 {
					b.WriteString(first[lastPos : i-1])
				}
				b.WriteString(temp)
				lastPos = i + 1
			} else if next == '%' {
				b.WriteString(first[lastPos:i])
				lastPos = i + 1
			}
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(first) {
				b.WriteString(first[lastPos:])
			}
		}
	}
	for ; a < len(args); a++ {
		b.WriteString(join)
		if s, ok := args[a].(string); ok {
			b.WriteString(s)
		} else {
			b.WriteString(Inspect(args[a]))
		}
		join = " "
	}
	return b.String()
}

func formatNumber(f float64) string {
	if f == 0 && math.Signbit(f) {
		return "-0"
	}
	return NumberToString(f)
}

// formatS is %s: numbers as numbers, objects without their own toString inspected shallowly.
func formatS(v any) string {
	v = toJSValue(v)
	switch x := v.(type) {
	case float64:
		return formatNumber(x)
	case string, bool, nil, NullType:
		return ToString(x)
	}
	if _, ok := v.(interface{ ToString() string }); ok {
		return ToString(v)
	}
	ctx := &inspectContext{depth: 0}
	return ctx.format(v, 0, false)
}

// formatJ is %j: JSON.stringify, '[Circular]' never arises here.
func formatJ(v any) string {
	var b strings.Builder
	if !writeJSON(&b, toJSValue(v), "", "") {
		return "undefined"
	}
	return b.String()
}
