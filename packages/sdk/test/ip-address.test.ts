import { describe, expect, it } from "vitest";
import { isIpAuthority } from "../src/testing/ts-host/ip-address.js";

// Http::Utility::parseAuthority(host).is_ip_address_, worked through by hand for each case.
describe("isIpAuthority (setUpstreamOverrideHost's check)", () => {
  it.each([
    ["10.0.0.1", true],
    ["10.0.0.1:80", true],
    ["10.0.0.1:65535", true],
    ["[::1]:80", true],
    ["[::1]", true],
    ["[10.0.0.1]:80", true], // brackets are trimmed whatever is inside
    ["::ab", true], // "ab" is not a port, so the whole text is read: an IPv6 address
    ["2001:db8::1:ff", true], // ":ff" is no port either
    ["::1", false], // split into ":" and port 1
    ["2001:db8::1", false], // split into "2001:db8:" and port 1
    ["10.0.0.1:99999", false], // no port above 65535: the whole text is not an address
    ["10.0.0.1:", false],
    ["01.2.3.4", false], // inet_pton refuses leading zeros
    ["256.0.0.1", false],
    ["backend.local:80", false],
    ["", false],
    ["[fe80::1%lo]:80", false], // zone ids are refused here
  ])("%s → %s", (host, expected) => {
    expect(isIpAuthority(host)).toBe(expected);
  });
});
