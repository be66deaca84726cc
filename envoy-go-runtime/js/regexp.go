package js

import (
	"iter"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RegexpOption describes what the compiler found in a pattern (see MustCompile).
type RegexpOption int

const (
	// UnitSensitive: without the u flag the pattern could match half of a surrogate pair
	// (., a negated class), which a code-point engine cannot do: strings holding
	// characters outside the BMP are refused.
	UnitSensitive RegexpOption = 1 << iota
	// Multiline: ^ and $ with the m flag; Go knows only \n as a line terminator, so
	// strings holding \r, U+2028 or U+2029 are refused.
	Multiline
)

// RegExpProgram is a regular expression literal compiled once (the compiler translated
// the JavaScript syntax to RE2 and rejected what RE2 cannot run exactly).
type RegExpProgram struct {
	source, flags             string
	re, search, sticky, ctxSt *regexp.Regexp
	names                     []string
	global, isSticky, unicode bool
	opts                      RegexpOption
}

// MustCompile compiles a translated pattern; names are the capture group names ("" for
// unnamed groups).
func MustCompile(pattern, source, flags string, opts RegexpOption, names ...string) *RegExpProgram {
	p := &RegExpProgram{
		source:   source,
		flags:    canonicalFlags(flags),
		re:       regexp.MustCompile(pattern),
		search:   regexp.MustCompile(`\A(?s:.)(?s:.*?)(` + pattern + `)`),
		sticky:   regexp.MustCompile(`\A(?:` + pattern + `)`),
		ctxSt:    regexp.MustCompile(`\A(?s:.)(` + pattern + `)`),
		names:    names,
		global:   strings.Contains(flags, "g"),
		isSticky: strings.Contains(flags, "y"),
		unicode:  strings.Contains(flags, "u"),
		opts:     opts,
	}
	return p
}

func canonicalFlags(flags string) string {
	var b strings.Builder
	for _, f := range "dgimsuvy" {
		if strings.ContainsRune(flags, f) {
			b.WriteRune(f)
		}
	}
	return b.String()
}

// New is the value of the literal: a new RegExp object (lastIndex 0) over the program.
func (p *RegExpProgram) New() *RegExp {
	return &RegExp{prog: p, Source: p.source, Flags: p.flags}
}

// RegExp is a JavaScript RegExp object.
type RegExp struct {
	prog      *RegExpProgram
	Source    string
	Flags     string
	LastIndex float64
}

// String is re.toString(): /source/flags.
func (r *RegExp) String() string { return "/" + r.Source + "/" + r.Flags }

// check refuses strings on which the Go engine would not match as JavaScript does.
func (p *RegExpProgram) check(s string) {
	if p.opts&Multiline != 0 && (strings.ContainsRune(s, '\r') || strings.ContainsRune(s, 0x2028) || strings.ContainsRune(s, 0x2029)) {
		panic(NewTypeError("mosn-ts: ^ and $ with the m flag recognize only \\n as a line end; this string holds \\r, U+2028 or U+2029"))
	}
	if isASCII(s) {
		return
	}
	if !utf8.ValidString(s) {
		panic(NewTypeError("mosn-ts: regular expressions cannot run on strings holding lone surrogates"))
	}
	if p.opts&UnitSensitive != 0 && !p.unicode {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0xF0 {
				panic(NewTypeError("mosn-ts: /" + p.source + "/" + p.flags + " (without the u flag) cannot run on a string holding characters outside the BMP; add the u flag"))
			}
		}
	}
}

// matchAt finds a match at or after the UTF-16 position pos (at exactly pos when sticky):
// byte offsets of the match and its groups, or nil.
func (p *RegExpProgram) matchAt(s string, pos int, sticky bool) []int {
	start := byteOffset(s, pos)
	if start == 0 {
		if sticky {
			return p.sticky.FindStringSubmatchIndex(s)
		}
		return p.re.FindStringSubmatchIndex(s)
	}
	if start > len(s) {
		return nil
	}
	// One rune of context before the position, so ^ and \b see what precedes it.
	_, w := utf8.DecodeLastRuneInString(s[:start])
	ctx := start - w
	var loc []int
	if sticky {
		loc = p.ctxSt.FindStringSubmatchIndex(s[ctx:])
	} else {
		loc = p.search.FindStringSubmatchIndex(s[ctx:])
	}
	if loc == nil {
		return nil
	}
	out := loc[2:]
	for i := range out {
		if out[i] >= 0 {
			out[i] += ctx
		}
	}
	return out
}

