import { definePlugin, type Filter, type RequestHeaders, Status } from "@mosn-ts/sdk";

/** The plugin takes no settings. */
interface HeaderBenchConfig {}

/** Reads four request headers, sets three and removes one (reference/headerbench/main.go). */
class HeaderBench implements Filter {
  decodeHeaders(headers: RequestHeaders, endStream: boolean): Status {
    const a = headers.get("x-bench-a") ?? "-";
    const b = headers.get("x-bench-b") ?? "-";
    const c = headers.get("x-bench-c") ?? "-";
    const d = headers.get("x-bench-d") ?? "-";
    headers.set("x-bench-out-1", a);
    headers.set("x-bench-out-2", b);
    headers.set("x-bench-out-3", d);
    if (c !== "-") headers.remove("x-bench-remove");
    return Status.Continue;
  }
}

export default definePlugin<HeaderBenchConfig>({
  name: "header-bench",
  create: () => new HeaderBench(),
});
