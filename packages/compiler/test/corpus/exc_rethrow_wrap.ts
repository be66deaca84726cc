class WrappedError extends Error {
  constructor(message: string, readonly inner: Error) { super(message); this.name = "WrappedError"; }
}
function parseConfig(text: string): Record<string, number> {
  try { return JSON.parse(text) as Record<string, number>; }
  catch (e) { throw new WrappedError("config invalid", e as Error); }
}
for (const t of ['{"a":1}', "{bad"]) {
  try { console.log(parseConfig(t)); }
  catch (e) { if (e instanceof WrappedError) console.log(e.name, e.message, "<-", e.inner.name, e.inner.message); }
}
