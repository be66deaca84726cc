import { definePlugin, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";

/** The plugin takes no settings. */
interface NoopConfig {}

/**
 * Lets everything through: what a stream costs the runtime without any filter work. It has a
 * request-header hook that does nothing, like the official SDK's pass-through filter, so the
 * difference to `header-bench` is the header work alone.
 */
class Noop implements Filter {
  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    return Status.Continue;
  }
}

export default definePlugin<NoopConfig>({
  name: "noop",
  create: () => new Noop(),
});
