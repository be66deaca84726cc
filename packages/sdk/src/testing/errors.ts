/** The plugin rejected its config; `message` is the runtime's error line. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** The two backends gave different answers to the same operation. */
export class BackendDivergenceError extends Error {
  override readonly name = "BackendDivergenceError";

  constructor(
    message: string,
    /** The first differing JSON path, e.g. `response.headers[2]`. */
    readonly path: string,
    /** Every backend's full answer, by backend name. */
    readonly answers: Record<string, unknown>,
    /**
     * When the cause is a run-time refusal of the compiled code (docs/subset.md, "Run-time
     * refusals"): the error it raised, e.g. `TypeError: non-null assertion failed: ...`.
     */
    readonly refusal?: string,
  ) {
    super(message);
  }
}

/** The native host misbehaved: it exited, wrote something that is not the protocol, or refused an op. */
export class HostProtocolError extends Error {
  override readonly name = "HostProtocolError";
}
