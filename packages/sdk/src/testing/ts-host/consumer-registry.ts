import type { Consumer } from "../../consumer.js";
import type { ConsumerConfig, ConsumersConfig } from "../consumers-config.js";

/** A configured consumer, as the runtime hands it to plugins. */
class RegisteredConsumer implements Consumer {
  readonly name: string;
  private readonly settings: ReadonlyMap<string, string>;

  constructor(config: ConsumerConfig) {
    this.name = config.name;
    // A Map, so setting("constructor") or setting("__proto__") finds only configured keys.
    this.settings = new Map(Object.entries(config.settings ?? {}));
    Object.freeze(this);
  }

  setting(key: string): string | undefined {
    return this.settings.get(String(key));
  }
}

/**
 * The library's consumers: what the most recently loaded `mosn-ts-consumers` config holds,
 * found by name and by credential of a kind. Built from a config that passed validation.
 */
export class ConsumerRegistry {
  private readonly byName = new Map<string, RegisteredConsumer>();
  private readonly byCredential = new Map<string, Map<string, RegisteredConsumer>>();

  constructor(config: ConsumersConfig) {
    for (const entry of config.consumers) {
      const consumer = new RegisteredConsumer(entry);
      this.byName.set(consumer.name, consumer);
      for (const [kind, credentials] of Object.entries(entry.credentials ?? {})) {
        let owners = this.byCredential.get(kind);
        if (owners === undefined) this.byCredential.set(kind, (owners = new Map()));
        for (const credential of credentials) owners.set(credential, consumer);
      }
    }
  }

  named(name: string): Consumer | undefined {
    return this.byName.get(name);
  }

  owning(kind: string, credential: string): Consumer | undefined {
    return this.byCredential.get(kind)?.get(credential);
  }
}
