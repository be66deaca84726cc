const encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is part of the body, as it is to Go.
const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function utf8(data: string | Uint8Array): Uint8Array {
  return typeof data === "string" ? encoder.encode(data) : data;
}

/** UTF-8 text; invalid sequences become U+FFFD. */
export function textOf(bytes: Uint8Array): string {
  return lenientDecoder.decode(bytes);
}

/** The text when `bytes` is valid UTF-8, else undefined. */
export function strictTextOf(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
