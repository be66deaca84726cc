/** A problem found while compiling, tsc-style: 1-based line and column. */
export interface Diagnostic {
  /** Stable code, "MTS" + 4 digits. */
  code: string;
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  message: string;
  /** A suggested rewrite. */
  hint?: string;
  /** Length of the offending source span, for the code frame's underline. */
  length?: number;
}

/** The JSON type descriptor of a plugin's Config type (docs/architecture.md, "Config decoding"). */
export type TypeDescriptor =
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "boolean" }
  | { kind: "null" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "array"; element: TypeDescriptor }
  | { kind: "record"; value: TypeDescriptor }
  | { kind: "object"; name: string; fields: FieldDescriptor[] }
  | { kind: "union"; options: TypeDescriptor[] };

export interface FieldDescriptor {
  name: string;
  optional: boolean;
  type: TypeDescriptor;
}

export interface CompiledPlugin {
  name: string;
  /** Absolute path of the module that default-exports the plugin. */
  entry: string;
  schema: TypeDescriptor;
}

export interface CompileResult {
  /** false when any error diagnostic exists; then nothing was written. */
  ok: boolean;
  diagnostics: Diagnostic[];
  plugins: CompiledPlugin[];
  /** Absolute paths written. */
  goFiles: string[];
  /**
   * Where the time went, in milliseconds (for benchmarks): load = parse and bind,
   * check = TypeScript's type check, lower = TypeScript to Go, format = printing, gofmt, writing.
   */
  timings?: { load: number; check: number; lower: number; format: number };
}

export interface CompileProjectOptions {
  /** Folder with the plugin sources. */
  projectDir: string;
  /** Plugin modules, each default-exporting definePlugin({...}). */
  entries: string[];
  /** The Go folder to write (dist/go). */
  outDir: string;
  /** Absolute path of envoy-go-runtime, for go.mod's replace. */
  runtimeDir: string;
  /** Go module name, e.g. "mosnts.local/header-guard". */
  moduleName: string;
}

export interface CompileProgramOptions {
  /** The program: top-level statements, console.log. */
  file: string;
  outDir: string;
  runtimeDir: string;
  /**
   * Internal (differential tests): emit the program as the non-main package of this name,
   * with an exported Main(), and write only its .go file(s) — no go.mod or main.go.
   */
  asPackage?: string;
  /**
   * Tests only: writes, at the program's first statement, Go that does not build (to test
   * how a build failure of generated code is reported).
   */
  injectGoErrorForTest?: boolean;
}
