package js

import (
	"reflect"
	"regexp"
	"strings"
)

// Schema describes a TypeScript type for JSON validation: the Go form of the type
// descriptor the compiler writes to <plugin>.schema.json (see docs/architecture.md,
// "Config decoding"), and of the types JSON.parse results are declared with. Schemas
// built with the ...Of constructors also carry the Go type to decode into (needed where
// the target is a union, held in an `any`).
type Schema struct {
	Kind    string // string, number, boolean, null, literal, array, tuple, record, object, union, any
	Literal any    // literal: string, float64 or bool
	Element *Schema
	Name    string
	Fields  []Field
	Options []*Schema
	Type    reflect.Type
}

// Field is one property of an object schema.
type Field struct {
	Name     string
	Optional bool
	Type     *Schema
}

var (
	StringSchema  = &Schema{Kind: "string"}
	NumberSchema  = &Schema{Kind: "number"}
	BooleanSchema = &Schema{Kind: "boolean"}
	NullSchema    = &Schema{Kind: "null"}
	// AnySchema is unknown: any JSON value, as plain JavaScript values.
	AnySchema = &Schema{Kind: "any"}
)

// LiteralSchema is a literal type ("allow", 3, true).
func LiteralSchema(v any) *Schema { return &Schema{Kind: "literal", Literal: v} }

// ArraySchema is T[].
func ArraySchema(element *Schema) *Schema { return &Schema{Kind: "array", Element: element} }

// ArraySchemaOf is T[] decoded into the Go type A.
func ArraySchemaOf[A any](element *Schema) *Schema {
	return &Schema{Kind: "array", Element: element, Type: reflect.TypeFor[A]()}
}

// TupleSchemaOf is [A, B, ...] decoded into the Go array type T.
func TupleSchemaOf[T any](elements ...*Schema) *Schema {
	return &Schema{Kind: "tuple", Options: elements, Type: reflect.TypeFor[T]()}
}

// RecordSchema is Record<string, V>.
func RecordSchema(value *Schema) *Schema { return &Schema{Kind: "record", Element: value} }

// RecordSchemaOf is Record<string, V> decoded into the Go type R.
func RecordSchemaOf[R any](value *Schema) *Schema {
	return &Schema{Kind: "record", Element: value, Type: reflect.TypeFor[R]()}
}

// UnionSchema is A | B | ...
func UnionSchema(options ...*Schema) *Schema { return &Schema{Kind: "union", Options: options} }

// ObjectSchema is an interface or object type literal named name.
func ObjectSchema(name string, fields ...Field) *Schema {
	return &Schema{Kind: "object", Name: name, Fields: fields}
}

// ObjectSchemaOf is an object type decoded into the Go struct pointer type O.
func ObjectSchemaOf[O any](name string, fields ...Field) *Schema {
	return &Schema{Kind: "object", Name: name, Fields: fields, Type: reflect.TypeFor[O]()}
}

// Required is a required property.
func Required(name string, t *Schema) Field { return Field{Name: name, Type: t} }

// Optional is an optional property (name?: T).
func Optional(name string, t *Schema) Field { return Field{Name: name, Optional: true, Type: t} }

// DecodeError is a config or JSON.parse validation failure: "<path>: <problem>".
type DecodeError struct {
	Path    string
	Problem string
}

func (e *DecodeError) Error() string { return e.Path + ": " + e.Problem }

// decoder decodes a document; a config rejects members its type does not declare,
// JSON.parse keeps them (they show in JSON.stringify, Object.keys, console output).
type decoder struct {
	keepUnknown bool
}

// DecodeJSON parses data and converts it to T (a generated Go type) after validating it
// against schema. Errors are *DecodeError with the JSON path of the first problem.
func DecodeJSON[T any](data []byte, schema *Schema) (T, error) {
	var out T
	doc, err := parseJSON(string(data))
	if err != nil {
		return out, &DecodeError{Path: "$", Problem: "invalid JSON: " + err.Error()}
	}
	target := reflect.ValueOf(&out).Elem()
	if derr := (&decoder{}).value(doc, schema, target, "$"); derr != nil {
		return out, derr
	}
	return out, nil
}

