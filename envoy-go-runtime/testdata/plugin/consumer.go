package main

import (
	"fmt"

	"github.com/mosn-ts/envoy-go-runtime/api"
)

// consumerFilter uses the library's consumers (loaded through mosn-ts-consumers): it
// authenticates by the x-api-key header (kind key-auth), sets the consumer, reads it back
// and logs its tier. x-action picks the scenario. consumer-filter-async runs the same
// decodeHeaders as an async hook, where the consumer getter yields and the setters are
// posted.
type consumerFilter struct {
	ctx    api.Context
	action string
	async  bool
}

func newConsumerFilter(ctx api.Context, _ any) any { return &consumerFilter{ctx: ctx} }

func newAsyncConsumerFilter(ctx api.Context, _ any) any {
	return &consumerFilter{ctx: ctx, async: true}
}

func (f *consumerFilter) AsyncHooks() api.Hooks {
	if f.async {
		return api.HookDecodeHeaders
	}
	return 0
}

func (f *consumerFilter) log(format string, args ...any) {
	f.ctx.Log(api.LogInfo, fmt.Sprintf(format, args...))
}

// describe renders a consumer: "none", or its name and tier ("-" without one).
func describe(c *api.Consumer) string {
	if c == nil {
		return "none"
	}
	tier, ok := c.Setting("tier")
	if !ok {
		tier = "-"
	}
	return c.Name + " tier=" + tier
}

func (f *consumerFilter) DecodeHeaders(h api.RequestHeaderMap, endStream bool) api.Status {
	f.action, _ = h.Get("x-action")
	if f.async {
		api.Sleep(1)
	}
	switch f.action {
	case "authenticate":
		key, _ := h.Get("x-api-key")
		c := f.ctx.LookupConsumer("key-auth", key)
		if c == nil {
			return f.ctx.SendLocalReply(401, "unknown key", nil, "unknown_consumer")
		}
		f.ctx.SetConsumer(c)
		f.log("set %s; read back %s", c.Name, describe(f.ctx.Consumer()))
	case "read":
		f.log("consumer %s", describe(f.ctx.Consumer()))
	case "set-unknown":
		// A consumer the registry does not hold is recorded, but reads back as none.
		f.ctx.SetConsumer(&api.Consumer{Name: "mallory"})
		f.log("read back %s", describe(f.ctx.Consumer()))
	case "set-nil":
		f.ctx.SetConsumer(nil)
	}
	return api.Continue
}

func (f *consumerFilter) EncodeHeaders(h api.ResponseHeaderMap, endStream bool) api.Status {
	if f.action == "authenticate" {
		f.log("encode %s", describe(f.ctx.Consumer()))
	}
	return api.Continue
}

func (f *consumerFilter) OnDestroy(api.DestroyReason) {
	switch f.action {
	case "read-in-destroy":
		f.log("destroy %s", describe(f.ctx.Consumer()))
	case "set-in-destroy":
		f.ctx.SetConsumer(f.ctx.LookupConsumer("key-auth", "k-bob"))
	case "lookup-in-destroy":
		f.log("destroy lookup %s", describe(f.ctx.LookupConsumer("key-auth", "k-bob")))
	}
}
