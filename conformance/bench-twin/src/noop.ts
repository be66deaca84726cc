import { definePlugin, type Filter } from "@mosn-ts/sdk";

/** The plugin takes no settings. */
interface NoopConfig {}

/** Lets everything through: what a stream costs the runtime without any filter work. */
class Noop implements Filter {}

export default definePlugin<NoopConfig>({
  name: "noop",
  create: () => new Noop(),
});
