import type { HeaderList, RequestOptions, RequestResultData } from "@mosn-ts/sdk/testing";

/** Prints one mock-host result for a person: what went upstream, what came back, and why. */
export function printResult(
  title: string,
  request: RequestOptions,
  result: RequestResultData,
  log: (line: string) => void,
): void {
  log(`\n▶ ${title}`);
  log(`  request   ${request.method ?? "GET"} ${request.path ?? "/"}`);
  if (result.upstream === null) {
    log("  upstream  (not reached)");
  } else {
    log(`  upstream  received ${headerText(result.upstream.headers)}`);
    if (result.upstream.body) log(`            body ${result.upstream.body}`);
  }
  if (result.response === null) {
    log("  client    (stream reset)");
  } else {
    log(`  client    ${result.response.status} ${headerText(result.response.headers)}`);
    if (result.response.body) log(`            body ${result.response.body.trimEnd()}`);
  }
  log(`  trace     ${result.trace.map((t) => (t.status ? `${t.hook}→${t.status}` : t.hook)).join(", ")}`);
  for (const line of result.logs) log(`  log       [${line.level}] ${line.message}`);
  // What the filter left for other filters and access logs, when it left anything.
  const extras: [string, unknown][] = [
    ["metadata", result.metadata],
    ["state", result.filterState],
    ["metrics", result.metrics],
    ["route", result.routeCache],
    ["override", result.upstreamOverrideHost],
    ["drain", result.drainConnection],
  ];
  for (const [label, value] of extras) {
    if (value !== undefined) log(`  ${label.padEnd(9)} ${JSON.stringify(value)}`);
  }
}

function headerText(headers: HeaderList): string {
  return headers.map(([k, v]) => `${k}: ${v}`).join(" | ") || "(no headers)";
}
