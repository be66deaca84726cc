import { describe, expect, it } from "vitest";
import { goModuleElement } from "../src/go/module-path.js";

describe("goModuleElement", () => {
  it("keeps a plain name and lower-cases it", () => {
    expect(goModuleElement("Header-Guard", "plugin")).toBe("header-guard");
  });
  it("replaces characters Go refuses and trims dots", () => {
    expect(goModuleElement(".my filter!.", "plugin")).toBe("my-filter-");
  });
  it("suffixes names Windows reserves, which Go refuses", () => {
    expect(goModuleElement("nul", "program")).toBe("nul-program");
    expect(goModuleElement("COM1.test", "program")).toBe("com1.test-program");
    expect(goModuleElement("null", "program")).toBe("null");
  });
  it("falls back when nothing is left", () => {
    expect(goModuleElement("...", "program")).toBe("program");
  });
});
