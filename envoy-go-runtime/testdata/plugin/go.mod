// A hand-written plugin library for the runtime's end-to-end tests, laid out like a
// generated project: its own module, the runtime through a replace directive.
module mosnts.local/testplugin

go 1.24

require github.com/mosn-ts/envoy-go-runtime v0.0.0

replace github.com/mosn-ts/envoy-go-runtime => ../..
