// The query string of a request path. The compiled subset has regular expressions (RE2,
// docs/subset.md) but no URL or URLSearchParams, so the pairs are split by hand.

/** The path without its query string. */
export function pathWithoutQuery(path: string): string {
  const q = path.indexOf("?");
  return q < 0 ? path : path.slice(0, q);
}

/** The name of one `name=value` pair of a query string, decoded. */
function pairName(pair: string): string {
  const eq = pair.indexOf("=");
  return decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
}

/**
 * The decoded value of the first query parameter called `name` (`?name` alone is ""), or
 * undefined when there is none.
 */
export function queryParameter(path: string, name: string): string | undefined {
  const q = path.indexOf("?");
  if (q < 0) return undefined;
  for (const pair of path.slice(q + 1).split("&")) {
    if (pairName(pair) === name) {
      const eq = pair.indexOf("=");
      return eq < 0 ? "" : decodeQueryComponent(pair.slice(eq + 1));
    }
  }
  return undefined;
}

/** The path without any query parameter called `name`; without the `?` when none is left. */
export function withoutQueryParameter(path: string, name: string): string {
  const q = path.indexOf("?");
  if (q < 0) return path;
  const kept: string[] = [];
  for (const pair of path.slice(q + 1).split("&")) {
    if (pairName(pair) !== name) kept.push(pair);
  }
  return kept.length === 0 ? path.slice(0, q) : `${path.slice(0, q)}?${kept.join("&")}`;
}

/**
 * Form decoding of one query component: `+` is a space and `%XX` the ASCII character XX.
 * Escapes of other bytes stay as written: API keys are ASCII, and decoding UTF-8 by hand is
 * not worth it here (decodeURIComponent would throw on them). `+` goes first, so an escaped
 * `%2B` stays a plus.
 */
export function decodeQueryComponent(text: string): string {
  return text.replace(/\+/g, " ").replace(/%([0-7][0-9a-fA-F])/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
