import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import type { Socket } from "node:net";
import { HostProtocolError } from "../errors.js";
import type { ConfigAnswer, ConfigOp, RequestOp, RequestResultData } from "../protocol.js";
import { track, untrack } from "./process-registry.js";

const STDERR_KEPT = 8192;

export interface NativeHostOptions {
  /** The mock host binary (`$MOSN_TS_MOCKHOST`). */
  binary: string;
  /** The plugin's .so. */
  soPath: string;
  /** Passed as `--seed N`: the .so reads its seed when it is loaded. */
  seed?: number;
}

interface Pending {
  resolve(value: Record<string, unknown>): void;
  reject(err: Error): void;
}

/**
 * A client of the native mock host: one process, JSON lines on stdin/stdout, one operation at
 * a time (each input line gets exactly one output line, in order).
 */
export class NativeHost {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Pending[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private stderr = "";
  private exited: Error | null = null;

  constructor(options: NativeHostOptions) {
    const args = [options.soPath, ...(options.seed === undefined ? [] : ["--seed", String(options.seed)])];
    this.child = spawn(options.binary, args, { stdio: ["pipe", "pipe", "pipe"] });
    track(this.child);
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEPT);
    });
    this.child.stdin.on("error", () => {
      // EPIPE after the host died: reported through "exit".
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => this.onLine(line));
    this.child.on("error", (err) => this.fail(new HostProtocolError(`cannot run the native host ${options.binary}: ${err.message}`)));
    this.child.on("exit", (code, signal) => {
      const how = signal !== null ? `signal ${signal}` : `code ${String(code)}`;
      this.fail(new HostProtocolError(`native host exited (${how})${this.stderrTail()}`));
    });
    this.idle();
  }

  /** False once the process has exited (or could not start). */
  get running(): boolean {
    return this.exited === null && this.child.exitCode === null && this.child.signalCode === null;
  }

  config(op: ConfigOp): Promise<ConfigAnswer> {
    return this.send(op, "config") as unknown as Promise<ConfigAnswer>;
  }

  request(op: RequestOp): Promise<RequestResultData> {
    return this.send(op, "result") as unknown as Promise<RequestResultData>;
  }

  /** Asks the host to exit and waits for it; kills it if it is not gone within two seconds. */
  async close(): Promise<void> {
    if (this.exited === null && this.child.exitCode === null && this.child.signalCode === null) {
      const gone = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
      const timer = setTimeout(() => this.child.kill("SIGKILL"), 2000);
      await Promise.race([this.send({ op: "exit" }, "exit").catch(() => undefined), gone]);
      // End of input makes the host exit too, should the exit op not have been read.
      this.child.stdin.end();
      await gone;
      clearTimeout(timer);
    }
    untrack(this.child);
  }

  /** Sends one line and resolves with its answer; operations are serialised. */
  private send(message: object, expectedOp: string): Promise<Record<string, unknown>> {
    const run = async () => {
      if (this.exited !== null) throw this.exited;
      const answer = await new Promise<Record<string, unknown>>((resolve, reject) => {
        this.waiting.push({ resolve, reject });
        this.busy();
        this.child.stdin.write(`${JSON.stringify(message)}\n`);
      });
      if (answer.op === "error") {
        throw new HostProtocolError(`native host refused ${JSON.stringify(message)}: ${String(answer.error)}`);
      }
      if (answer.op !== expectedOp) {
        throw new HostProtocolError(`native host answered ${JSON.stringify(answer)} to ${expectedOp}`);
      }
      return answer;
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private onLine(line: string): void {
    const pending = this.waiting.shift();
    if (this.waiting.length === 0) this.idle();
    if (pending === undefined) {
      this.fail(new HostProtocolError(`native host wrote an unrequested line: ${line}`));
      return;
    }
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("not a JSON object");
      pending.resolve(value as Record<string, unknown>);
    } catch (err) {
      pending.reject(new HostProtocolError(`native host wrote a line that is not a JSON object (${(err as Error).message}): ${line}`));
    }
  }

  private fail(err: Error): void {
    if (this.exited === null) this.exited = err;
    for (const pending of this.waiting.splice(0)) pending.reject(err);
  }

  /** While waiting for an answer the host keeps Node alive; while idle it does not. */
  private busy(): void {
    this.child.ref();
    (this.child.stdout as unknown as Socket).ref?.();
  }

  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as Socket).unref?.();
    (this.child.stderr as unknown as Socket).unref?.();
    (this.child.stdin as unknown as Socket).unref?.();
  }

  private stderrTail(): string {
    const tail = this.stderr.trim();
    return tail === "" ? "" : `; its stderr ends with:\n${tail}`;
  }
}
