import { readFileSync } from "node:fs";
import type { RequestOptions } from "@mosn-ts/sdk/testing";
import { CliError } from "./errors.js";

/** A scenarios file (docs/scenarios.md): one config and the requests to send through it. */
export interface ScenarioFile {
  description?: string;
  plugin?: string;
  config?: unknown;
  consumers?: unknown[];
  seed?: number;
  requests: Scenario[];
}

export type Scenario = RequestOptions & { name?: string };

// The keys each level accepts. Kept in step with docs/scenarios.md and the SDK's RequestOptions.
const FILE_KEYS = ["description", "plugin", "config", "consumers", "seed", "requests"];
const BODY_KEYS = ["headers", "body", "json", "chunks", "trailers"];
const REQUEST_KEYS = [
  "name",
  "method",
  "path",
  "authority",
  "scheme",
  ...BODY_KEYS,
  "upstream",
  "reset",
  "streamInfo",
  "properties",
  "secrets",
  "metadata",
  "filterState",
  "consumer",
  "idleTimeoutMs",
];
const UPSTREAM_KEYS = ["status", ...BODY_KEYS, "echo", "delay"];
const STREAM_INFO_KEYS = [
  "routeName",
  "filterChainName",
  "protocol",
  "downstreamLocalAddress",
  "downstreamRemoteAddress",
  "upstreamLocalAddress",
  "upstreamRemoteAddress",
  "upstreamClusterName",
  "virtualClusterName",
  "attemptCount",
  "workerId",
];

/** Reads and checks a scenarios file; every problem is a CliError naming the file and where in it. */
export function readScenarios(path: string): ScenarioFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (err as Error).message;
    throw new CliError(`cannot read scenarios from ${path}: ${why} (see docs/scenarios.md for the format)`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${path}: invalid JSON: ${(err as Error).message}`);
  }
  return checkScenarios(data, path);
}

/** Checks the shape of a parsed scenarios file: known keys only, at every level, with the right types. */
export function checkScenarios(data: unknown, path: string): ScenarioFile {
  const fail = (where: string, problem: string): never => {
    throw new CliError(`${path}: ${where}: ${problem}`);
  };
  if (!isObject(data)) fail("the file", 'expected an object with a "requests" array');
  const file = data as Record<string, unknown>;
  checkKeys(file, FILE_KEYS, "the file", fail);
  if (!Array.isArray(file.requests)) fail("the file", 'expected a "requests" array');
  if (file.description !== undefined && typeof file.description !== "string") fail("description", "expected a string");
  if (file.plugin !== undefined && typeof file.plugin !== "string") fail("plugin", "expected a plugin name (a string)");
  if (file.consumers !== undefined && !Array.isArray(file.consumers)) fail("consumers", "expected an array of consumers");
  if (file.seed !== undefined && !Number.isSafeInteger(file.seed)) fail("seed", "expected an integer");
  (file.requests as unknown[]).forEach((request, i) => checkRequest(request, i, fail));
  return data as ScenarioFile;
}

/** How a request is named in errors: its index, and its name when it has one. */
export function scenarioLabel(request: unknown, index: number): string {
  const name = isObject(request) && typeof request.name === "string" ? ` ("${request.name}")` : "";
  return `requests[${index}]${name}`;
}

function checkRequest(request: unknown, index: number, fail: (where: string, problem: string) => never): void {
  const label = scenarioLabel(request, index);
  if (!isObject(request)) fail(label, "expected an object");
  const req = request as Record<string, unknown>;
  checkKeys(req, REQUEST_KEYS, label, fail);
  if (req.name !== undefined && typeof req.name !== "string") fail(label, '"name" must be a string');
  if (req.upstream !== undefined) {
    if (!isObject(req.upstream)) fail(label, '"upstream" must be an object');
    checkKeys(req.upstream as Record<string, unknown>, UPSTREAM_KEYS, `${label}.upstream`, fail);
  }
  if (req.streamInfo !== undefined) {
    if (!isObject(req.streamInfo)) fail(label, '"streamInfo" must be an object');
    checkKeys(req.streamInfo as Record<string, unknown>, STREAM_INFO_KEYS, `${label}.streamInfo`, fail);
  }
}

function checkKeys(
  obj: Record<string, unknown>,
  allowed: string[],
  where: string,
  fail: (where: string, problem: string) => never,
): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(where, `unknown key "${key}"; allowed: ${allowed.join(", ")}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
