package consumers

import (
	"testing"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

func TestThePluginIsRegistered(t *testing.T) {
	if api.Lookup("mosn-ts-consumers") != Plugin {
		t.Fatalf("registered: %v", api.Names())
	}
}

func TestTheFilterPassesThrough(t *testing.T) {
	f := Plugin.NewFilter(nil, nil)
	switch f.(type) {
	case api.DecodeHeadersHook, api.DecodeDataHook, api.DecodeTrailersHook,
		api.EncodeHeadersHook, api.EncodeDataHook, api.EncodeTrailersHook,
		api.LogHook, api.StreamCompleteHook, api.DestroyHook, api.AsyncHook:
		t.Fatalf("the pass-through filter implements a hook: %T", f)
	}
}

// Decoding validates; configuring (once per accepted config) installs.
func TestConfiguringInstallsTheRegistry(t *testing.T) {
	t.Cleanup(func() { api.SetConsumers(nil) })
	api.SetConsumers(nil)
	load := func(text string) {
		t.Helper()
		value, err := Plugin.DecodeConfig([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if api.Consumers() != nil && api.Consumers().ByName("carol") != nil {
			t.Fatal("decoding installed the registry")
		}
		if _, err := Plugin.Configure(value, nil); err != nil {
			t.Fatal(err)
		}
	}
	load(`{"consumers":[{"name":"alice","credentials":{"key-auth":["k"]}}]}`)
	if c := api.Consumers().ByCredential("key-auth", "k"); c == nil || c.Name != "alice" {
		t.Fatalf("after the first config: %v", c)
	}
	load(`{"consumers":[{"name":"carol","credentials":{"key-auth":["k"]}}]}`)
	if c := api.Consumers().ByCredential("key-auth", "k"); c == nil || c.Name != "carol" {
		t.Fatalf("after the second config: %v", c)
	}
	if api.Consumers().ByName("alice") != nil {
		t.Fatal("the second config kept the first one's consumers")
	}
}
