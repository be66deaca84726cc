import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/testing/config-validation.js";
import { parseJsonText } from "../src/testing/json-text.js";
import type { TypeDescriptor } from "../src/testing/type-descriptor.js";

const str: TypeDescriptor = { kind: "string" };
const num: TypeDescriptor = { kind: "number" };
const lit = (value: string | number | boolean | null): TypeDescriptor => ({ kind: "literal", value });

const guard: TypeDescriptor = {
  kind: "object",
  name: "HeaderGuardConfig",
  fields: [
    { name: "requiredHeader", optional: false, type: str },
    { name: "stripResponseHeaders", optional: false, type: { kind: "array", element: str } },
    { name: "requestIdPrefix", optional: true, type: str },
  ],
};

function problem(type: TypeDescriptor, value: unknown): string | null {
  const p = validateConfig(type, value);
  return p === null ? null : `${p.path}: ${p.problem}`;
}

describe("config validation (docs/architecture.md, Config decoding)", () => {
  it("accepts a conforming config, with or without optional fields", () => {
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: [] })).toBeNull();
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: ["a"], requestIdPrefix: "p-" })).toBeNull();
  });

  it("reports a wrong JSON type with both type names", () => {
    expect(problem(guard, { requiredHeader: 5, stripResponseHeaders: [] })).toBe("$.requiredHeader: expected string, got number");
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: "a" })).toBe("$.stripResponseHeaders: expected array, got string");
    expect(problem(guard, [])).toBe("$: expected object, got array");
    expect(problem(num, true)).toBe("$: expected number, got boolean");
    expect(problem({ kind: "null" }, {})).toBe("$: expected null, got object");
  });

  it("names array elements by index", () => {
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: ["a", null] })).toBe(
      "$.stripResponseHeaders[1]: expected string, got null",
    );
  });

  it("does not accept null for an optional field", () => {
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: [], requestIdPrefix: null })).toBe(
      "$.requestIdPrefix: expected string, got null",
    );
  });

  it("reports a missing required field at the field's path", () => {
    expect(problem(guard, { stripResponseHeaders: [] })).toBe("$.requiredHeader: missing required field");
  });

  it("reports an unknown field at its path, after the declared fields are checked", () => {
    expect(problem(guard, { requiredHeadr: "x", stripResponseHeaders: [] })).toBe("$.requiredHeader: missing required field");
    expect(problem(guard, { extra: 1, requiredHeader: "x", stripResponseHeaders: [] })).toBe("$.extra: unknown field");
    expect(problem(guard, { requiredHeader: "x", stripResponseHeaders: [], "x-y": 1 })).toBe('$["x-y"]: unknown field');
  });

  it("reports literal mismatches with the JSON text of both values", () => {
    expect(problem(lit("allow"), "x")).toBe('$: expected "allow", got "x"');
    expect(problem(lit(3), 4)).toBe("$: expected 3, got 4");
    expect(problem(lit(true), [])).toBe("$: expected true, got array");
  });

  it("reports a literal union mismatch with every option", () => {
    const mode: TypeDescriptor = { kind: "union", options: [lit("allow"), lit("deny")] };
    expect(problem(mode, "allow")).toBeNull();
    expect(problem(mode, "x")).toBe('$: expected "allow" | "deny", got "x"');
    expect(problem(mode, 1)).toBe('$: expected "allow" | "deny", got 1');
  });

  it("shows the value's type for a union that is not all literals", () => {
    const maybe: TypeDescriptor = { kind: "union", options: [str, { kind: "null" }] };
    expect(problem(maybe, null)).toBeNull();
    expect(problem(maybe, 5)).toBe("$: expected string | null, got number");
    const mixed: TypeDescriptor = { kind: "union", options: [lit("auto"), num] };
    expect(problem(mixed, "x")).toBe('$: expected "auto" | number, got string');
  });

  it("reports the problem inside the first union option of the value's JSON type", () => {
    const listOrNull: TypeDescriptor = { kind: "union", options: [{ kind: "array", element: num }, { kind: "null" }] };
    expect(problem(listOrNull, [1, "2"])).toBe("$[1]: expected number, got string");
    const objOrString: TypeDescriptor = { kind: "union", options: [str, guard] };
    expect(problem(objOrString, { requiredHeader: "x" })).toBe("$.stripResponseHeaders: missing required field");
  });

  it("checks record values under their keys", () => {
    const limits: TypeDescriptor = { kind: "record", value: num };
    expect(problem(limits, { a: 1, "b c": 2 })).toBeNull();
    expect(problem(limits, { a: 1, "b c": "2" })).toBe('$["b c"]: expected number, got string');
    expect(problem(limits, [])).toBe("$: expected object, got array");
  });

  // JSON.parse builds the object, so its members come in JavaScript's property order: keys
  // that are array indices ascending, then the others in document order.
  const parsed = (text: string) => (parseJsonText(text) as { value: unknown }).value;

  it("checks record members in JavaScript's property order", () => {
    const limits: TypeDescriptor = { kind: "record", value: num };
    expect(problem(limits, parsed('{"b": "x", "10": "y", "2": "z"}'))).toBe('$["2"]: expected number, got string');
  });

  it("reports unknown members in JavaScript's property order", () => {
    expect(problem(guard, parsed('{"requiredHeader": "x", "stripResponseHeaders": [], "zz": 1, "7": 2}'))).toBe('$["7"]: unknown field');
  });

  it("takes a JSON member named __proto__ as an own member, as JSON.parse does", () => {
    const labels: TypeDescriptor = { kind: "record", value: str };
    expect(problem(labels, parsed('{"__proto__": "x", "a": "y"}'))).toBeNull();
    expect(problem(labels, parsed('{"__proto__": 1}'))).toBe("$.__proto__: expected string, got number");
    expect(problem(guard, parsed('{"requiredHeader": "x", "stripResponseHeaders": [], "__proto__": {}}'))).toBe("$.__proto__: unknown field");
  });
});

