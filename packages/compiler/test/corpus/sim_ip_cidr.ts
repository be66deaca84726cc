function ipToInt(ip: string): number | undefined {
  const parts = ip.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}
function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const bits = Number(bitsText ?? "32");
  const a = ipToInt(ip), b = ipToInt(base ?? "");
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}
const checks: [string, string][] = [["10.1.2.3", "10.0.0.0/8"], ["192.168.1.7", "192.168.1.0/30"], ["192.168.1.7", "192.168.1.4/30"], ["1.2.3.4", "0.0.0.0/0"], ["300.1.1.1", "0.0.0.0/0"], ["8.8.8.8", "8.8.8.8"]];
for (const [ip, c] of checks) console.log(ip, c, inCidr(ip, c), ipToInt(ip));
