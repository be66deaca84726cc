/**
 * Parses a config's JSON text. The runtime's parser (envoy-go-runtime/js) reports invalid
 * JSON with the messages of V8's JSON.parse (positions in UTF-16 code units), so the
 * TypeScript host, which runs in Node, uses JSON.parse's own message: both backends then
 * reject the same text with the same words by construction.
 */
export function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: err instanceof SyntaxError ? err.message : String(err) };
  }
}
