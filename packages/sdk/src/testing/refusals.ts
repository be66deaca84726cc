import type { LogLine } from "./protocol.js";

/** Where docs/subset.md explains what the compiled code refuses to do at run time. */
export const REFUSALS_DOC = "docs/subset.md#run-time-refusals";

/**
 * The errors the compiled runtime raises where the TypeScript would go on with a value the Go
 * side cannot hold (docs/subset.md, "Run-time refusals"). The texts are the runtime's
 * (envoy-go-runtime/js): an error's `String(err)` as a panic log line carries it.
 */
const REFUSAL_PATTERNS: RegExp[] = [
  // x! / xs[i]! / as T where nothing is there.
  /^TypeError: non-null assertion failed: /,
  // ... or the nil pointer such a value becomes, at its first use.
  /^(TypeError: )?runtime error: invalid memory address or nil pointer dereference/,
  // Arrays that would get holes.
  /^RangeError: writing index \d+ of an array of length \d+ would leave holes$/,
  /^RangeError: growing an array through length would leave holes$/,
  // JSON.parse(text) as T where the document is not a T.
  /^TypeError: JSON\.parse: the document does not match the declared type: /,
  // r["constructor"] and friends on a record.
  /^TypeError: reading the inherited Object\.prototype member .* through a Record is not supported$/,
  /^TypeError: assigning __proto__ through a Record is not supported$/,
  // Regular expressions RE2 cannot run as JavaScript would.
  /^TypeError: mosn-ts: /,
  // undefined where the compiled code holds a string array.
  /^TypeError: match group \d+ is undefined where a string array is used$/,
  /^TypeError: split\(\) with a capture group that did not take part would give undefined in a string array$/,
  // { ...defaults, ...partial } / Object.assign where the partial holds an explicit undefined or null.
  /^TypeError: cannot spread (undefined|null) into '[^']*' \((number|string|boolean)\)$/,
  /^TypeError: Object\.assign cannot copy (undefined|null) into '[^']*' \((number|string|boolean)\)$/,
];

/** The same texts anywhere in a line: a refusal the plugin caught and logged itself. */
const EMBEDDED_PATTERNS = REFUSAL_PATTERNS.map((p) => new RegExp(p.source.replace(/^\^/, "").replace(/\$$/, "")));

/** Whether an error text is one of the compiled code's run-time refusals. */
export function isRuntimeRefusal(message: string): boolean {
  return REFUSAL_PATTERNS.some((p) => p.test(message));
}

/** A refusal found in an answer: the error text, and where it happened. */
export interface Refusal {
  message: string;
  /** `decodeHeaders`, `create`, `configure`... */
  where: string;
}

const PANIC_LINE = /^panic in plugin "(?:[^"\\]|\\.)*" (\S+): ([\s\S]*)$/;
const CONFIG_ERROR = /^invalid config for plugin "(?:[^"\\]|\\.)*": ([\s\S]*)$/;

/**
 * The run-time refusal the native answer shows and the TypeScript answer does not: a panic
 * line of a hook, or a config rejected by a throw in `configure`. Null when there is none,
 * so the divergence has another cause.
 */
export function refusalOf(tsAnswer: unknown, nativeAnswer: unknown): Refusal | null {
  const tsLines = new Set(logLines(tsAnswer));
  const nativeOnly = logLines(nativeAnswer).filter((line) => !tsLines.has(line));
  for (const line of nativeOnly) {
    const panic = PANIC_LINE.exec(line);
    if (panic !== null && isRuntimeRefusal(panic[2]!)) return { message: panic[2]!, where: panic[1]! };
    const config = CONFIG_ERROR.exec(line);
    if (config !== null && isRuntimeRefusal(config[1]!)) return { message: config[1]!, where: "configure" };
  }
  // A refusal the plugin caught (try/catch) and logged: the rest of the line is the plugin's.
  for (const line of nativeOnly) {
    for (const pattern of EMBEDDED_PATTERNS) {
      const found = pattern.exec(line);
      if (found !== null) return { message: line.slice(found.index), where: "a line the plugin logged" };
    }
  }
  return null;
}

/** The log lines of a config answer or a request result. */
function logLines(answer: unknown): string[] {
  if (typeof answer !== "object" || answer === null) return [];
  const logs = (answer as { logs?: unknown }).logs;
  return Array.isArray(logs) ? (logs as LogLine[]).map((l) => l.message) : [];
}
