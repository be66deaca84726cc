import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listTemplates } from "../src/commands/init.js";
import { templatesDir } from "../src/locations.js";
import { checkScenarios } from "../src/scenarios.js";
import { CliError } from "../src/errors.js";
import { mosnTs } from "./helpers.js";
import { projectWith } from "./fixtures.js";

const errorOf = (data: unknown): string => {
  try {
    checkScenarios(data, "s.json");
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    return (err as Error).message;
  }
  throw new Error("accepted");
};

describe("a scenarios file", () => {
  it("with an unknown key in a request is rejected, naming the request, the key and the allowed keys", () => {
    const message = errorOf({ requests: [{ path: "/" }, { name: "second", path: "/", header: { a: "b" } }] });
    expect(message).toMatch(/^s\.json: requests\[1\] \("second"\): unknown key "header"; allowed: name, method, path, .*headers/);
    expect(errorOf({ requests: [{ pth: "/" }] })).toContain('s.json: requests[0]: unknown key "pth"');
  });

  it("with an unknown key at the top, in upstream or in streamInfo is rejected", () => {
    expect(errorOf({ request: [] })).toMatch(/^s\.json: the file: unknown key "request"; allowed: description, plugin, config, consumers, seed, requests$/);
    expect(errorOf({ requests: [{ name: "up", upstream: { code: 200 } }] })).toMatch(
      /requests\[0\] \("up"\)\.upstream: unknown key "code"; allowed: status, /,
    );
    expect(errorOf({ requests: [{ streamInfo: { route: "r" } }] })).toContain('requests[0].streamInfo: unknown key "route"');
  });

  it("with values of the wrong type is rejected", () => {
    expect(errorOf({})).toContain('expected a "requests" array');
    expect(errorOf({ requests: [], seed: 1.5 })).toContain("seed: expected an integer");
    expect(errorOf({ requests: ["/"] })).toContain("requests[0]: expected an object");
    expect(errorOf({ requests: [{ upstream: 200 }] })).toContain('requests[0]: "upstream" must be an object');
  });

  it("of every template is valid", () => {
    for (const template of listTemplates()) {
      const text = readFileSync(join(templatesDir(), template, "files", "scenarios.json"), "utf8");
      const file = checkScenarios(JSON.parse(text.replaceAll("{{name}}", "x")), template);
      expect(file.requests.length, template).toBeGreaterThan(0);
    }
  });
});

describe("mosn-ts run", () => {
  it("stops on a scenarios file with an unknown key, before building", async () => {
    const dir = projectWith("tagger", { configs: { tagger: { tag: "x" } } });
    writeFileSync(join(dir, "scenarios.json"), JSON.stringify({ requests: [{ name: "typo", path: "/", upstrem: { status: 500 } }] }));
    const run = await mosnTs(["run"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`${join(dir, "scenarios.json")}: requests[0] ("typo"): unknown key "upstrem"; allowed:`);
    expect(run.all).not.toContain("built ");
  });

  it("reports a value the request builder refuses with the request's name", async () => {
    const dir = projectWith("tagger", { configs: { tagger: { tag: "x" } } });
    writeFileSync(join(dir, "s.json"), JSON.stringify({ requests: [{ name: "two bodies", body: "a", json: {} }] }));
    const run = await mosnTs(["run", "s.json"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('requests[0] ("two bodies"): request: give at most one of body, json and chunks');
  });

  it("without a scenarios file says where it looked and where the format is described", async () => {
    const dir = projectWith("tagger", { configs: { tagger: { tag: "x" } } });
    const run = await mosnTs(["run"], dir);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`cannot read scenarios from ${join(dir, "scenarios.json")}: no such file (see docs/scenarios.md`);
  });
});
