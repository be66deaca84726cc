import { realpathSync } from "node:fs";
import { Project, ts } from "ts-morph";
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

/**
 * Creates one ts-morph Project for a compile: strict, ES2022 library only, no
 * @types, `@mosn-ts/sdk` resolved to the compiler's SDK. Entries are added, then their
 * imports are resolved.
 */
export function loadProgram(entries: string[]): LoadedProgram {
  const sdk = sdkLocation();
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      lib: ["lib.es2022.d.ts"],
      types: [],
      skipLibCheck: true,
      noEmit: true,
      isolatedModules: true,
      paths: { "@mosn-ts/sdk": [sdk.entry] },
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(GLOBALS_FILE, GLOBALS_SOURCE);
  for (const entry of entries) project.addSourceFileAtPath(entry);
  project.resolveSourceFileDependencies();
  const program = project.getProgram().compilerObject;
  const sdkRoot = realpathSync(sdk.root);
  const userFiles: ts.SourceFile[] = [];
  const seen = new Set<string>();
  const entryPaths = entries.map((e) => project.getSourceFileOrThrow(e).getFilePath() as string);
  for (const path of entryPaths) addUserFile(program, program.getSourceFile(path)!, sdkRoot, userFiles, seen);
  return { project, program, checker: program.getTypeChecker(), userFiles, sdkRoot };
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
