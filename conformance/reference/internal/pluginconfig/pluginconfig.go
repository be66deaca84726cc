// Package pluginconfig reads the plugin_config Envoy hands the official SDK: a
// google.protobuf.Any holding an xds.type.v3.TypedStruct whose value is a Struct (the
// encoding the mock host uses by default).
package pluginconfig

import (
	"fmt"

	xds "github.com/cncf/xds/go/xds/type/v3"
	"google.golang.org/protobuf/types/known/anypb"
)

// Fields decodes the TypedStruct's value into a map of its members.
func Fields(config *anypb.Any) (map[string]any, error) {
	ts := &xds.TypedStruct{}
	if err := config.UnmarshalTo(ts); err != nil {
		return nil, fmt.Errorf("plugin config is not a TypedStruct: %w", err)
	}
	if ts.Value == nil {
		return map[string]any{}, nil
	}
	return ts.Value.AsMap(), nil
}

// String reads a required string member.
func String(fields map[string]any, name string) (string, error) {
	v, ok := fields[name].(string)
	if !ok {
		return "", fmt.Errorf("%s: expected a string", name)
	}
	return v, nil
}

// Number reads a required number member.
func Number(fields map[string]any, name string) (float64, error) {
	v, ok := fields[name].(float64)
	if !ok {
		return 0, fmt.Errorf("%s: expected a number", name)
	}
	return v, nil
}
