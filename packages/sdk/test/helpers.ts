import { createHost, type HostOptions } from "../src/testing/index.js";
import type { RequestOptions } from "../src/testing/request-options.js";
import type { RequestResult } from "../src/testing/result.js";

/** One request through `plugin` on the TypeScript host. */
export async function runTs<C>(
  plugin: HostOptions<C>["plugin"],
  request: RequestOptions = {},
  options: Partial<HostOptions<C>> = {},
): Promise<RequestResult> {
  const host = await createHost<C>({ plugin, backends: "ts", ...options });
  try {
    return await host.request(request);
  } finally {
    await host.close();
  }
}

/** The trace as compact strings: `decodeHeaders(end)=Continue`, `onDestroy:Normal`. */
export function steps(result: RequestResult): string[] {
  return result.trace.map((t) => {
    if (t.reason !== undefined) return `${t.hook}:${t.reason}`;
    if (t.status === undefined) return t.hook;
    const end = t.endStream === undefined ? "" : t.endStream ? "(end)" : "()";
    return `${t.hook}${end}=${t.status}`;
  });
}
