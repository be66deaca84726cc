import type { CapiError } from "./capi-status.js";

/**
 * A panic raised by the runtime itself (not by plugin code). The runtime logs it by its
 * message alone, as Go prints an error value, where a plugin's own Error shows as
 * `String(err)`.
 */
export class RuntimePanic extends Error {}

/** The text a recovered panic is logged with. */
export function panicText(err: unknown): string {
  return err instanceof RuntimePanic ? err.message : String(err);
}

/** How the runtime names a failing CAPIStatus in its errors (golangfilter's capiError). */
export function capiErrorText(status: CapiError): string {
  switch (status) {
    case "CAPIFilterIsGone":
      return "the stream is gone (CAPIFilterIsGone)";
    case "CAPIFilterIsDestroy":
      return "the stream was destroyed (CAPIFilterIsDestroy)";
    case "CAPINotInGo":
      return "the stream is not being processed by this filter now (CAPINotInGo)";
    case "CAPIInvalidPhase":
      return "not available in this phase (CAPIInvalidPhase)";
    case "CAPIValueNotFound":
      return "value not found (CAPIValueNotFound)";
    case "CAPIInternalFailure":
      return "internal failure (CAPIInternalFailure)";
    case "CAPISerializationFailure":
      return "serialization failure (CAPISerializationFailure)";
    case "CAPIInvalidScene":
      return "not allowed here (CAPIInvalidScene)";
    case "CAPIInvalidIPAddress":
      return "invalid IP address (CAPIInvalidIPAddress)";
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  '"': '\\"',
  "\\": "\\\\",
};

/** Go's `%q` of a string (strconv.Quote): printable characters as they are, others escaped. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const simple = SIMPLE_ESCAPES[ch];
    const cp = ch.codePointAt(0)!;
    if (simple !== undefined) out += simple;
    // A lone surrogate reaches Go as U+FFFD, which is printable.
    else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd";
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** The runtime's check of a header it is asked to write (Envoy does not check in release builds). */
export function headerProblem(name: string, value: string): string | null {
  if (name === "") return "invalid header name: empty";
  const nameBytes = new TextEncoder().encode(name);
  if (nameBytes.some((c) => c <= 0x20 || c === 0x7f)) return `invalid header name ${goQuote(name)}`;
  if (/[\0\r\n]/.test(value)) return `invalid value for header ${goQuote(name)}: contains NUL, CR or LF`;
  return null;
}
