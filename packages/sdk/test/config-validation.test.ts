import { describe, expect, it } from "vitest";
import { validateConfig } from "../src/testing/config-validation.js";
import { parseJsonText } from "../src/testing/json-syntax.js";
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
});

// The runtime's JSON parser (envoy-go-runtime/js) reports byte positions with these texts.
describe("invalid JSON", () => {
  it.each([
    ["", "unexpected end of input at position 0"],
    ["{", "expected property name, got end of input at position 1"],
    ['{"a" 1}', "expected ':', got character '1' at position 5"],
    ['{"a":1 "b"}', "expected ',' or '}', got character '\"' at position 7"],
    ["[1 2]", "expected ',' or ']', got character '2' at position 3"],
    ["nul", "unexpected character 'n' at position 0"],
    ["{} x", "unexpected character 'x' after JSON value at position 3"],
    ['"ab', "unterminated string at position 3"],
    ['"a\tb"', "bad control character in string at position 2"],
    ['"\\x"', "bad escaped character at position 2"],
    ['"\\u12g4"', "bad unicode escape at position 3"],
    ["-", "no number after minus sign at position 1"],
    ["1.", "unterminated fractional number at position 2"],
    ["1e+", "exponent part is missing a number at position 3"],
    ["é", "unexpected character 'é' at position 0"],
    ['"é" é', "unexpected character 'é' after JSON value at position 5"],
  ])("%j → %s", (text, message) => {
    expect(parseJsonText(text)).toEqual({ error: message });
  });

  it("parses valid JSON as JSON.parse does", () => {
    expect(parseJsonText(' {"a":[1,2.5e1,true,null],"a":"x"} ')).toEqual({ value: { a: "x" } });
  });
});
