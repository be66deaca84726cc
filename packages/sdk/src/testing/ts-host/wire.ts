import type { HeaderList, WireBody } from "../protocol.js";
import { strictTextOf } from "./bytes.js";

/** A body as the protocol writes it: `body` when it is UTF-8 text, else `bodyBase64`. */
export function wireBody(bytes: Uint8Array): WireBody {
  const text = strictTextOf(bytes);
  return text !== undefined ? { body: text } : { bodyBase64: Buffer.from(bytes).toString("base64") };
}

/** Reads `body` / `bodyBase64` (input accepts either); absent means no body. */
export function bytesOfWireBody(source: WireBody, where: string): Uint8Array | undefined {
  if (source.body !== undefined && source.bodyBase64 !== undefined) {
    throw new TypeError(`${where}: give body or bodyBase64, not both`);
  }
  if (source.body !== undefined) {
    if (typeof source.body !== "string") throw new TypeError(`${where}.body must be a string`);
    return new TextEncoder().encode(source.body);
  }
  if (source.bodyBase64 !== undefined) {
    if (typeof source.bodyBase64 !== "string") throw new TypeError(`${where}.bodyBase64 must be a string`);
    return new Uint8Array(Buffer.from(source.bodyBase64, "base64"));
  }
  return undefined;
}

export function checkHeaderList(value: unknown, where: string): HeaderList {
  if (!Array.isArray(value) || !value.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === "string" && typeof p[1] === "string")) {
    throw new TypeError(`${where} must be an array of [name, value] string pairs`);
  }
  return value as HeaderList;
}
