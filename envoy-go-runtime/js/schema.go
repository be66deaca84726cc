package js

import (
	"reflect"
	"regexp"
	"strings"
)

// Schema describes a TypeScript type for JSON validation: the Go form of the type
// descriptor the compiler writes to <plugin>.schema.json (see docs/architecture.md,
// "Config decoding"). The TypeScript host applies the same rules with the same messages.
type Schema struct {
	Kind    string // string, number, boolean, null, literal, array, record, object, union
	Literal any    // literal: string, float64 or bool
	Element *Schema
	Name    string
	Fields  []Field
	Options []*Schema
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
)

// LiteralSchema is a literal type ("allow", 3, true).
func LiteralSchema(v any) *Schema { return &Schema{Kind: "literal", Literal: v} }

// ArraySchema is T[].
func ArraySchema(element *Schema) *Schema { return &Schema{Kind: "array", Element: element} }

// RecordSchema is Record<string, V>.
func RecordSchema(value *Schema) *Schema { return &Schema{Kind: "record", Element: value} }

// UnionSchema is A | B | ...
func UnionSchema(options ...*Schema) *Schema { return &Schema{Kind: "union", Options: options} }

// ObjectSchema is an interface or object type literal named name.
func ObjectSchema(name string, fields ...Field) *Schema {
	return &Schema{Kind: "object", Name: name, Fields: fields}
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

// DecodeJSON parses data and converts it to T (a generated Go type) after validating it
// against schema. Errors are *DecodeError with the JSON path of the first problem.
func DecodeJSON[T any](data []byte, schema *Schema) (T, error) {
	var out T
	doc, err := parseJSON(string(data))
	if err != nil {
		return out, &DecodeError{Path: "$", Problem: "invalid JSON: " + err.Error()}
	}
	target := reflect.ValueOf(&out).Elem()
	if derr := decodeValue(doc, schema, target, "$"); derr != nil {
		return out, derr
	}
	return out, nil
}

// ParseJSON is JSON.parse(text) as T: invalid JSON throws a SyntaxError, a document
// that does not match the declared type a TypeError naming the path.
func ParseJSON[T any](text string, schema *Schema) T {
	doc, err := parseJSON(text)
	if err != nil {
		panic(NewSyntaxError(err.Error()))
	}
	var out T
	if derr := decodeValue(doc, schema, reflect.ValueOf(&out).Elem(), "$"); derr != nil {
		panic(NewTypeError("JSON.parse: " + derr.Error()))
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

// matchesKind reports whether v has the JSON type a non-literal schema expects.
func matchesKind(s *Schema, v *jsonValue) bool {
	switch s.Kind {
	case "literal":
		return literalMatches(s, v)
	case "record":
		return v.kind == "object"
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

// decodeValue validates v against s and stores it into target.
func decodeValue(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	if target.Kind() == reflect.Pointer && s.Kind != "array" && s.Kind != "record" && s.Kind != "object" {
		// An optional primitive (*string): null stays nil where the schema allows null.
		if v.kind == "null" && matchesKind(s, v) {
			return nil
		}
		inner := reflect.New(target.Type().Elem())
		if err := decodeValue(v, s, inner.Elem(), path); err != nil {
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
	case "literal":
		if !literalMatches(s, v) {
			return &DecodeError{Path: path, Problem: "expected " + literalJSON(s.Literal) + ", got " + scalarJSON(v)}
		}
		setScalar(target, v)
	case "union":
		return decodeUnion(v, s, target, path)
	case "array":
		if v.kind != "array" {
			return mismatch(path, "array", v)
		}
		arr := reflect.New(target.Type().Elem())
		dec := arr.Interface().(decodableArray)
		dec.initEmpty()
		for i, item := range v.arr {
			elem := reflect.New(dec.elemType()).Elem()
			if err := decodeValue(item, s.Element, elem, path+"["+IntToString(i)+"]"); err != nil {
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
		dec.initEmpty()
		for i, key := range v.keys {
			val := reflect.New(dec.valueType()).Elem()
			if err := decodeValue(v.vals[i], s.Element, val, memberPath(path, key)); err != nil {
				return err
			}
			dec.setValue(key, val)
		}
		target.Set(rec)
	case "object":
		return decodeObject(v, s, target, path)
	default:
		panic("js: unknown schema kind " + s.Kind)
	}
	return nil
}

func setScalar(target reflect.Value, v *jsonValue) {
	switch v.kind {
	case "string":
		target.SetString(v.str)
	case "number":
		target.SetFloat(v.num)
	case "boolean":
		target.SetBool(v.b)
	}
}

func decodeUnion(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	for _, o := range s.Options {
		if o.Kind == "literal" && literalMatches(o, v) {
			setScalar(target, v)
			return nil
		}
	}
	for _, o := range s.Options {
		if o.Kind != "literal" && matchesKind(o, v) {
			return decodeValue(v, o, target, path)
		}
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

// decodeObject checks the declared fields in declaration order (missing or invalid), then
// rejects members the type does not declare, in document order.
func decodeObject(v *jsonValue, s *Schema, target reflect.Value, path string) *DecodeError {
	if v.kind != "object" {
		return mismatch(path, "object", v)
	}
	obj := reflect.New(target.Type().Elem())
	fieldIndex := jsonFieldIndex(obj.Elem().Type())
	for _, f := range s.Fields {
		member, ok := v.lookup(f.Name)
		fieldPath := memberPath(path, f.Name)
		if !ok {
			if f.Optional {
				continue
			}
			return &DecodeError{Path: fieldPath, Problem: "missing required field"}
		}
		idx, ok := fieldIndex[f.Name]
		if !ok {
			panic("js: generated struct " + obj.Elem().Type().String() + " has no field " + f.Name)
		}
		field := obj.Elem().Field(idx)
		if !field.CanSet() {
			field = reflect.NewAt(field.Type(), field.Addr().UnsafePointer()).Elem()
		}
		if err := decodeValue(member, f.Type, field, fieldPath); err != nil {
			return err
		}
	}
	for _, key := range v.keys {
		known := false
		for _, f := range s.Fields {
			known = known || f.Name == key
		}
		if !known {
			return &DecodeError{Path: memberPath(path, key), Problem: "unknown field"}
		}
	}
	target.Set(obj)
	return nil
}

func jsonFieldIndex(t reflect.Type) map[string]int {
	idx := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		if tag, ok := t.Field(i).Tag.Lookup("js"); ok {
			name, _, _ := strings.Cut(tag, ",")
			idx[name] = i
		}
	}
	return idx
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
	initEmpty()
	valueType() reflect.Type
	setValue(key string, v reflect.Value)
}

func (m *Map[K, V]) initEmpty()              { m.index = map[K]int{} }
func (m *Map[K, V]) valueType() reflect.Type { return reflect.TypeFor[V]() }
func (m *Map[K, V]) setValue(key string, v reflect.Value) {
	m.Set(any(key).(K), v.Interface().(V))
}
