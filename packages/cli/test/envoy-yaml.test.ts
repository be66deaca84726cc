import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveEnvoyTarget } from "../src/envoy-versions.js";
import { filterSnippet } from "../src/envoy-yaml.js";

describe("filterSnippet", () => {
  it("configures one golang filter per plugin with its config as a TypedStruct", () => {
    const text = filterSnippet({
      libraryId: "lib",
      libraryPath: "/etc/envoy/lib.so",
      plugins: [
        { name: "a", config: { key: "v: with colon", list: [1, "two"] } },
        { name: "b", config: undefined },
      ],
      envoy: resolveEnvoyTarget("1.39"),
    });
    const doc = parse(text) as { http_filters: { name: string; typed_config: Record<string, any> }[] };
    expect(doc.http_filters).toHaveLength(2);
    const [a, b] = doc.http_filters;
    expect(a!.name).toBe("envoy.filters.http.golang");
    expect(a!.typed_config).toEqual({
      "@type": "type.googleapis.com/envoy.extensions.filters.http.golang.v3alpha.Config",
      library_id: "lib",
      library_path: "/etc/envoy/lib.so",
      plugin_name: "a",
      plugin_config: {
        "@type": "type.googleapis.com/xds.type.v3.TypedStruct",
        value: { key: "v: with colon", list: [1, "two"] },
      },
    });
    expect(b!.typed_config.plugin_config.value).toEqual({});
    expect(text).toContain("contrib-v1.39.1");
  });
});

describe("filterSnippet with consumers", () => {
  it("loads the consumer registry in a mosn-ts-consumers entry before the plugins", () => {
    const consumers = [{ name: "alice", credentials: { "key-auth": ["k1"] } }];
    const text = filterSnippet({
      libraryId: "lib",
      libraryPath: "/etc/envoy/lib.so",
      plugins: [{ name: "key-auth", config: { keys: [] } }],
      consumers,
      envoy: resolveEnvoyTarget("1.39"),
    });
    const doc = parse(text) as { http_filters: { typed_config: Record<string, any> }[] };
    expect(doc.http_filters.map((f) => f.typed_config.plugin_name)).toEqual(["mosn-ts-consumers", "key-auth"]);
    expect(doc.http_filters[0]!.typed_config.library_id).toBe("lib");
    expect(doc.http_filters[0]!.typed_config.plugin_config.value).toEqual({ consumers });
  });
});
