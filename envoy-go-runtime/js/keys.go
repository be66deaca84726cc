package js

import "slices"

// Keys is the own-key order of an object of a generated struct type whose keys can
// differ from its declaration: optional properties come and go, literals and JSON
// documents list them in their own order, and members the type does not declare (from a
// JSON document or a spread) are kept here too. The compiler sets it wherever such an
// object is created.
type Keys struct {
	names []string
	extra map[string]any
}

// KeysOf is the key order of a new object literal.
func KeysOf(names ...string) Keys {
	if names == nil {
		names = []string{}
	}
	return Keys{names: names}
}

// Add records that name is an own property (appended when it was absent).
func (k *Keys) Add(name string) {
	if !slices.Contains(k.names, name) {
		k.names = append(k.names, name)
	}
}

// Remove records that name is no longer an own property (delete obj.name).
func (k *Keys) Remove(name string) {
	if i := slices.Index(k.names, name); i >= 0 {
		k.names = append(k.names[:i:i], k.names[i+1:]...)
	}
	delete(k.extra, name)
}

// Has reports whether name is an own property (the in operator on an optional property).
func (k *Keys) Has(name string) bool { return slices.Contains(k.names, name) }
