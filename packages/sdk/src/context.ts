import type { Logger } from "./log.js";
import type { Status } from "./status.js";

/** Per-request services the host gives a filter. */
export interface FilterContext {
  readonly log: Logger;
  /**
   * Answers the client directly instead of forwarding the request. Returns
   * `Status.LocalReply`, so a hook can `return ctx.sendLocalReply(...)`.
   * The reply still runs through the encode hooks, as in Envoy.
   */
  sendLocalReply(
    status: number,
    body: string,
    headers?: Record<string, string>,
    details?: string,
  ): Status;
}
