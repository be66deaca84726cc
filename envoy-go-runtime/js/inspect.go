package js

import (
	"math"
	"reflect"
	"strconv"
	"strings"
)

// Inspect formats v as Node's util.inspect (what console.log prints for a non-string
// argument) for the values the compiler represents: primitives, arrays, plain objects,
// Map and Set, with Node's line-breaking and array-grouping rules.
func Inspect(v any) string {
	ctx := &inspectContext{}
	return ctx.format(v, 0, true)
}

type inspectContext struct {
	indentation  int
	currentDepth int
}

const (
	breakLength = 80
	maxDepth    = 2
	compactMode = 3
)

func (c *inspectContext) format(v any, depth int, top bool) string {
	switch x := v.(type) {
	case nil:
		return "undefined"
	case string:
		if top {
			return x
		}
		return quoteInspect(x)
	case float64:
		if x == 0 && math.Signbit(x) {
			return "-0"
		}
		return NumberToString(x)
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case *Error:
		if x == nil {
			return "undefined"
		}
		return x.String()
	case arrayLike:
		if isNilPointer(v) {
			return "undefined"
		}
		return c.formatArray(x.elements(), depth)
	case keyedLike:
		if isNilPointer(v) {
			return "undefined"
		}
		return c.formatKeyed(x, depth)
	}
	r := reflect.ValueOf(v)
	if r.Kind() == reflect.Func {
		return "[Function (anonymous)]"
	}
	if r.Kind() == reflect.Pointer {
		if r.IsNil() {
			return "undefined"
		}
		if r.Elem().Kind() != reflect.Struct {
			return c.format(r.Elem().Interface(), depth, top)
		}
		fields, _ := structFields(r)
		return c.formatObject(fields, depth)
	}
	return ToString(v)
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
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

var identifierName = identifierKey

func (c *inspectContext) formatArray(items []any, depth int) string {
	if len(items) == 0 {
		return "[]"
	}
	if depth > maxDepth {
		return "[Array]"
	}
	c.currentDepth = depth
	c.indentation += 2
	output := make([]string, 0, len(items))
	shown := min(len(items), 100)
	for _, item := range items[:shown] {
		output = append(output, c.format(item, depth+1, false))
	}
	if len(items) > shown {
		more := len(items) - shown
		s := "s"
		if more == 1 {
			s = ""
		}
		output = append(output, "... "+strconv.Itoa(more)+" more item"+s)
	}
	c.indentation -= 2
	entries := len(output)
	if entries > 6 {
		output = c.groupArrayElements(output, items, len(items) > shown)
	}
	return c.reduceToSingleString(output, "", "[", "]", depth, entries == len(output))
}

func (c *inspectContext) formatObject(fields []objectField, depth int) string {
	if len(fields) == 0 {
		return "{}"
	}
	if depth > maxDepth {
		return "[Object]"
	}
	c.currentDepth = depth
	c.indentation += 2
	output := make([]string, 0, len(fields))
	for _, f := range fields {
		key := f.name
		if !identifierName.MatchString(key) {
			key = quoteInspect(key)
		}
		output = append(output, key+": "+c.format(fieldValue(f.value), depth+1, false))
	}
	c.indentation -= 2
	return c.reduceToSingleString(output, "", "{", "}", depth, true)
}

func (c *inspectContext) formatKeyed(k keyedLike, depth int) string {
	keys, values := k.keyedEntries()
	prefix := k.kindName() + "(" + strconv.Itoa(len(keys)) + ")"
	if len(keys) == 0 {
		return prefix + " {}"
	}
	if depth > maxDepth {
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
	return c.reduceToSingleString(output, prefix, "{", "}", depth, true)
}

func (c *inspectContext) reduceToSingleString(output []string, base, open, close string, depth int, canCombine bool) string {
	if canCombine && c.currentDepth-depth < compactMode {
		start := len(output) + c.indentation + len(open) + utf16Len(base) + 10
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
		l := utf16Len(output[i])
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
			if _, isNumber := item.(float64); !isNumber {
				padStart = false
				break
			}
		}
		for i := 0; i < outputLength; i += columns {
			maxIdx := min(i+columns, outputLength)
			var line strings.Builder
			j := i
			for ; j < maxIdx-1; j++ {
				cell := output[j] + ", "
				if padStart {
					line.WriteString(PadStart(cell, maxLineLength[j-i], " "))
				} else {
					line.WriteString(PadEnd(cell, maxLineLength[j-i], " "))
				}
			}
			if padStart {
				line.WriteString(PadStart(output[j], maxLineLength[j-i]-separatorSpace, " "))
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
