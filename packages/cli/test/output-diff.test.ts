import { describe, expect, it } from "vitest";
import { firstDifferingLine } from "../src/output-diff.js";

describe("firstDifferingLine", () => {
  it("is null for the same text", () => {
    expect(firstDifferingLine("a\nb\n", "a\nb\n")).toBeNull();
    expect(firstDifferingLine("", "")).toBeNull();
  });

  it("names the first differing line, quoted", () => {
    expect(firstDifferingLine("a\nb \nc\n", "a\nb\nd\n")).toEqual({ line: 2, left: '"b "', right: '"b"' });
  });

  it("shows the end of the shorter output", () => {
    expect(firstDifferingLine("a\n", "a\nb\n")).toEqual({ line: 2, left: "(end of output)", right: '"b"' });
    expect(firstDifferingLine("", "\n")).toEqual({ line: 1, left: "(end of output)", right: '""' });
  });

  it("tells a missing final newline", () => {
    expect(firstDifferingLine("a\nb", "a\nb\n")).toEqual({ line: 2, left: '"b" (no newline at the end)', right: '"b"' });
  });
});
