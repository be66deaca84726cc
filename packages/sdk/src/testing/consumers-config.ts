import { childPath, type ConfigProblem } from "./config-validation.js";
import { goQuote } from "./ts-host/runtime-errors.js";
import type { TypeDescriptor } from "./type-descriptor.js";

/**
 * The built-in plugin every library holds (docs/architecture.md, "Consumers"): its config
 * replaces the library's consumer registry.
 */
export const CONSUMERS_PLUGIN = "mosn-ts-consumers";

/** Where `setConsumer` records the consumer: a string filter state object... */
export const CONSUMER_FILTER_STATE_KEY = "mosn-ts.consumer";
/** ...with this life span (Request) and sharing (None)... */
export const CONSUMER_LIFE_SPAN = 1;
export const CONSUMER_STREAM_SHARING = 0;
/** ...and the dynamic metadata access logs read. */
export const CONSUMER_METADATA_NAMESPACE = "mosn-ts";
export const CONSUMER_METADATA_KEY = "consumer";

/** One consumer of the `mosn-ts-consumers` config. */
export interface ConsumerConfig {
  /** Unique, not empty. */
  name: string;
  /** Credentials by kind (`key-auth`, `jwt`, ...); a credential belongs to one consumer per kind. */
  credentials?: Record<string, string[]>;
  /** Per-consumer settings other plugins read (`consumer.setting("tier")`). */
  settings?: Record<string, string>;
}

/** The `mosn-ts-consumers` plugin config. */
export interface ConsumersConfig {
  consumers: ConsumerConfig[];
}

const stringRecord = (value: TypeDescriptor): TypeDescriptor => ({ kind: "record", value });

/** ConsumersConfig as the compiler would describe it; the type checks come from it. */
export const CONSUMERS_CONFIG_TYPE: TypeDescriptor = {
  kind: "object",
  name: "ConsumersConfig",
  fields: [
    {
      name: "consumers",
      optional: false,
      type: {
        kind: "array",
        element: {
          kind: "object",
          name: "ConsumerConfig",
          fields: [
            { name: "name", optional: false, type: { kind: "string" } },
            { name: "credentials", optional: true, type: stringRecord({ kind: "array", element: { kind: "string" } }) },
            { name: "settings", optional: true, type: stringRecord({ kind: "string" }) },
          ],
        },
      },
    },
  ],
};

/**
 * The rules on top of the type checks, for a config that passed them. Consumers in array
 * order; within one: its name (empty, then taken), then its credentials, kinds in
 * JavaScript's property order (array-index keys ascending, then document order), each
 * kind's list in order. A credential is never printed: it is a secret.
 */
export function consumersProblem(config: ConsumersConfig): ConfigProblem | null {
  const names = new Set<string>();
  const owners = new Map<string, Map<string, string>>();
  for (const [i, consumer] of config.consumers.entries()) {
    const at = childPath("$.consumers", i);
    if (consumer.name === "") return { path: childPath(at, "name"), problem: "must not be empty" };
    if (names.has(consumer.name)) return { path: childPath(at, "name"), problem: `duplicate consumer ${goQuote(consumer.name)}` };
    names.add(consumer.name);
    for (const [kind, credentials] of Object.entries(consumer.credentials ?? {})) {
      let owner = owners.get(kind);
      if (owner === undefined) owners.set(kind, (owner = new Map()));
      for (const [j, credential] of credentials.entries()) {
        const taken = owner.get(credential);
        if (taken !== undefined) {
          const path = childPath(childPath(childPath(at, "credentials"), kind), j);
          return { path, problem: `credential already belongs to consumer ${goQuote(taken)}` };
        }
        owner.set(credential, consumer.name);
      }
    }
  }
  return null;
}
