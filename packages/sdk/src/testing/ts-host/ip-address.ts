import { isIPv4, isIPv6 } from "node:net";

/**
 * Http::Utility::parseAuthority(host).is_ip_address_, which setUpstreamOverrideHost requires:
 * an optional `:port` (decimal, at most 65535) is split off at the last colon unless the text
 * ends with `]`; what remains, without surrounding brackets, must be an IPv4 address in strict
 * dotted-quad form or an IPv6 address. A bad port is not split off, so the whole text must
 * then be an address (`::ab` is an IPv6 address, `1.2.3.4:99999` is not). IPv6 zone ids
 * (`%eth0`) depend on the machine's interfaces and are refused here.
 */
export function isIpAuthority(host: string): boolean {
  let address = host;
  const colon = host.lastIndexOf(":");
  if (colon !== -1 && !host.endsWith("]")) {
    const port = host.slice(colon + 1);
    // absl::SimpleAtoi: optional whitespace and sign are accepted around the digits.
    const m = /^\s*\+?(\d+)\s*$/.exec(port);
    if (m !== null && Number(m[1]) <= 65535) address = host.slice(0, colon);
  }
  if (address.length >= 2 && address.startsWith("[") && address.endsWith("]")) address = address.slice(1, -1);
  if (address.includes("%")) return false;
  return isIPv4(address) || isIPv6(address);
}
