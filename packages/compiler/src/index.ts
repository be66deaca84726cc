export { compileProject } from "./compile-project.js";
export { compileProgram, compilePrograms } from "./compile-program.js";
export { formatDiagnostic } from "./diagnostics/format.js";
export { goModuleElement } from "./go/module-path.js";
export { mapGoErrors } from "./diagnostics/go-errors.js";
export type {
  CompileProgramOptions,
  CompileProjectOptions,
  CompileResult,
  CompiledPlugin,
  Diagnostic,
  FieldDescriptor,
  TypeDescriptor,
} from "./types.js";