// ParseJSON is JSON.parse(text) as T: invalid JSON throws a SyntaxError with V8's
// message; a document that does not match the declared type a TypeError naming the path
// (JavaScript would return a value whose type lies).
func ParseJSON[T any](text string, schema *Schema) T {
	doc, err := parseJSON(text)
	if err != nil {
		panic(NewSyntaxError(err.Error()))
	}
	var out T
	if derr := (&decoder{keepUnknown: true}).value(doc, schema, reflect.ValueOf(&out).Elem(), "$"); derr != nil {
		panic(NewTypeError("JSON.parse: the document does not match the declared type: " + derr.Error()))
	}
	return out
}

var identifierKey = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// memberPath appends a property to a JSON path: $.name, or $["odd key"].
func memberPath(path, key string) string {
	if identifierKey.MatchString(key) {
		return path + "." + key
	}
	return path + "[" + QuoteJSON(key) + "]"
}

func mismatch(path, expected string, got *jsonValue) *DecodeError {
	return &DecodeError{Path: path, Problem: "expected " + expected + ", got " + got.kind}
}

// describeOption is how a union option is named in "expected ..." messages.
func describeOption(s *Schema) string {
	switch s.Kind {
	case "literal":
		return literalJSON(s.Literal)
	case "record":
		return "object"
	case "tuple":
		return "array"
	}
	return s.Kind
}

func literalJSON(v any) string {
	switch x := v.(type) {
	case string:
		return QuoteJSON(x)
	case float64:
		return NumberToString(x)
	case bool:
		if x {
			return "true"
		}
		return "false"
	}
	return "null"
}

// scalarJSON is how a received value is named after "got" for literal mismatches: the
// JSON text of a scalar, the kind of an array or object.
func scalarJSON(v *jsonValue) string {
	switch v.kind {
	case "string":
		return QuoteJSON(v.str)
	case "number":
		return NumberToString(v.num)
	case "boolean":
		return literalJSON(v.b)
	case "null":
		return "null"
	}
	return v.kind
}

func literalMatches(s *Schema, v *jsonValue) bool {
	switch lit := s.Literal.(type) {
	case string:
		return v.kind == "string" && v.str == lit
	case float64:
		return v.kind == "number" && v.num == lit
	case bool:
		return v.kind == "boolean" && v.b == lit
	}
	return v.kind == "null"
}

// matchesKind reports whether v has the JSON type a schema expects.
func matchesKind(s *Schema, v *jsonValue) bool {
	switch s.Kind {
	case "literal":
		return literalMatches(s, v)
	case "record":
		return v.kind == "object"
	case "tuple":
		return v.kind == "array"
	case "any":
		return true
	case "union":
		for _, o := range s.Options {
			if matchesKind(o, v) {
				return true
			}
		}
		return false
	}
	return s.Kind == v.kind
}

// dynamic converts a document to plain JavaScript values (for unknown).
func dynamic(v *jsonValue) any {
	switch v.kind {
	case "string":
		return v.str
	case "number":
		return v.num
	case "boolean":
		return v.b
	case "null":
		return Null
	case "array":
		out := NewArray[any]()
		for _, item := range v.arr {
			out.items = append(out.items, dynamic(item))
		}
		return out
	}
	r := NewRecord[any]()
	for i, k := range v.keys {
		r.define(k, dynamic(v.vals[i])) // JSON.parse: "__proto__" is an own key
	}
	return r
}