// RegExpMatch is an exec() result (RegExpExecArray): the match and its groups (nil for a
// group that did not take part), index, input and the named groups.
type RegExpMatch struct {
	groups []*string
	// Index is the UTF-16 position of the match (-1 for the plain array of a global match()).
	Index  int
	Input  string
	Groups *Record[*string]
}

func (p *RegExpProgram) newMatch(s string, loc []int) *RegExpMatch {
	m := &RegExpMatch{Index: unitOffset(s, loc[0]), Input: s}
	for i := 0; i+1 < len(loc); i += 2 {
		if loc[i] < 0 {
			m.groups = append(m.groups, nil)
			continue
		}
		g := s[loc[i]:loc[i+1]]
		m.groups = append(m.groups, &g)
	}
	for _, n := range p.names {
		if n != "" {
			m.Groups = NewRecord[*string]()
			m.Groups.nullProto = true
			break
		}
	}
	if m.Groups != nil {
		for i, n := range p.names {
			if n != "" {
				m.Groups.Set(n, m.groups[i+1])
			}
		}
	}
	return m
}

// Match is the matched text (m[0]).
func (m *RegExpMatch) Match() string { return *m.groups[0] }

// Group is m[i]: nil for a group that did not take part, or an index out of range.
func (m *RegExpMatch) Group(i int) *string {
	if i < 0 || i >= len(m.groups) {
		return nil
	}
	return m.groups[i]
}

// At is m.at(i).
func (m *RegExpMatch) At(i int) *string {
	if i < 0 {
		i += len(m.groups)
	}
	return m.Group(i)
}

// Len is m.length.
func (m *RegExpMatch) Len() int { return len(m.groups) }

// Values iterates the match and groups (for...of).
func (m *RegExpMatch) Values() iter.Seq[*string] {
	return func(yield func(*string) bool) {
		for _, g := range m.groups {
			if !yield(g) {
				return
			}
		}
	}
}

// Join is m.join(sep): groups that did not take part are empty.
func (m *RegExpMatch) Join(sep string) string {
	parts := make([]string, len(m.groups))
	for i, g := range m.groups {
		if g != nil {
			parts[i] = *g
		}
	}
	return strings.Join(parts, sep)
}

// Strings is the match as an array of strings; a group that did not take part cannot be
// a string: a TypeError.
func (m *RegExpMatch) Strings() *Array[string] { return m.strings(0, len(m.groups)) }

// Slice is m.slice(start, end): a string array, so only a group that did not take part
// and lies inside the slice is refused (a TypeError); the others are not read.
func (m *RegExpMatch) Slice(start, end int) *Array[string] {
	n := len(m.groups)
	from, to := relativeIndex(start, n), relativeIndex(end, n)
	if from >= to {
		return NewArray[string]()
	}
	return m.strings(from, to)
}

func (m *RegExpMatch) strings(from, to int) *Array[string] {
	out := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		g := m.groups[i]
		if g == nil {
			panic(NewTypeError("match group " + strconv.Itoa(i) + " is undefined where a string array is used"))
		}
		out = append(out, *g)
	}
	return ArrayOf(out)
}

// Includes is m.includes(s): a group that did not take part (undefined) is never a string.
func (m *RegExpMatch) Includes(s string) bool {
	for _, g := range m.groups {
		if g != nil && *g == s {
			return true
		}
	}
	return false
}

// Items is the match as a new array of optional strings (nil for a group that did not
// take part): what map, filter, forEach and the other array methods run on.
func (m *RegExpMatch) Items() *Array[*string] {
	return ArrayOf(append([]*string(nil), m.groups...))
}

func toLength(f float64) int {
	if f != f || f <= 0 {
		return 0
	}
	if f > math.MaxInt32 {
		return math.MaxInt32
	}
	return int(f)
}

// Exec is re.exec(s).
func (r *RegExp) Exec(s string) *RegExpMatch {
	p := r.prog
	p.check(s)
	useLast := p.global || p.isSticky
	last := 0
	if useLast {
		last = toLength(r.LastIndex)
	}
	if last > Len(s) {
		if useLast {
			r.LastIndex = 0
		}
		return nil
	}
	loc := p.matchAt(s, last, p.isSticky)
	if loc == nil {
		if useLast {
			r.LastIndex = 0
		}
		return nil
	}
	if useLast {
		r.LastIndex = float64(unitOffset(s, loc[1]))
	}
	return p.newMatch(s, loc)
}

