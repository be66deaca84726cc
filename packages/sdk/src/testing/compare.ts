/** Where two JSON values first differ: the path and both values (undefined when absent). */
export interface Difference {
  path: string;
  left: unknown;
  right: unknown;
}

/**
 * The first difference between two JSON values, depth first in document order. Paths read
 * like JavaScript property access from the root object: `response.headers[2]`, `trace[0].status`.
 * An array of scalars (a `[name, value]` header pair) counts as one value.
 */
export function firstDifference(left: unknown, right: unknown, path = ""): Difference | null {
  if (Object.is(left, right)) return null;
  const leftArray = Array.isArray(left);
  const rightArray = Array.isArray(right);
  if (leftArray && rightArray) {
    const l = left as unknown[];
    const r = right as unknown[];
    // A tuple of scalars (a [name, value] header pair) is reported whole.
    if (isScalarTuple(l) && isScalarTuple(r)) {
      return l.length === r.length && l.every((v, i) => Object.is(v, r[i])) ? null : { path: path === "" ? "(root)" : path, left, right };
    }
    for (let i = 0; i < Math.max(l.length, r.length); i++) {
      const d = firstDifference(l[i], r[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = [...Object.keys(left), ...Object.keys(right).filter((k) => !(k in left))];
    for (const key of keys) {
      const d = firstDifference(left[key], right[key], path === "" ? key : `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return { path: path === "" ? "(root)" : path, left, right };
}

function isScalarTuple(list: unknown[]): boolean {
  return list.length > 0 && list.every((v) => v === null || typeof v !== "object");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value for a one-line message: its JSON text, or `(absent)`. */
export function showValue(value: unknown): string {
  return value === undefined ? "(absent)" : JSON.stringify(value);
}

/** The protocol objects as JSON sees them (undefined members dropped), so both sides compare alike. */
export function normalise<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
