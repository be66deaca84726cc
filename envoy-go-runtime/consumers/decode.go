package consumers

import (
	"regexp"
	"strconv"

	"github.com/mosn-ts/envoy-go-runtime/api"
	"github.com/mosn-ts/envoy-go-runtime/js"
)

// The config's TypeScript type, decoded by js's schema machinery so its type errors read
// exactly like a compiled plugin's and the TypeScript host's
// (packages/sdk/src/testing/consumers-config.ts, CONSUMERS_CONFIG_TYPE):
//
//	interface ConsumersConfig { consumers: ConsumerConfig[] }
//	interface ConsumerConfig {
//	  name: string;
//	  credentials?: Record<string, string[]>;
//	  settings?: Record<string, string>;
//	}
type consumersConfig struct {
	Consumers *js.Array[*consumerConfig] `js:"consumers"`
}

type consumerConfig struct {
	Name        string                        `js:"name"`
	Credentials *js.Record[*js.Array[string]] `js:"credentials,optional"`
	Settings    *js.Record[string]            `js:"settings,optional"`
}

var configSchema = js.ObjectSchema("ConsumersConfig",
	js.Required("consumers", js.ArraySchema(js.ObjectSchema("ConsumerConfig",
		js.Required("name", js.StringSchema),
		js.Optional("credentials", js.RecordSchema(js.ArraySchema(js.StringSchema))),
		js.Optional("settings", js.RecordSchema(js.StringSchema)),
	))),
)

// decode validates a mosn-ts-consumers config (JSON text) and builds its registry. Errors
// are *js.DecodeError, "<path>: <problem>": the type checks first, then, on a config that
// passed them, per consumer in array order: its name (empty, then taken), then its
// credentials, kinds in JavaScript key order (what the TypeScript host's Object.entries
// gives: document order, array-index keys first), each kind's list in order. A credential
// is a secret: errors name where it is, never its value. Like a generated decoder, it
// panics (js.Record refuses the key) on a "__proto__" member of credentials or settings;
// the backend reports that as a rejected config.
func decode(text []byte) (*api.ConsumerRegistry, error) {
	config, err := js.DecodeJSON[*consumersConfig](text, configSchema)
	if err != nil {
		return nil, err
	}
	registry := api.NewConsumerRegistry()
	for i, entry := range config.Consumers.Items() {
		at := "$.consumers[" + strconv.Itoa(i) + "]"
		if entry.Name == "" {
			return nil, &js.DecodeError{Path: at + ".name", Problem: "must not be empty"}
		}
		consumer := api.NewConsumer(entry.Name, settingsOf(entry))
		if registry.Add(consumer) != nil {
			return nil, &js.DecodeError{Path: at + ".name", Problem: "duplicate consumer " + strconv.Quote(entry.Name)}
		}
		if entry.Credentials == nil {
			continue
		}
		for kind, credentials := range entry.Credentials.All() {
			for j, credential := range credentials.Items() {
				if owner := registry.AddCredential(kind, credential, consumer); owner != nil {
					path := memberPath(at+".credentials", kind) + "[" + strconv.Itoa(j) + "]"
					return nil, &js.DecodeError{Path: path, Problem: "credential already belongs to consumer " + strconv.Quote(owner.Name)}
				}
			}
		}
	}
	return registry, nil
}

func settingsOf(entry *consumerConfig) map[string]string {
	settings := map[string]string{}
	if entry.Settings != nil {
		for k, v := range entry.Settings.All() {
			settings[k] = v
		}
	}
	return settings
}

var identifier = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// memberPath appends a member to a JSON path as the config errors write it: .name for an
// identifier, ["odd-name"] otherwise.
func memberPath(path, key string) string {
	if identifier.MatchString(key) {
		return path + "." + key
	}
	return path + "[" + js.QuoteJSON(key) + "]"
}