// value validates v against s and stores it into target.
func (d *decoder) value(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	if s.Kind == "any" {
		x := dynamic(v)
		if target.Kind() == reflect.Interface {
			target.Set(reflect.ValueOf(&x).Elem())
		}
		return nil
	}
	if target.Kind() == reflect.Interface && s.Kind != "union" {
		return d.intoAny(v, s, target, path)
	}
	if target.Kind() == reflect.Pointer && target.Type().Elem().Kind() != reflect.Struct {
		// An optional or nullable primitive (*string): null stays nil where the schema allows it.
		if v.kind == "null" && matchesKind(s, v) {
			target.Set(reflect.Zero(target.Type()))
			return nil
		}
		inner := reflect.New(target.Type().Elem())
		if err := d.value(v, s, inner.Elem(), path); err != nil {
			return err
		}
		target.Set(inner)
		return nil
	}
	switch s.Kind {
	case "string", "number", "boolean":
		if v.kind != s.Kind {
			return mismatch(path, s.Kind, v)
		}
		setScalar(target, v)
	case "null":
		if v.kind != "null" {
			return mismatch(path, "null", v)
		}
		target.Set(reflect.Zero(target.Type()))
	case "literal":
		if !literalMatches(s, v) {
			return &DecodeError{Path: path, Problem: "expected " + literalJSON(s.Literal) + ", got " + scalarJSON(v)}
		}
		setScalar(target, v)
	case "union":
		return d.union(v, s, target, path)
	case "array", "tuple":
		if v.kind != "array" {
			return mismatch(path, "array", v)
		}
		if s.Kind == "tuple" && len(v.arr) != len(s.Options) {
			return &DecodeError{Path: path, Problem: "expected an array of " + IntToString(len(s.Options)) + " elements, got " + IntToString(len(v.arr))}
		}
		arr := reflect.New(target.Type().Elem())
		dec := arr.Interface().(decodableArray)
		dec.initEmpty()
		for i, item := range v.arr {
			elem := reflect.New(dec.elemType()).Elem()
			es := s.Element
			if s.Kind == "tuple" {
				es = s.Options[i]
			}
			if err := d.value(item, es, elem, path+"["+IntToString(i)+"]"); err != nil {
				return err
			}
			dec.appendValue(elem)
		}
		target.Set(arr)
	case "record":
		if v.kind != "object" {
			return mismatch(path, "object", v)
		}
		rec := reflect.New(target.Type().Elem())
		dec := rec.Interface().(decodableRecord)
		// In JavaScript's key order (the order Object.entries checks them in the TS host).
		for _, i := range lastOccurrences(v.keys) {
			key := v.keys[i]
			val := reflect.New(dec.valueType()).Elem()
			if err := d.value(v.vals[i], s.Element, val, memberPath(path, key)); err != nil {
				return err
			}
			dec.setValue(key, val)
		}
		target.Set(rec)
	case "object":
		return d.object(v, s, target, path)
	default:
		panic("js: unknown schema kind " + s.Kind)
	}
	return nil
}

// intoAny decodes into a union-typed (any) location: the Go type of the option.
func (d *decoder) intoAny(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	var x any
	switch s.Kind {
	case "string", "number", "boolean", "literal", "null":
		if !matchesKind(s, v) {
			if s.Kind == "literal" {
				return &DecodeError{Path: path, Problem: "expected " + literalJSON(s.Literal) + ", got " + scalarJSON(v)}
			}
			return mismatch(path, s.Kind, v)
		}
		x = dynamic(v)
	default:
		if s.Type == nil && s.Kind == "object" && len(s.Fields) == 0 {
			// `{}`: a type without members is held in an `any`, as the plain object.
			if err := d.memberless(v, path); err != nil {
				return err
			}
			x = dynamic(v)
			break
		}
		if s.Type == nil {
			panic("js: schema without a Go type in a union")
		}
		p := reflect.New(s.Type).Elem()
		if err := d.value(v, s, p, path); err != nil {
			return err
		}
		x = p.Interface()
	}
	target.Set(reflect.ValueOf(&x).Elem())
	return nil
}

// memberless checks v against an object type without members: any object for JSON.parse,
// only an empty one for a config.
func (d *decoder) memberless(v *jsonValue, path string) *DecodeError {
	if v.kind != "object" {
		return mismatch(path, "object", v)
	}
	if order := lastOccurrences(v.keys); !d.keepUnknown && len(order) > 0 {
		return &DecodeError{Path: memberPath(path, v.keys[order[0]]), Problem: "unknown field"}
	}
	return nil
}