// Test is re.test(s).
func (r *RegExp) Test(s string) bool { return r.Exec(s) != nil }

// advance is AdvanceStringIndex: past one code unit, or one code point with the u flag.
func advance(s string, index int, unicode bool) int {
	if !unicode || isASCII(s) {
		return index + 1
	}
	units := toUnits(s)
	if index+1 < len(units) && units[index] >= 0xD800 && units[index] <= 0xDBFF && units[index+1] >= 0xDC00 && units[index+1] <= 0xDFFF {
		return index + 2
	}
	return index + 1
}

// allMatches runs a global regular expression over s from the start, as match() and
// replace() do (an empty match moves on by one character).
func (r *RegExp) allMatches(s string) []*RegExpMatch {
	r.LastIndex = 0
	var out []*RegExpMatch
	for {
		m := r.Exec(s)
		if m == nil {
			return out
		}
		out = append(out, m)
		if *m.groups[0] == "" {
			r.LastIndex = float64(advance(s, toLength(r.LastIndex), r.prog.unicode))
		}
	}
}

// Match is s.match(re): exec for a non-global re; for a global one every matched text
// (null when there is none).
func Match(s string, r *RegExp) *RegExpMatch {
	if !r.prog.global {
		return r.Exec(s)
	}
	ms := r.allMatches(s)
	if len(ms) == 0 {
		return nil
	}
	out := &RegExpMatch{Index: -1}
	for _, m := range ms {
		out.groups = append(out.groups, m.groups[0])
	}
	return out
}

// MatchAll is s.matchAll(re): every exec result (re must be global).
func MatchAll(s string, r *RegExp) *Array[*RegExpMatch] {
	if !r.prog.global {
		panic(NewTypeError("String.prototype.matchAll called with a non-global RegExp argument"))
	}
	clone := &RegExp{prog: r.prog, Source: r.Source, Flags: r.Flags, LastIndex: r.LastIndex}
	out := NewArray[*RegExpMatch]()
	for {
		m := clone.Exec(s)
		if m == nil {
			return out
		}
		out.Push(m)
		if *m.groups[0] == "" {
			clone.LastIndex = float64(advance(s, toLength(clone.LastIndex), r.prog.unicode))
		}
	}
}

// Search is s.search(re).
func Search(s string, r *RegExp) int {
	previous := r.LastIndex
	r.LastIndex = 0
	m := r.Exec(s)
	r.LastIndex = previous
	if m == nil {
		return -1
	}
	return m.Index
}

// substitution expands a replacement template ($$, $&, $`, $', $n, $nn, $<name>).
func substitution(replacement string, m *RegExpMatch, named bool) string {
	if !strings.Contains(replacement, "$") {
		return replacement
	}
	s := m.Input
	matched := *m.groups[0]
	start := byteOffset(s, m.Index)
	end := start + len(matched)
	groupCount := len(m.groups) - 1
	var b strings.Builder
	for i := 0; i < len(replacement); i++ {
		c := replacement[i]
		if c != '$' || i+1 >= len(replacement) {
			b.WriteByte(c)
			continue
		}
		next := replacement[i+1]
		switch {
		case next == '$':
			b.WriteByte('$')
			i++
		case next == '&':
			b.WriteString(matched)
			i++
		case next == '`':
			b.WriteString(s[:start])
			i++
		case next == '\'':
			b.WriteString(s[end:])
			i++
		case next >= '0' && next <= '9':
			n := int(next - '0')
			width := 1
			if i+2 < len(replacement) && replacement[i+2] >= '0' && replacement[i+2] <= '9' {
				if two := n*10 + int(replacement[i+2]-'0'); two >= 1 && two <= groupCount {
					n, width = two, 2
				}
			}
			if n < 1 || n > groupCount {
				b.WriteByte('$')
				continue
			}
			if g := m.groups[n]; g != nil {
				b.WriteString(*g)
			}
			i += width
		case next == '<' && named:
			close := strings.IndexByte(replacement[i+2:], '>')
			if close < 0 {
				b.WriteByte('$')
				continue
			}
			name := replacement[i+2 : i+2+close]
			if g, ok := m.Groups.Get(name); ok && g != nil {
				b.WriteString(*g)
			}
			i += 2 + close
		default:
			b.WriteByte('$')
		}
	}
	return b.String()
}

