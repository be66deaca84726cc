// A module imported by corpus programs: its top-level statements run before the importer's.
export const HEX_DIGITS = "0123456789abcdef";
export const SQUARES: number[] = [1, 2, 3].map((x) => x * x);
export function hex(n: number): string {
  return (HEX_DIGITS[(n >> 4) & 15] ?? "?") + (HEX_DIGITS[n & 15] ?? "?");
}
console.log("lib/hex loaded", SQUARES.join(","));
