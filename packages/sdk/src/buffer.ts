/**
 * The body chunk handed to a data hook (after `Status.StopAndBuffer` from a headers hook, the
 * whole body; from a data hook, the rest of the body after that hook's chunk).
 * Valid only during that hook.
 */
export interface BodyBuffer {
  /** Length in bytes. */
  readonly length: number;
  bytes(): Uint8Array;
  /** The bytes decoded as UTF-8. */
  text(): string;
  /** Replaces the content. */
  set(data: string | Uint8Array): void;
  append(data: string | Uint8Array): void;
  prepend(data: string | Uint8Array): void;
  /** Removes the first `n` bytes. */
  drain(n: number): void;
}
