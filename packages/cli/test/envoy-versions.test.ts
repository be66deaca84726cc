import { describe, expect, it } from "vitest";
import { resolveEnvoyTarget } from "../src/envoy-versions.js";
import { CliError } from "../src/errors.js";

describe("resolveEnvoyTarget", () => {
  it("defaults to the newest supported release", () => {
    expect(resolveEnvoyTarget(undefined)).toMatchObject({ version: "1.39", release: "v1.39.1" });
  });

  it("accepts major.minor, full versions and a leading v", () => {
    expect(resolveEnvoyTarget("1.38").release).toBe("v1.38.3");
    expect(resolveEnvoyTarget("v1.39.1").version).toBe("1.39");
    expect(resolveEnvoyTarget("1.38.2").version).toBe("1.38");
  });

  it("maps releases with an identical ABI to the same build tag", () => {
    expect(resolveEnvoyTarget("1.38").buildTag).toBe(resolveEnvoyTarget("1.39").buildTag);
  });

  it("rejects an unsupported release with the supported list", () => {
    expect(() => resolveEnvoyTarget("1.30")).toThrow(CliError);
    expect(() => resolveEnvoyTarget("1.30")).toThrow(/Envoy 1\.30 is not supported.*Supported: 1\.39, 1\.38/);
    expect(() => resolveEnvoyTarget("latest")).toThrow(/not supported/);
  });
});