func replaceMatches(s string, matches []*RegExpMatch, fn func(*RegExpMatch) string) string {
	var b strings.Builder
	next := 0
	for _, m := range matches {
		start := byteOffset(s, m.Index)
		if start < next {
			continue
		}
		b.WriteString(s[next:start])
		b.WriteString(fn(m))
		next = start + len(*m.groups[0])
	}
	b.WriteString(s[next:])
	return b.String()
}

func (r *RegExp) replaceTargets(s string) []*RegExpMatch {
	if r.prog.global {
		return r.allMatches(s)
	}
	if m := r.Exec(s); m != nil {
		return []*RegExpMatch{m}
	}
	return nil
}

// ReplaceRegExp is s.replace(re, replacement).
func ReplaceRegExp(s string, r *RegExp, replacement string) string {
	return ReplaceRegExpFunc(s, r, func(m *RegExpMatch) string { return substitution(replacement, m, m.Groups != nil) })
}

// ReplaceRegExpFunc is s.replace(re, fn).
func ReplaceRegExpFunc(s string, r *RegExp, fn func(*RegExpMatch) string) string {
	return replaceMatches(s, r.replaceTargets(s), fn)
}

// ReplaceAllRegExp is s.replaceAll(re, replacement) (re must be global).
func ReplaceAllRegExp(s string, r *RegExp, replacement string) string {
	requireGlobal(r, "replaceAll")
	return ReplaceRegExp(s, r, replacement)
}

// ReplaceAllRegExpFunc is s.replaceAll(re, fn).
func ReplaceAllRegExpFunc(s string, r *RegExp, fn func(*RegExpMatch) string) string {
	requireGlobal(r, "replaceAll")
	return ReplaceRegExpFunc(s, r, fn)
}

func requireGlobal(r *RegExp, method string) {
	if !r.prog.global {
		panic(NewTypeError(method + " must be called with a global RegExp"))
	}
}

// stringMatch is a match of a string pattern, for replacement functions.
func stringMatch(s string, at int, pattern string) *RegExpMatch {
	g := pattern
	return &RegExpMatch{groups: []*string{&g}, Index: unitOffset(s, at), Input: s}
}

// ReplaceFunc is s.replace(pattern, fn) with a string pattern.
func ReplaceFunc(s, pattern string, fn func(*RegExpMatch) string) string {
	i := strings.Index(s, pattern)
	if i < 0 {
		return s
	}
	return s[:i] + fn(stringMatch(s, i, pattern)) + s[i+len(pattern):]
}

// ReplaceAllFunc is s.replaceAll(pattern, fn) with a string pattern.
func ReplaceAllFunc(s, pattern string, fn func(*RegExpMatch) string) string {
	return replaceEach(s, pattern, func(at int) string { return fn(stringMatch(s, at, pattern)) })
}

// SplitRegExp is s.split(re, limit) (limit already ToUint32): the pieces between matches,
// with the captured groups in between, as RegExp.prototype[@@split] does.
func SplitRegExp(s string, r *RegExp, limit uint32) *Array[string] {
	p := r.prog
	p.check(s)
	out := NewArray[string]()
	if limit == 0 {
		return out
	}
	size := Len(s)
	if size == 0 {
		if p.matchAt(s, 0, true) != nil {
			return out
		}
		out.Push(s)
		return out
	}
	splitEnd := 0 // p in the spec: the end of the last split
	q := splitEnd
	for q < size {
		loc := p.matchAt(s, q, true)
		if loc == nil {
			q = advance(s, q, p.unicode)
			continue
		}
		e := min(unitOffset(s, loc[1]), size)
		if e == splitEnd {
			q = advance(s, q, p.unicode)
			continue
		}
		out.Push(substr(s, splitEnd, q))
		if uint32(out.Len()) == limit {
			return out
		}
		splitEnd = e
		for i := 2; i+1 < len(loc); i += 2 {
			if loc[i] < 0 {
				panic(NewTypeError("split() with a capture group that did not take part would give undefined in a string array"))
			}
			out.Push(s[loc[i]:loc[i+1]])
			if uint32(out.Len()) == limit {
				return out
			}
		}
		q = splitEnd
	}
	out.Push(substr(s, splitEnd, size))
	return out
}

// IsRegExp is `v instanceof RegExp`.
func IsRegExp(v any) bool {
	r, ok := v.(*RegExp)
	return ok && r != nil
}

// MatchIndex is m.index where TypeScript allows undefined (a match() result).
func MatchIndex(m *RegExpMatch) *float64 {
	if m.Index < 0 {
		return nil
	}
	f := float64(m.Index)
	return &f
}
