/**
 * The seeded random source both backends share (docs/architecture.md, "Determinism under
 * test"): SplitMix64, with Math.random and crypto.randomUUID derived from it bit for bit.
 */

const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const MIX1 = 0xbf58476d1ce4e5b9n;
const MIX2 = 0x94d049bb133111ebn;

export class SplitMix64 {
  private state: bigint;

  constructor(seed: bigint | number) {
    this.state = BigInt.asUintN(64, BigInt(seed));
  }

  /** The next 64-bit output. */
  next(): bigint {
    this.state = (this.state + GOLDEN_GAMMA) & MASK64;
    let z = this.state;
    z = ((z ^ (z >> 30n)) * MIX1) & MASK64;
    z = ((z ^ (z >> 27n)) * MIX2) & MASK64;
    return z ^ (z >> 31n);
  }

  /** `Math.random()`: the top 53 bits scaled into [0, 1). */
  nextFloat(): number {
    return Number(this.next() >> 11n) * 2 ** -53;
  }

  /** `crypto.randomUUID()`: two draws, big-endian, version 4 and RFC 4122 variant bits. */
  nextUUID(): string {
    const hi = this.next();
    const lo = this.next();
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 8; i++) {
      bytes[i] = Number((hi >> BigInt(56 - 8 * i)) & 0xffn);
      bytes[8 + i] = Number((lo >> BigInt(56 - 8 * i)) & 0xffn);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}

/** A seed must survive JSON and the native host's command line: a non-negative safe integer. */
export function checkSeed(seed: unknown): number {
  if (typeof seed !== "number" || !Number.isSafeInteger(seed) || seed < 0) {
    throw new TypeError(`seed must be a non-negative safe integer, got ${String(seed)}`);
  }
  return seed;
}
