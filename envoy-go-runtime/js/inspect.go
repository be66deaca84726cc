package js

import (
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// Inspect formats v as Node's util.inspect (what console.log prints for a non-string
// argument) for the values the compiler represents: primitives, arrays, objects and
// class instances, Records, Map and Set, Uint8Array, RegExp and match results, with
// Node's line-breaking and array-grouping rules.
func Inspect(v any) string {
	ctx := &inspectContext{depth: 2}
	return ctx.format(v, 0, true)
}

type inspectContext struct {
	indentation  int
	currentDepth int
	depth        int
	// showHidden (util.format's %o) also shows the length of arrays.
	showHidden bool
}

const (
	breakLength  = 80
	compactMode  = 3
	minLineWidth = 16
)

func (c *inspectContext) format(v any, depth int, top bool) string {
	v = toJSValue(v)
	switch x := v.(type) {
	case nil:
		return "undefined"
	case NullType:
		return "null"
	case string:
		if top {
			return x
		}
		return c.formatString(x)
	case float64:
		if x == 0 && math.Signbit(x) {
			return "-0"
		}
		return NumberToString(x)
	case bool:
		return strconv.FormatBool(x)
	case []byte:
		items := make([]string, len(x))
		for i, b := range x {
			items[i] = strconv.Itoa(int(b))
		}
		return c.formatList(items, x, depth, "Uint8Array("+strconv.Itoa(len(x))+") [", "]", "[Uint8Array]", true)
	case *RegExp:
		return x.String()
	case *RegExpMatch:
		return c.formatMatch(x, depth)
	case arrayLike:
		items := x.elements()
		out := make([]string, 0, len(items))
		if depth > c.depth && len(items) > 0 {
			return "[Array]"
		}
		c.currentDepth = depth
		c.indentation += 2
		shown := min(len(items), 100)
		for _, item := range items[:shown] {
			out = append(out, c.format(item, depth+1, false))
		}
		c.indentation -= 2
		if len(items) > shown {
			more := len(items) - shown
			out = append(out, "... "+strconv.Itoa(more)+" more item"+plural(more))
		}
		if c.showHidden {
			out = append(out, "[length]: "+strconv.Itoa(len(items)))
			return c.reduceToSingleString(out, "", "[", "]", depth, true)
		}
		return c.reduceList(out, items, depth, "[", "]", len(items) > shown)
	case keyedLike:
		return c.formatKeyed(x, depth)
	}
	if reflect.ValueOf(v).Kind() == reflect.Func {
		return "[Function (anonymous)]"
	}
	fields, className, ok := ownProperties(v)
	if !ok {
		return ToString(v)
	}
	return c.formatObject(fields, className, depth)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// formatString quotes a string as util.inspect does; a long string with line breaks is
// printed as a concatenation of its lines.
func (c *inspectContext) formatString(s string) string {
	if Len(s) > minLineWidth && Len(s) > breakLength-c.indentation-4 && strings.Contains(s[:len(s)-1], "\n") {
		var lines []string
		for rest := s; rest != ""; {
			i := strings.IndexByte(rest, '\n')
			if i < 0 || i == len(rest)-1 {
				lines = append(lines, rest)
				break
			}
			lines = append(lines, rest[:i+1])
			rest = rest[i+1:]
		}
		quoted := make([]string, len(lines))
		for i, l := range lines {
			quoted[i] = quoteInspect(l)
		}
		return strings.Join(quoted, " +\n"+strings.Repeat(" ", c.indentation+2))
	}
	return quoteInspect(s)
}

// quoteInspect quotes a string as util.inspect does: single quotes unless the string
// holds one (then double quotes, then backticks), with control characters escaped.
func quoteInspect(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			quote = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	var b strings.Builder
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == quote:
			b.WriteByte('\\')
			b.WriteByte(ch)
		case ch == '\\':
			b.WriteString(`\\`)
		case ch == '\n':
			b.WriteString(`\n`)
		case ch == '\t':
			b.WriteString(`\t`)
		case ch == '\r':
			b.WriteString(`\r`)
		case ch == '\b':
			b.WriteString(`\b`)
		case ch == '\f':
			b.WriteString(`\f`)
		case ch == '\v':
			b.WriteString(`\v`)
		case ch < 0x20 || ch == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(strings.ToUpper(hexDigits[ch>>4 : ch>>4+1]))
			b.WriteString(strings.ToUpper(hexDigits[ch&0xF : ch&0xF+1]))
		case ch == 0xED && i+2 < len(s) && s[i+1] >= 0xA0:
			// A lone surrogate: Node prints it escaped.
			r, n := decodeUnit(s, i)
			b.WriteString(`\u` + strconv.FormatInt(int64(r), 16)) // Node writes these in lower case
			i += n - 1
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// identifierName: keys util.inspect prints without quotes.
var identifierName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z_0-9]*$`)

func (c *inspectContext) formatKey(key string) string {
	if identifierName.MatchString(key) {
		return key
	}
	return quoteInspect(key)
}

func (c *inspectContext) formatObject(fields []objectField, className string, depth int) string {
	open := "{"
	if className != "" {
		open = className + " {"
	}
	if len(fields) == 0 {
		return open + "}"
	}
	if depth > c.depth {
		if className != "" {
			return "[" + className + "]"
		}
		return "[Object]"
	}
	c.currentDepth = depth
	c.indentation += 2
	output := make([]string, 0, len(fields))
	for _, f := range fields {
		output = append(output, c.formatKey(f.name)+": "+c.format(f.value, depth+1, false))
	}
	c.indentation -= 2
	return c.reduceToSingleString(output, "", open, "}", depth, true)
}

// formatList formats the elements of an array-like whose items are already strings.
func (c *inspectContext) formatList(items []string, _ any, depth int, open, close, nested string, numbers bool) string {
	if len(items) == 0 {
		return open + close
	}
	if depth > c.depth {
		return nested
	}
	c.currentDepth = depth
	shown := min(len(items), 100)
	out := append([]string(nil), items[:shown]...)
	if len(items) > shown {
		more := len(items) - shown
		out = append(out, "... "+strconv.Itoa(more)+" more item"+plural(more))
	}
	values := make([]any, len(items))
	for i := range values {
		if numbers {
			values[i] = 0.0
		}
	}
	return c.reduceList(out, values, depth, open, close, len(items) > shown)
}

func (c *inspectContext) reduceList(output []string, items []any, depth int, open, close string, hasMore bool) string {
	if len(output) == 0 {
		return open + close
	}
	entries := len(output)
	if entries > 6 {
		output = c.groupArrayElements(output, items, hasMore)
	}
	return c.reduceToSingleString(output, "", open, close, depth, entries == len(output))
}

func (c *inspectContext) formatMatch(m *RegExpMatch, depth int) string {
	if depth > c.depth {
		return "[Array]"
	}
	c.currentDepth = depth
	c.indentation += 2
	var output []string
	for _, g := range m.groups {
		if g == nil {
			output = append(output, "undefined")
		} else {
			output = append(output, c.format(*g, depth+1, false))
		}
	}
	if m.Index >= 0 {
		output = append(output, "index: "+strconv.Itoa(m.Index), "input: "+c.format(m.Input, depth+1, false))
		if m.Groups == nil {
			output = append(output, "groups: undefined")
		} else {
			output = append(output, "groups: "+c.format(m.Groups, depth+1, false))
		}
	}
	c.indentation -= 2
	// Grouped into columns as an array is; the values are strings or undefined, never
	// numbers, so entries are padded at the end.
	return c.reduceList(output, make([]any, len(output)), depth, "[", "]", false)
}

func (c *inspectContext) formatKeyed(k keyedLike, depth int) string {
	keys, values := k.keyedEntries()
	open := k.kindName() + "(" + strconv.Itoa(len(keys)) + ") {"
	if len(keys) == 0 {
		return open + "}"
	}
	if depth > c.depth {
		return "[" + k.kindName() + "]"
	}
	c.currentDepth = depth
	c.indentation += 2
	output := make([]string, 0, len(keys))
	for i, key := range keys {
		entry := c.format(key, depth+1, false)
		if values != nil {
			entry += " => " + c.format(values[i], depth+1, false)
		}
		output = append(output, entry)
	}
	c.indentation -= 2
	return c.reduceToSingleString(output, "", open, "}", depth, true)
}

func (c *inspectContext) reduceToSingleString(output []string, base, open, close string, depth int, canCombine bool) string {
	if canCombine && c.currentDepth-depth < compactMode {
		start := len(output) + c.indentation + utf16Len(open) + utf16Len(base) + 10
		if c.isBelowBreakLength(output, start, base) {
			joined := strings.Join(output, ", ")
			if !strings.Contains(joined, "\n") {
				prefix := ""
				if base != "" {
					prefix = base + " "
				}
				return prefix + open + " " + joined + " " + close
			}
		}
	}
	indentation := "\n" + strings.Repeat(" ", c.indentation)
	prefix := ""
	if base != "" {
		prefix = base + " "
	}
	return prefix + open + indentation + "  " + strings.Join(output, ","+indentation+"  ") + indentation + close
}

func (c *inspectContext) isBelowBreakLength(output []string, start int, base string) bool {
	total := len(output) + start
	if total+len(output) > breakLength {
		return false
	}
	for _, o := range output {
		total += utf16Len(o)
		if total > breakLength {
			return false
		}
	}
	return base == "" || !strings.Contains(base, "\n")
}

func utf16Len(s string) int { return Len(s) }

// groupArrayElements arranges many short array entries in aligned columns, as Node does.
func (c *inspectContext) groupArrayElements(output []string, items []any, hasMore bool) []string {
	totalLength := 0
	maxLength := 0
	outputLength := len(output)
	if hasMore {
		outputLength--
	}
	const separatorSpace = 2
	dataLen := make([]int, outputLength)
	for i := 0; i < outputLength; i++ {
		l := stringWidth(output[i])
		dataLen[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if actualMax*3+c.indentation < breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		const approxCharHeights = 2.5
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := int(math.Min(
			math.Min(
				Round(math.Sqrt(approxCharHeights*biasedMax*float64(outputLength))/biasedMax),
				math.Floor(float64(breakLength-c.indentation)/float64(actualMax)),
			),
			math.Min(compactMode*4, 15),
		))
		if columns <= 1 {
			return output
		}
		var tmp []string
		maxLineLength := make([]int, 0, columns)
		for i := 0; i < columns; i++ {
			lineLength := 0
			for j := i; j < len(output); j += columns {
				if j < outputLength && dataLen[j] > lineLength {
					lineLength = dataLen[j]
				}
			}
			maxLineLength = append(maxLineLength, lineLength+separatorSpace)
		}
		padStart := true
		for _, item := range items {
			if _, isNumber := toJSValue(item).(float64); !isNumber {
				padStart = false
				break
			}
		}
		for i := 0; i < outputLength; i += columns {
			maxIdx := min(i+columns, outputLength)
			var line strings.Builder
			j := i
			for ; j < maxIdx-1; j++ {
				// Padding is counted in UTF-16 units, widened by what wide characters
				// take beyond one column each.
				padding := maxLineLength[j-i] + utf16Len(output[j]) - dataLen[j]
				cell := output[j] + ", "
				if padStart {
					line.WriteString(PadStart(cell, padding, " "))
				} else {
					line.WriteString(PadEnd(cell, padding, " "))
				}
			}
			if padStart {
				padding := maxLineLength[j-i] + utf16Len(output[j]) - dataLen[j] - separatorSpace
				line.WriteString(PadStart(output[j], padding, " "))
			} else {
				line.WriteString(output[j])
			}
			tmp = append(tmp, line.String())
		}
		if hasMore {
			tmp = append(tmp, output[outputLength])
		}
		return tmp
	}
	return output
}
