// Package anyjson turns the serialized google.protobuf.Any that Envoy hands a golang
// filter as plugin_config into the JSON text a plugin's config decoder reads.
//
// Accepted payloads, by the last path segment of the Any's type URL:
//
//   - xds.type.v3.TypedStruct, udpa.type.v1.TypedStruct: the inner google.protobuf.Struct
//     becomes a JSON object (TypedStruct's own type_url is ignored);
//   - google.protobuf.Struct: the same, without the wrapper;
//   - google.protobuf.StringValue: the string is returned verbatim (the decoder reports
//     invalid JSON itself);
//   - an empty Any (no plugin_config in Envoy's config): "{}".
//
// Object keys keep the order in which the Struct's map entries were serialized; a key
// that repeats keeps its first position and takes its last value, as protobuf maps do.
package anyjson

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mosn-ts/envoy-go-runtime/internal/pbwire"
)

const (
	typedStructV3 = "xds.type.v3.TypedStruct"
	typedStructV1 = "udpa.type.v1.TypedStruct"
	structType    = "google.protobuf.Struct"
	stringValue   = "google.protobuf.StringValue"
)

// maxDepth bounds nesting so hostile input cannot exhaust the stack.
const maxDepth = 100

// Decode converts a serialized Any to JSON text.
func Decode(anyBytes []byte) ([]byte, error) {
	typeURL, value, err := splitAny(anyBytes)
	if err != nil {
		return nil, fmt.Errorf("malformed plugin_config: %w", err)
	}
	name := typeURL[strings.LastIndexByte(typeURL, '/')+1:]
	switch {
	case typeURL == "" && len(value) == 0:
		return []byte("{}"), nil
	case name == typedStructV3 || name == typedStructV1:
		inner, err := typedStructValue(value)
		if err != nil {
			return nil, fmt.Errorf("malformed plugin_config (%s): %w", name, err)
		}
		return structToJSON(inner)
	case name == structType:
		return structToJSON(value)
	case name == stringValue:
		s, err := stringValueText(value)
		if err != nil {
			return nil, fmt.Errorf("malformed plugin_config (%s): %w", name, err)
		}
		return s, nil
	}
	return nil, fmt.Errorf("unsupported plugin_config type %q (use xds.type.v3.TypedStruct or google.protobuf.StringValue)", typeURL)
}

func structToJSON(msg []byte) ([]byte, error) {
	w := writer{}
	if err := w.object(msg, "$", 0); err != nil {
		return nil, fmt.Errorf("malformed plugin_config: %w", err)
	}
	return w.out, nil
}

// splitAny returns Any.type_url (field 1) and Any.value (field 2).
func splitAny(msg []byte) (typeURL string, value []byte, err error) {
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return "", nil, err
		}
		if !ok {
			return typeURL, value, nil
		}
		switch {
		case f.Number == 1 && f.Type == pbwire.Bytes:
			typeURL = string(f.Data)
		case f.Number == 2 && f.Type == pbwire.Bytes:
			value = f.Data
		}
	}
}

// typedStructValue returns TypedStruct.value (field 2), a serialized Struct.
func typedStructValue(msg []byte) ([]byte, error) {
	var value []byte
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return value, nil
		}
		if f.Number == 2 && f.Type == pbwire.Bytes {
			value = f.Data
		}
	}
}

func stringValueText(msg []byte) ([]byte, error) {
	var text []byte
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return append([]byte(nil), text...), nil
		}
		if f.Number == 1 && f.Type == pbwire.Bytes {
			text = f.Data
		}
	}
}

type writer struct {
	out []byte
}

type entry struct {
	key   string
	value []byte // serialized google.protobuf.Value
}

// object writes a Struct: field 1 holds map entries {1: key, 2: Value}.
func (w *writer) object(msg []byte, path string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("%s: nested deeper than %d levels", path, maxDepth)
	}
	var entries []entry
	index := map[string]int{}
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if !ok {
			break
		}
		if f.Number != 1 || f.Type != pbwire.Bytes {
			continue
		}
		e, err := mapEntry(f.Data)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if i, dup := index[e.key]; dup {
			entries[i].value = e.value
			continue
		}
		index[e.key] = len(entries)
		entries = append(entries, e)
	}
	w.out = append(w.out, '{')
	for i, e := range entries {
		if i > 0 {
			w.out = append(w.out, ',')
		}
		if err := w.string(e.key, path); err != nil {
			return err
		}
		w.out = append(w.out, ':')
		if err := w.value(e.value, childPath(path, e.key), depth+1); err != nil {
			return err
		}
	}
	w.out = append(w.out, '}')
	return nil
}

