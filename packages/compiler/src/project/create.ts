import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { GLOBALS_FILE, GLOBALS_SOURCE } from "./globals.js";
import { sdkLocation } from "./sdk-location.js";

export interface LoadedProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** The user's source files to lower, entries first, then what they import. */
  userFiles: ts.SourceFile[];
  /** Root folder of the SDK sources (its declarations are intrinsics). */
  sdkRoot: string;
}

/** The compiler options every compile uses: strict, ES2023 library, no @types, `@mosn-ts/sdk` mapped to the compiler's SDK. */
export function compilerOptions(): ts.CompilerOptions {
  const sdk = sdkLocation();
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Every file is a module (a standalone program has no import/export).
    moduleDetection: ts.ModuleDetectionKind.Force,
    strict: true,
    // Reading past the end of an array or a Record gives undefined in JS: the type says so.
    noUncheckedIndexedAccess: true,
    lib: ["lib.es2023.d.ts"],
    types: [],
    skipLibCheck: true,
    noEmit: true,
    isolatedModules: true,
    paths: { "@mosn-ts/sdk": [sdk.entry] },
  };
}

let previous: ts.Program | undefined;
const libDir = resolve(ts.getDefaultLibFilePath({})).replace(/[^/]+$/, "");
const libFiles = new Map<string, ts.SourceFile>();

/** Creates one TypeScript program for a compile: the entries, what they import, and the globals declarations. */
export function loadProgram(entries: string[]): LoadedProgram {
  const sdk = sdkLocation();
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  let globals: ts.SourceFile | undefined;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === GLOBALS_FILE) {
      globals ??= ts.createSourceFile(GLOBALS_FILE, GLOBALS_SOURCE, languageVersion, true);
      return globals;
    }
    // TypeScript's lib files never change while the process runs: parsed once.
    if (fileName.startsWith(libDir)) {
      let sf = libFiles.get(fileName);
      if (!sf) {
        sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (sf) libFiles.set(fileName, sf);
      }
      return sf;
    }
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => f === GLOBALS_FILE || fileExists(f);
  for (const e of entries) {
    if (!ts.sys.fileExists(e)) throw new Error(`cannot read ${e}`);
  }
  // The previous program lets TypeScript reuse what did not change (the lib and SDK files above
  // all): a second compile in one process (mosn-ts test, watch, the benchmark) skips their parsing.
  const program = ts.createProgram({ rootNames: [...entries.map((e) => resolve(e)), GLOBALS_FILE], options, host, ...(previous ? { oldProgram: previous } : {}) });
  previous = program;
  const sdkRoot = realpathSync(sdk.root);
  const loaded: LoadedProgram = { program, checker: program.getTypeChecker(), userFiles: [], sdkRoot };
  const seen = new Set<string>();
  for (const e of entries) addUserFile(program, program.getSourceFile(resolve(e))!, sdkRoot, loaded.userFiles, seen);
  return loaded;
}

/** The user files of one entry within a loaded program: the entry, then what it imports. */
export function userFilesOf(loaded: LoadedProgram, entry: string): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  addUserFile(loaded.program, loaded.program.getSourceFile(resolve(entry))!, loaded.sdkRoot, out, new Set());
  return out;
}

function isUserFile(sf: ts.SourceFile, sdkRoot: string): boolean {
  return !sf.isDeclarationFile && !sf.fileName.startsWith(sdkRoot) && !sf.fileName.includes("/node_modules/");
}

/** Adds sf and, depth first, the project files it imports. */
function addUserFile(program: ts.Program, sf: ts.SourceFile, sdkRoot: string, out: ts.SourceFile[], seen: Set<string>): void {
  if (seen.has(sf.fileName)) return;
  seen.add(sf.fileName);
  out.push(sf);
  for (const stmt of sf.statements) {
    if ((ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const resolved = ts.resolveModuleName(stmt.moduleSpecifier.text, sf.fileName, program.getCompilerOptions(), ts.sys);
      const target = resolved.resolvedModule && program.getSourceFile(resolved.resolvedModule.resolvedFileName);
      if (target && isUserFile(target, sdkRoot)) addUserFile(program, target, sdkRoot, out, seen);
    }
  }
}

/**
 * The order in which JavaScript evaluates the modules of a program: imports first, depth
 * first, each module once (ES module evaluation). `import type` loads nothing.
 */
export function evaluationOrder(loaded: LoadedProgram, entries: string[]): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  const seen = new Set<string>();
  const program = loaded.program;
  const visit = (sf: ts.SourceFile): void => {
    if (seen.has(sf.fileName)) return;
    seen.add(sf.fileName);
    for (const stmt of sf.statements) {
      if (!(ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) || !stmt.moduleSpecifier || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
      if (ts.isImportDeclaration(stmt) && stmt.importClause?.isTypeOnly) continue;
      if (ts.isExportDeclaration(stmt) && stmt.isTypeOnly) continue;
      const resolved = ts.resolveModuleName(stmt.moduleSpecifier.text, sf.fileName, program.getCompilerOptions(), ts.sys);
      const target = resolved.resolvedModule && program.getSourceFile(resolved.resolvedModule.resolvedFileName);
      if (target && isUserFile(target, loaded.sdkRoot)) visit(target);
    }
    out.push(sf);
  };
  for (const entry of entries) visit(program.getSourceFile(resolve(entry))!);
  return out;
}
