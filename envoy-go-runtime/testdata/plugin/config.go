package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

type config struct {
	Prefix               string
	StripResponseHeaders []string
}

// decodeConfig validates like the compiler's generated decoders: errors name a JSON path.
func decodeConfig(text []byte) (any, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(text))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("$: invalid JSON: %v", err)
	}
	if raw == nil {
		return nil, fmt.Errorf("$: expected object, got null")
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if k != "prefix" && k != "stripResponseHeaders" {
			return nil, fmt.Errorf("$.%s: unknown field", k)
		}
	}
	var c config
	p, ok := raw["prefix"]
	if !ok {
		return nil, fmt.Errorf("$.prefix: missing required field")
	}
	if err := json.Unmarshal(p, &c.Prefix); err != nil {
		return nil, fmt.Errorf("$.prefix: expected string, got %s", jsonType(p))
	}
	if s, ok := raw["stripResponseHeaders"]; ok {
		if err := json.Unmarshal(s, &c.StripResponseHeaders); err != nil {
			return nil, fmt.Errorf("$.stripResponseHeaders: expected array of strings")
		}
	}
	return &c, nil
}

func jsonType(v json.RawMessage) string {
	switch t := bytes.TrimSpace(v); {
	case len(t) == 0:
		return "nothing"
	case t[0] == '"':
		return "string"
	case t[0] == '{':
		return "object"
	case t[0] == '[':
		return "array"
	case t[0] == 't' || t[0] == 'f':
		return "boolean"
	case t[0] == 'n':
		return "null"
	}
	return "number"
}
