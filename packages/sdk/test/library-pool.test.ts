import { describe, expect, it } from "vitest";
import { definePlugin, Status, type Counter } from "../src/index.js";
import { createHost } from "../src/testing/index.js";

/**
 * A plugin counting its requests in the host metric `<name>.requests`. The stats store belongs
 * to the "Envoy": every plugin of the library shares it, so each test uses its own name.
 */
function metered(name: string) {
  return definePlugin<unknown, Counter>({
    name,
    configure: (_config, env) => env.counter(`${name}.requests`),
    create: (_ctx, requests) => ({
      decodeHeaders: () => {
        requests.increment();
        return Status.Continue;
      },
    }),
  });
}

type Host = Awaited<ReturnType<typeof createHost>>;
/** The host's count after one more request. */
const requests = async (host: Host) => (await host.request()).metrics?.counters[`${host.plugin}.requests`];
/** The host's count right after its config was created. */
const configured = (host: Host) => host.configMetrics?.counters[`${host.plugin}.requests`];

describe("createHost calls of one test file", () => {
  it("configure the plugin again in one shared host, as Envoy reloads a config in one process", async () => {
    const plugin = metered("pool-shared");
    const first = await createHost({ plugin, backends: "ts" });
    expect(configured(first)).toBe(0);
    expect(await requests(first)).toBe(1);
    await first.close();
    const second = await createHost({ plugin, backends: "ts" });
    // The stats outlive the first config: one store per process.
    expect(configured(second)).toBe(1);
    expect(await requests(second)).toBe(2);
    expect(second.configId).toBe(first.configId + 1);
    await second.close();
  });

  it("get a host of their own for another seed or worker count (a process is started with them)", async () => {
    const plugin = metered("pool-keys");
    const seeded = await createHost({ plugin, backends: "ts", seed: 5 });
    expect(await requests(seeded)).toBe(1);
    const otherSeed = await createHost({ plugin, backends: "ts", seed: 6 });
    expect(await requests(otherSeed)).toBe(1);
    const workers = await createHost({ plugin, backends: "ts", seed: 5, concurrency: 2 });
    expect(await requests(workers)).toBe(1);
    const again = await createHost({ plugin, backends: "ts", seed: 5 });
    expect(await requests(again)).toBe(2);
    await Promise.all([seeded, otherSeed, workers, again].map((h) => h.close()));
  });

  it("start afresh when the plugin's module was evaluated again (a new plugin object of the same name)", async () => {
    const first = await createHost({ plugin: metered("pool-reloaded"), backends: "ts" });
    expect(await requests(first)).toBe(1);
    const reloaded = await createHost({ plugin: metered("pool-reloaded"), backends: "ts" });
    expect(configured(reloaded)).toBe(0);
    expect(reloaded.configId).toBe(1);
    await Promise.all([first.close(), reloaded.close()]);
  });

  it("send each host's requests to its own config", async () => {
    const tagger = definePlugin<{ tag: string }>({
      name: "pool-tagger",
      create: (_ctx, config) => ({
        decodeHeaders: (headers) => {
          headers.set("x-tag", config.tag);
          return Status.Continue;
        },
      }),
    });
    const a = await createHost({ plugin: tagger, config: { tag: "a" }, backends: "ts" });
    const b = await createHost({ plugin: tagger, config: { tag: "b" }, backends: "ts" });
    expect((await a.request()).upstream?.header("x-tag")).toBe("a");
    expect((await b.request()).upstream?.header("x-tag")).toBe("b");
    expect((await b.request({ configId: a.configId })).upstream?.header("x-tag")).toBe("a");
    await Promise.all([a.close(), b.close()]);
  });

  it("keep a closed host closed while the shared host goes on", async () => {
    const plugin = metered("pool-closed");
    const closed = await createHost({ plugin, backends: "ts" });
    await closed.close();
    await expect(closed.request()).rejects.toThrow("this host is closed");
    const open = await createHost({ plugin, backends: "ts" });
    expect(await requests(open)).toBe(1);
    await open.close();
  });
});
