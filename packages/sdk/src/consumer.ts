/**
 * An authenticated identity. Consumers are configured once for the whole library (see
 * docs/architecture.md, "Consumers"); an authentication plugin finds the one owning a
 * credential and sets it on the request, later plugins read it and apply its settings.
 */
export interface Consumer {
  readonly name: string;
  /** A setting configured for this consumer (say `tier`), or undefined. */
  setting(key: string): string | undefined;
}
