import { concatBytes } from "./bytes.js";

/** A mutable byte buffer: one slot of Envoy's pending-data list, or the filter's body buffer. */
export class ByteBuffer {
  constructor(public bytes: Uint8Array = new Uint8Array(0)) {}

  get length(): number {
    return this.bytes.length;
  }

  append(data: Uint8Array): void {
    this.bytes = concatBytes([this.bytes, data]);
  }

  prepend(data: Uint8Array): void {
    this.bytes = concatBytes([data, this.bytes]);
  }

  drain(n: number): void {
    this.bytes = this.bytes.slice(Math.min(n, this.bytes.length));
  }

  /** Moves everything out, leaving this buffer empty. */
  take(): Uint8Array {
    const out = this.bytes;
    this.bytes = new Uint8Array(0);
    return out;
  }
}
