import { ts } from "ts-morph";
import { diagnosticAt, Unsupported } from "../diagnostics/factory.js";
import type { DiagnosticCode } from "../diagnostics/catalog.js";
import { type GoExpr, Prec, expr } from "../go/expr.js";
import type { GoStmt, SourceLine } from "../go/ir.js";
import { goIdent, uniqueName } from "../go/names.js";
import { type GoType, optionalOf, renderType } from "../go/types.js";
import type { Diagnostic } from "../types.js";
import type { FileEmitter } from "./file-emitter.js";
import type { FunctionFrame, GoVar } from "./scope.js";
import { type ClassInfo, type Member, MemberTable } from "./members.js";
import type { TypeMapper } from "./type-mapper.js";

export type Mode = "plugin" | "program";

/**
 * The state shared by all visitors while lowering: the checker, the Go names given to
 * TypeScript symbols, the current file and function, and the "preceding statements"
 * an expression may need to emit before the statement that holds it.
 */
export class TransformContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly vars = new Map<ts.Symbol, GoVar>();
  /** Names taken at package level (types, functions, variables, generated helpers). */
  readonly packageNames = new Set<string>();
  types!: TypeMapper;
  readonly members = new MemberTable();
  readonly classes = new Map<ts.Symbol, ClassInfo>();
  file!: FileEmitter;
  frame: FunctionFrame | undefined;
  /** Receiver name of the method being lowered (what `this` becomes). */
  receiver: string | undefined;
  private readonly preceding: GoStmt[][] = [];
  /** Expressions already lowered (an optional chain's checked base). */
  readonly substitutions = new Map<ts.Node, GoExpr>();
  /** Optional-chain links whose `?.` is being handled by an enclosing chain. */
  readonly chainsInProgress = new Set<ts.Node>();

  constructor(
    readonly checker: ts.TypeChecker,
    readonly sdkRoot: string,
    readonly mode: Mode,
  ) {}

  use(pkg: string): void {
    this.file.use(pkg);
  }

  render(t: GoType): string {
    return renderType(t, this.file.use);
  }

  report(node: ts.Node, code: DiagnosticCode, ...args: string[]): void {
    this.diagnostics.push(diagnosticAt(node, code, ...args));
  }

  /** Runs fn; an Unsupported thrown inside is recorded and `fallback` returned. */
  guard<T>(fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Unsupported) {
        this.diagnostics.push(e.diagnostic);
        return fallback;
      }
      throw e;
    }
  }

  /** Runs fn; if it throws Unsupported, returns fallback() without reporting anything. */
  attempt<T>(fn: () => T, fallback: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof Unsupported) return fallback();
      throw e;
    }
  }

  lineOf(node: ts.Node): SourceLine {
    const sf = node.getSourceFile();
    return { file: sf.fileName, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 };
  }

  // --- symbols -------------------------------------------------------------------

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    const s = this.checker.getSymbolAtLocation(node);
    if (s && s.flags & ts.SymbolFlags.Alias) return this.checker.getAliasedSymbol(s);
    return s;
  }

  /** Whether the symbol is declared by the SDK (an intrinsic). */
  isSdkSymbol(s: ts.Symbol | undefined): boolean {
    const decl = s?.declarations?.[0];
    return decl !== undefined && decl.getSourceFile().fileName.startsWith(this.sdkRoot);
  }

  /** Whether the symbol is declared by the ES library (a built-in). */
  isLibSymbol(s: ts.Symbol | undefined): boolean {
    const decl = s?.declarations?.[0];
    if (!decl) return false;
    const name = decl.getSourceFile().fileName;
    return /\/lib\.[^/]*\.d\.ts$/.test(name) || name.startsWith("/__mosn_ts__/");
  }

  declareVar(sym: ts.Symbol, goName: string, type: GoType, global = false): GoVar {
    const v: GoVar = { goName, type, reads: 0, global };
    this.vars.set(sym, v);
    return v;
  }

  /** A fresh local name based on `base`, unused in the current function. */
  temp(base: string): string {
    const names = this.frame?.names ?? this.packageNames;
    return uniqueName(goIdent(base), names);
  }

  /** A local name for a TypeScript variable: its own name unless taken by a generated one. */
  localName(name: string): string {
    const id = goIdent(name);
    this.frame?.names.add(id);
    return id;
  }

  /** Fields and methods of the struct behind t, by JavaScript name. */
  membersOf(t: GoType): Map<string, Member> | undefined {
    if (t.k === "anon") return new Map(t.fields.map((f) => [f.name, { goName: f.goName, type: f.optional ? optionalOf(f.type) : f.type, kind: "field" as const }]));
    if (t.k !== "struct") return undefined;
    const known = this.members.get(t.name);
    if (known) return known;
    for (const info of this.types.structs.values()) {
      if (info.goName === t.name) {
        const m = new Map(info.fields.map((f) => [f.name, { goName: f.goName, type: f.optional ? optionalOf(f.type) : f.type, kind: "field" as const }]));
        this.members.set(t.name, m);
        return m;
      }
    }
    return undefined;
  }

  // --- preceding statements ----------------------------------------------------

  addPreceding(...stmts: GoStmt[]): void {
    const top = this.preceding[this.preceding.length - 1];
    if (!top) throw new Error("addPreceding outside of a statement");
    top.push(...stmts);
  }

  /** Runs fn collecting the statements its expressions need first. */
  capture<T>(fn: () => T): [GoStmt[], T] {
    this.preceding.push([]);
    try {
      const value = fn();
      return [this.preceding[this.preceding.length - 1]!, value];
    } finally {
      this.preceding.pop();
    }
  }

  /**
   * Lowers expressions that are evaluated left to right. When a later one needs
   * preceding statements, earlier impure ones are first saved in temporaries so the
   * order of side effects stays JavaScript's.
   */
  exprList<N>(nodes: readonly N[], lower: (n: N, i: number) => GoExpr): GoExpr[] {
    const parts = nodes.map((n, i) => this.capture(() => lower(n, i)));
    const out: GoExpr[] = parts.map(([, e]) => e);
    const lastWithPreceding = parts.map(([p]) => p.length > 0).lastIndexOf(true);
    for (let i = 0; i < parts.length; i++) {
      const [pre, e] = parts[i]!;
      this.addPreceding(...pre);
      if (i < lastWithPreceding && !e.pure) out[i] = this.saveInTemp(e, "v");
    }
    return out;
  }

  /** Stores e in a new local and returns a reference to it. */
  saveInTemp(e: GoExpr, base: string): GoExpr {
    const name = this.temp(base);
    this.addPreceding({ kind: "simple", code: `${name} := ${e.code}` });
    return expr(name, e.type, Prec.Primary, { pure: true });
  }
}
