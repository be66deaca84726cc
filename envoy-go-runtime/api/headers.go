package api

// HeaderMap is a header or trailer map with Envoy's semantics: lower-case names,
// repeated names allowed, insertion order kept.
type HeaderMap interface {
	// Get returns the first value of name.
	Get(name string) (string, bool)
	// GetAll returns every value of name, in order.
	GetAll(name string) []string
	Has(name string) bool
	// Set replaces every value of name.
	Set(name, value string)
	// Add appends one more value for name.
	Add(name, value string)
	// Remove deletes every value of name.
	Remove(name string)
	// Keys returns the distinct names in insertion order.
	Keys() []string
	// Range calls fn for every entry in order, repeats included, until fn returns false.
	Range(fn func(name, value string) bool)
}

// RequestHeaderMap adds the request pseudo-headers.
type RequestHeaderMap interface {
	HeaderMap
	Method() string
	Path() string
	Host() string
	Scheme() string
}

// ResponseHeaderMap adds the response status.
type ResponseHeaderMap interface {
	HeaderMap
	Status() int
}

// Header is one name/value pair, used where order and repeats matter.
type Header struct {
	Name  string
	Value string
}
