package api

import "sync/atomic"

// ConsumersPluginName is the built-in plugin (package consumers) whose config loads the
// library's consumers (docs/architecture.md, "Consumers"). No other plugin may take it.
const ConsumersPluginName = "mosn-ts-consumers"

// Where Context.SetConsumer records a consumer: a string filter state object (mutable,
// request life span, not shared), read by later filters, even of other libraries; and
// dynamic metadata, for access logs. Both hold the consumer's name.
const (
	ConsumerFilterStateKey    = "mosn-ts.consumer"
	ConsumerMetadataNamespace = "mosn-ts"
	ConsumerMetadataKey       = "consumer"
)

// Consumer is an authenticated identity with per-consumer settings (a rate-limit tier, a
// quota), configured once for the whole library and shared by its plugins.
type Consumer struct {
	Name     string
	settings map[string]string
}

// NewConsumer makes a consumer with a copy of settings.
func NewConsumer(name string, settings map[string]string) *Consumer {
	c := &Consumer{Name: name, settings: make(map[string]string, len(settings))}
	for k, v := range settings {
		c.settings[k] = v
	}
	return c
}

// Setting is the value configured for key (the SDK's consumer.setting(key)).
func (c *Consumer) Setting(key string) (string, bool) {
	v, ok := c.settings[key]
	return v, ok
}

// ConsumerRegistry finds consumers by name and by credential of a kind (key-auth, jwt,
// ...). It is built with Add and AddCredential, then installed with SetConsumers; it must
// not change after that (every stream reads it without locking).
type ConsumerRegistry struct {
	byName       map[string]*Consumer
	byCredential map[string]map[string]*Consumer // kind -> credential -> owner
}

// NewConsumerRegistry is an empty registry.
func NewConsumerRegistry() *ConsumerRegistry {
	return &ConsumerRegistry{byName: map[string]*Consumer{}, byCredential: map[string]map[string]*Consumer{}}
}

// Add registers c under its name. When the name is taken it changes nothing and returns
// the consumer holding it; otherwise nil.
func (r *ConsumerRegistry) Add(c *Consumer) (holder *Consumer) {
	if existing := r.byName[c.Name]; existing != nil {
		return existing
	}
	r.byName[c.Name] = c
	return nil
}

// AddCredential makes c the owner of credential of kind. When another consumer (or c
// itself) owns it already, it changes nothing and returns that owner; otherwise nil.
func (r *ConsumerRegistry) AddCredential(kind, credential string, c *Consumer) (owner *Consumer) {
	owners := r.byCredential[kind]
	if owners == nil {
		owners = map[string]*Consumer{}
		r.byCredential[kind] = owners
	}
	if existing := owners[credential]; existing != nil {
		return existing
	}
	owners[credential] = c
	return nil
}

// ByName is the consumer called name, or nil (also on a nil registry).
func (r *ConsumerRegistry) ByName(name string) *Consumer {
	if r == nil {
		return nil
	}
	return r.byName[name]
}

// ByCredential is the consumer owning credential of kind, or nil (also on a nil registry).
func (r *ConsumerRegistry) ByCredential(kind, credential string) *Consumer {
	if r == nil {
		return nil
	}
	return r.byCredential[kind][credential]
}

var currentConsumers atomic.Pointer[ConsumerRegistry]

// SetConsumers installs the library's consumer registry, replacing the one before: the
// most recently loaded consumers config wins, for the streams of every plugin.
func SetConsumers(r *ConsumerRegistry) { currentConsumers.Store(r) }

// Consumers is the library's current registry, nil before one is loaded.
func Consumers() *ConsumerRegistry { return currentConsumers.Load() }
