import type { BodyBuffer } from "../../buffer.js";
import type { ByteBuffer } from "./body-buffer.js";
import { concatBytes, textOf, utf8 } from "./bytes.js";
import type { MapCapi } from "./map-capi.js";
import type { ProcessorState } from "./processor-state.js";
import { capiErrorText, RuntimePanic } from "./runtime-errors.js";

/**
 * A data hook's chunk as the plugin sees it through the runtime: the length is tracked
 * locally, the bytes are copied from Envoy on the first read, and writes go to Envoy at once
 * (they fail as Envoy's C API does once the chunk has been passed on).
 */
export class RuntimeBodyBuffer implements BodyBuffer {
  private copy: Uint8Array | null = null;
  private size: number;

  constructor(
    private readonly capi: MapCapi,
    private readonly state: ProcessorState,
    private readonly chunk: ByteBuffer,
  ) {
    this.size = chunk.length;
  }

  get length(): number {
    return this.size;
  }

  bytes(): Uint8Array {
    return this.load().slice();
  }

  text(): string {
    return textOf(this.load());
  }

  set(data: string | Uint8Array): void {
    const bytes = utf8(data);
    this.check(this.capi.setBuffer(this.state, this.chunk, bytes, "set"));
    this.copy = bytes.slice();
    this.size = bytes.length;
  }

  append(data: string | Uint8Array): void {
    const bytes = utf8(data);
    this.check(this.capi.setBuffer(this.state, this.chunk, bytes, "append"));
    this.size += bytes.length;
    if (this.copy !== null) this.copy = concatBytes([this.copy, bytes]);
  }

  prepend(data: string | Uint8Array): void {
    const bytes = utf8(data);
    this.check(this.capi.setBuffer(this.state, this.chunk, bytes, "prepend"));
    this.size += bytes.length;
    if (this.copy !== null) this.copy = concatBytes([bytes, this.copy]);
  }

  /** Removes the first `n` bytes; `n` is clamped to [0, length]. */
  drain(n: number): void {
    const count = Math.max(0, Math.min(Math.trunc(Number.isNaN(n) ? 0 : n), this.size));
    if (count === 0) return;
    this.check(this.capi.drainBuffer(this.state, this.chunk, count));
    this.size -= count;
    if (this.copy !== null) this.copy = this.copy.slice(count);
  }

  private load(): Uint8Array {
    if (this.copy !== null) return this.copy;
    if (this.size === 0) return (this.copy = new Uint8Array(0));
    const result = this.capi.getBuffer(this.state, this.chunk);
    if (typeof result === "string") throw new RuntimePanic(`cannot read the body: ${capiErrorText(result)}`);
    return (this.copy = result);
  }

  private check(status: "ok" | Parameters<typeof capiErrorText>[0]): void {
    if (status !== "ok") throw new RuntimePanic(`cannot change the body: ${capiErrorText(status)}`);
  }
}