// The runtime's JSON parser (envoy-go-runtime/js) reports V8's JSON.parse messages, with
// positions in UTF-16 code units; the TypeScript host passes JSON.parse's own on.
describe("invalid JSON", () => {
  it.each([
    ["", "Unexpected end of JSON input"],
    ["{", "Expected property name or '}' in JSON at position 1"],
    ['{"a" 1}', "Expected ':' after property name in JSON at position 5"],
    ['{"a":1 "b"}', "Expected ',' or '}' after property value in JSON at position 7"],
    ['{"a":1,}', "Expected double-quoted property name in JSON at position 7"],
    ["[1 2]", "Expected ',' or ']' after array element in JSON at position 3"],
    ["nul", "Unexpected end of JSON input"],
    ["x", `Unexpected token 'x', "x" is not valid JSON`],
    ['{"prefix": "long string here", "b": zzz}', `Unexpected token 'z', ..."re", "b": zzz}" is not valid JSON`],
    ["{} x", "Unexpected non-whitespace character after JSON at position 3"],
    ['"ab', "Unterminated string in JSON at position 3"],
    ['"a\tb"', "Bad control character in string literal in JSON at position 2"],
    ['"\\x"', "Bad escaped character in JSON at position 2"],
    ['"\\u12g4"', "Bad Unicode escape in JSON at position 5"],
    ["01", "Unexpected number in JSON at position 1"],
    ["-", "No number after minus sign in JSON at position 1"],
    ["1.", "Unterminated fractional number in JSON at position 2"],
    ["1e+", "Exponent part is missing a number in JSON at position 3"],
    ["NaN", '"NaN" is not valid JSON'],
    ['"é" é', "Unexpected non-whitespace character after JSON at position 4"],
  ])("%j → %s", (text, message) => {
    expect(parseJsonText(text)).toEqual({ error: message });
  });

  it("parses valid JSON as JSON.parse does", () => {
    expect(parseJsonText(' {"a":[1,2.5e1,true,null],"a":"x"} ')).toEqual({ value: { a: "x" } });
  });
});