func mapEntry(msg []byte) (entry, error) {
	var e entry
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return entry{}, err
		}
		if !ok {
			return e, nil
		}
		switch {
		case f.Number == 1 && f.Type == pbwire.Bytes:
			e.key = string(f.Data)
		case f.Number == 2 && f.Type == pbwire.Bytes:
			e.value = f.Data
		}
	}
}

// value writes a google.protobuf.Value, a oneof: 1 null, 2 number, 3 string, 4 bool,
// 5 struct, 6 list. The last kind on the wire wins, as in protobuf.
func (w *writer) value(msg []byte, path string, depth int) error {
	var kind pbwire.Field
	found := false
	r := pbwire.NewReader(msg)
	for {
		f, ok, err := r.Next()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if !ok {
			break
		}
		if f.Number >= 1 && f.Number <= 6 {
			kind, found = f, true
		}
	}
	if !found {
		return fmt.Errorf("%s: google.protobuf.Value has no kind set", path)
	}
	if kind.Type != valueKindWireType(kind.Number) {
		return fmt.Errorf("%s: google.protobuf.Value field %d has wire type %d", path, kind.Number, kind.Type)
	}
	switch kind.Number {
	case 1:
		w.out = append(w.out, "null"...)
	case 2:
		d := kind.Double()
		if math.IsNaN(d) || math.IsInf(d, 0) {
			return fmt.Errorf("%s: number %v is not representable in JSON", path, d)
		}
		w.out = strconv.AppendFloat(w.out, d, 'g', -1, 64)
	case 3:
		return w.string(string(kind.Data), path)
	case 4:
		w.out = strconv.AppendBool(w.out, kind.Varint != 0)
	case 5:
		return w.object(kind.Data, path, depth)
	case 6:
		return w.list(kind.Data, path, depth)
	}
	return nil
}

func valueKindWireType(field int32) pbwire.WireType {
	switch field {
	case 1, 4:
		return pbwire.Varint
	case 2:
		return pbwire.Fixed64
	}
	return pbwire.Bytes
}

// list writes a ListValue: field 1 holds repeated Values.
func (w *writer) list(msg []byte, path string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("%s: nested deeper than %d levels", path, maxDepth)
	}
	w.out = append(w.out, '[')
	r := pbwire.NewReader(msg)
	for i := 0; ; {
		f, ok, err := r.Next()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if !ok {
			break
		}
		if f.Number != 1 || f.Type != pbwire.Bytes {
			continue
		}
		if i > 0 {
			w.out = append(w.out, ',')
		}
		if err := w.value(f.Data, path+"["+strconv.Itoa(i)+"]", depth+1); err != nil {
			return err
		}
		i++
	}
	w.out = append(w.out, ']')
	return nil
}

var errInvalidUTF8 = errors.New("string is not valid UTF-8")

func (w *writer) string(s, path string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s: %w", path, errInvalidUTF8)
	}
	w.out = append(w.out, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			w.out = append(w.out, '\\', c)
		case c == '\n':
			w.out = append(w.out, '\\', 'n')
		case c == '\r':
			w.out = append(w.out, '\\', 'r')
		case c == '\t':
			w.out = append(w.out, '\\', 't')
		case c < 0x20:
			w.out = append(w.out, '\\', 'u', '0', '0', hexDigit(c>>4), hexDigit(c&15))
		default:
			w.out = append(w.out, c)
		}
	}
	w.out = append(w.out, '"')
	return nil
}

func hexDigit(b byte) byte { return "0123456789abcdef"[b] }

// childPath extends a JSON path the way the config decoders print it: $.name for plain
// identifiers, $["odd key"] otherwise.
func childPath(path, key string) string {
	if isIdentifier(key) {
		return path + "." + key
	}
	return path + "[" + strconv.Quote(key) + "]"
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return true
}
