import { existsSync, realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { Project, type SourceFile, ts } from "ts-morph";
import { GLOBALS_FILE, GLOBALS_SOURCE } from "./globals.js";
import { sdkLocation } from "./sdk-location.js";

export interface LoadedProgram {
  project: Project;
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

interface SharedProject {
  project: Project;
  sdkRoot: string;
  /**
   * ts-morph parses files without the module-detection options (dsherret/ts-morph#1611), so
   * `moduleDetection: force` alone would leave a file without import/export a global script.
   * TypeScript's own detection for our options, run on each file, makes it a module as tsc would.
   */
  markModule: (sf: ts.SourceFile) => void;
}

let shared: SharedProject | undefined;

/**
 * One ts-morph project per process. Its lib files come from ts-morph's in-memory copy (no
 * disk reads), and they, the SDK and the globals stay parsed and bound between compiles: a
 * second compile in one process (tests, the benchmark) re-reads only the user's files, and
 * ts-morph hands TypeScript the previous program to reuse.
 */
function sharedProject(): SharedProject {
  if (!shared) {
    const options = compilerOptions();
    const project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true });
    project.createSourceFile(GLOBALS_FILE, GLOBALS_SOURCE);
    const detection = ts as unknown as { getSetExternalModuleIndicator(o: ts.CompilerOptions): (sf: ts.SourceFile) => void };
    shared = { project, sdkRoot: realpathSync(sdkLocation().root), markModule: detection.getSetExternalModuleIndicator(options) };
  }
  return shared;
}

/** Loads one program for a compile: the entries, what they import, and the globals declarations. */
export function loadProgram(entries: string[]): LoadedProgram {
  const { project, sdkRoot, markModule } = sharedProject();
  for (const e of entries) {
    if (!existsSync(e) || !statSync(e).isFile()) throw new Error(`cannot read ${e}`);
  }
  // The previous compile's user files may have changed or be gone: they are read again.
  for (const sf of project.getSourceFiles()) {
    if (isUserFile(sf.compilerNode, sdkRoot)) project.removeSourceFile(sf);
  }
  const entryFiles = entries.map((e) => project.addSourceFileAtPath(resolve(e)));
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  // Before the checker binds them. Declaration files are parsed as tsc would already.
  for (const sf of program.getSourceFiles()) if (!sf.isDeclarationFile) markModule(sf);
  const loaded: LoadedProgram = { project, program, checker: project.getTypeChecker().compilerObject, userFiles: [], sdkRoot };
  const seen = new Set<string>();
  for (const sf of entryFiles) addUserFile(sf, sdkRoot, loaded.userFiles, seen);
  return loaded;
}

/** The user files of one entry within a loaded program: the entry, then what it imports. */
export function userFilesOf(loaded: LoadedProgram, entry: string): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  addUserFile(loaded.project.getSourceFileOrThrow(resolve(entry)), loaded.sdkRoot, out, new Set());
  return out;
}

function isUserFile(sf: ts.SourceFile, sdkRoot: string): boolean {
  return !sf.isDeclarationFile && !sf.fileName.startsWith(sdkRoot) && !sf.fileName.includes("/node_modules/");
}

/** The project files a module imports or re-exports from, in source order; `import type` too when `typesToo`. */
function importedUserFiles(sf: SourceFile, sdkRoot: string, typesToo: boolean): SourceFile[] {
  const out: SourceFile[] = [];
  for (const decl of [...sf.getImportDeclarations(), ...sf.getExportDeclarations()].sort((a, b) => a.getPos() - b.getPos())) {
    if (!typesToo && decl.isTypeOnly()) continue;
    const target = decl.getModuleSpecifierSourceFile();
    if (target && isUserFile(target.compilerNode, sdkRoot)) out.push(target);
  }
  return out;
}

/** Adds sf and, depth first, the project files it imports. */
function addUserFile(sf: SourceFile, sdkRoot: string, out: ts.SourceFile[], seen: Set<string>): void {
  if (seen.has(sf.getFilePath())) return;
  seen.add(sf.getFilePath());
  out.push(sf.compilerNode);
  for (const target of importedUserFiles(sf, sdkRoot, true)) addUserFile(target, sdkRoot, out, seen);
}

/**
 * The order in which JavaScript evaluates the modules of a program: imports first, depth
 * first, each module once (ES module evaluation). `import type` loads nothing.
 */
export function evaluationOrder(loaded: LoadedProgram, entries: string[]): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  const seen = new Set<string>();
  const visit = (sf: SourceFile): void => {
    if (seen.has(sf.getFilePath())) return;
    seen.add(sf.getFilePath());
    for (const target of importedUserFiles(sf, loaded.sdkRoot, false)) visit(target);
    out.push(sf.compilerNode);
  };
  for (const entry of entries) visit(loaded.project.getSourceFileOrThrow(resolve(entry)));
  return out;
}