func setScalar(target reflect.Value, v *jsonValue) {
	if target.Kind() == reflect.Interface {
		x := dynamic(v)
		target.Set(reflect.ValueOf(&x).Elem())
		return
	}
	switch v.kind {
	case "string":
		target.SetString(v.str)
	case "number":
		target.SetFloat(v.num)
	case "boolean":
		target.SetBool(v.b)
	}
}

func (d *decoder) union(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	var first *DecodeError
	for _, o := range s.Options {
		if !matchesKind(o, v) {
			continue
		}
		trial := reflect.New(target.Type()).Elem()
		err := d.value(v, o, trial, path)
		if err == nil {
			target.Set(trial)
			return nil
		}
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return first
	}
	names := make([]string, len(s.Options))
	allLiterals := true
	for i, o := range s.Options {
		names[i] = describeOption(o)
		allLiterals = allLiterals && o.Kind == "literal"
	}
	got := v.kind
	if allLiterals {
		got = scalarJSON(v)
	}
	return &DecodeError{Path: path, Problem: "expected " + strings.Join(names, " | ") + ", got " + got}
}

// object checks the declared fields in declaration order (missing or invalid), then the
// members the type does not declare, in JavaScript's key order (array indices first, as
// Object.keys lists a parsed object's members): an error for a config, kept for JSON.parse.
// The object records that key order.
func (d *decoder) object(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	if v.kind != "object" {
		return mismatch(path, "object", v)
	}
	obj := reflect.New(target.Type().Elem())
	info := infoOf(obj.Elem().Type())
	for _, f := range s.Fields {
		member, ok := v.lookup(f.Name)
		fieldPath := memberPath(path, f.Name)
		if !ok {
			if f.Optional {
				continue
			}
			return &DecodeError{Path: fieldPath, Problem: "missing required field"}
		}
		idx, ok := info.byName[f.Name]
		if !ok {
			panic("js: generated struct " + obj.Elem().Type().String() + " has no field " + f.Name)
		}
		field := fieldByIndex(obj.Elem(), info.fields[idx].index)
		if err := d.value(member, f.Type, field, fieldPath); err != nil {
			return err
		}
	}
	keys := keysOf(obj.Elem(), info)
	if keys != nil {
		*keys = KeysOf()
	}
	for _, i := range lastOccurrences(v.keys) {
		key := v.keys[i]
		known := false
		for _, f := range s.Fields {
			known = known || f.Name == key
		}
		if !known {
			if !d.keepUnknown {
				return &DecodeError{Path: memberPath(path, key), Problem: "unknown field"}
			}
			if keys != nil {
				if keys.extra == nil {
					keys.extra = map[string]any{}
				}
				keys.extra[key] = dynamic(v.vals[i])
			}
		}
		if keys != nil {
			keys.Add(key)
		}
	}
	target.Set(obj)
	return nil
}

type decodableArray interface {
	initEmpty()
	elemType() reflect.Type
	appendValue(v reflect.Value)
}

func (a *Array[T]) initEmpty()                  { a.items = []T{} }
func (a *Array[T]) elemType() reflect.Type      { return reflect.TypeFor[T]() }
func (a *Array[T]) appendValue(v reflect.Value) { a.items = append(a.items, v.Interface().(T)) }

type decodableRecord interface {
	valueType() reflect.Type
	setValue(key string, v reflect.Value)
}

func (r *Record[V]) valueType() reflect.Type { return reflect.TypeFor[V]() }
func (r *Record[V]) setValue(key string, v reflect.Value) {
	r.define(key, v.Interface().(V))
}

// lastOccurrences lists, for the keys of a parsed JSON object, the index of each key's last
// occurrence (a repeated key keeps its last value), in the order JavaScript enumerates the
// resulting object (jsKeyOrder of the distinct keys by first occurrence).
func lastOccurrences(keys []string) []int {
	last := make(map[string]int, len(keys))
	var distinct []string
	for i, k := range keys {
		if _, seen := last[k]; !seen {
			distinct = append(distinct, k)
		}
		last[k] = i
	}
	out := make([]int, 0, len(distinct))
	for _, k := range jsKeyOrder(distinct) {
		out = append(out, last[k])
	}
	return out
}
