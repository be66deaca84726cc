import { ts } from "ts-morph";
import { diagnosticAt, Unsupported } from "../diagnostics/factory.js";
import type { DiagnosticCode } from "../diagnostics/catalog.js";
import { type GoExpr, Prec, expr } from "../go/expr.js";
import type { GoStmt, SourceLine } from "../go/ir.js";
import { goIdent, uniqueName } from "../go/names.js";
import { type GoType, renderType } from "../go/types.js";
import type { ClassDecl, ClassInstance } from "../model/classes.js";
import { TypeMapper } from "../model/type-mapper.js";
import type { Diagnostic } from "../types.js";
import type { FileEmitter } from "./file-emitter.js";
import type { FunctionDecl } from "./generics.js";
import type { FunctionFrame, GoVar } from "./scope.js";

export type Mode = "plugin" | "program";

/** A constant or a value no call can change (literals, nil). */
function isConstant(e: GoExpr): boolean {
  return e.num !== undefined || e.str !== undefined || e.code === "true" || e.code === "false" || e.code === "nil" || e.code === "js.Null" || /^func\(/.test(e.code);
}

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
  readonly types: TypeMapper;
  readonly classes = new Map<ts.Symbol, ClassDecl>();
  /** Class instances by the Go name of their struct and of their interface. */
  readonly classByGoName = new Map<string, ClassInstance>();
  readonly functions = new Map<ts.Symbol, FunctionDecl>();
  /** Work queued while lowering (generic instances, class instances): drained by compile(). */
  readonly pending: (() => void)[] = [];
  /** The first file, where shared declarations (helpers, instances) go when no better place exists. */
  mainFile!: FileEmitter;
  file!: FileEmitter;
  /** The Go file of each TypeScript module. */
  readonly files = new Map<string, FileEmitter>();
  frame: FunctionFrame | undefined;
  /** Receiver name of the method being lowered (what `this` becomes), and its class. */
  receiver: string | undefined;
  currentClass: ClassInstance | undefined;
  /** Inside a static method: the class `this` names. */
  staticClass: ClassInstance | undefined;
  private readonly preceding: GoStmt[][] = [];
  /** Expressions already lowered (an optional chain's checked base). */
  readonly substitutions = new Map<ts.Node, GoExpr>();
  /** Optional-chain links whose `?.` is being handled by an enclosing chain. */
  readonly chainsInProgress = new Set<ts.Node>();
  /** Package-level helpers generated once (accessor functions of unions...), by key. */
  readonly helpers = new Map<string, string>();
  /** Emits a class instance created while lowering (a generic class used with new type arguments). */
  emitClassInstance: ((inst: ClassInstance) => void) | undefined;
  private readonly stableVars = new Map<ts.Symbol, boolean>();

  /**
   * Whether a variable keeps its value across function calls made while evaluating one
   * expression: a const, or a let that no nested function refers to.
   */
  isStableVariable(sym: ts.Symbol): boolean {
    const known = this.stableVars.get(sym);
    if (known !== undefined) return known;
    const decl = sym.valueDeclaration;
    let stable = false;
    if (decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl) || ts.isBindingElement(decl))) {
      let list: ts.Node = decl;
      while (ts.isBindingElement(list) || ts.isObjectBindingPattern(list) || ts.isArrayBindingPattern(list)) list = list.parent;
      const isConst = ts.isVariableDeclaration(list) && ts.isVariableDeclarationList(list.parent) && (list.parent.flags & ts.NodeFlags.Const) !== 0;
      if (isConst) stable = true;
      else {
        let scope: ts.Node = decl;
        while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
        let captured = false;
        const visit = (n: ts.Node, inner: boolean): void => {
          if (captured) return;
          if (inner && ts.isIdentifier(n) && n.text === sym.name && this.checker.getSymbolAtLocation(n) === sym) captured = true;
          ts.forEachChild(n, (c) => visit(c, inner || (ts.isFunctionLike(c) && c !== scope)));
        };
        visit(scope, false);
        stable = !captured && !ts.isSourceFile(scope);
      }
    }
    this.stableVars.set(sym, stable);
    return stable;
  }

  /** The expression last lowered (for diagnostics raised deep inside conversions). */
  currentNode: ts.Node | undefined;
  /** Every identifier written in the program's files. */
  readonly programIdentifiers = new Set<string>();

  constructor(
    readonly checker: ts.TypeChecker,
    readonly sdkRoot: string,
    readonly mode: Mode,
    classInstanceType: (ctx: TransformContext, sym: ts.Symbol, args: readonly ts.Type[], at: ts.Node) => GoType,
  ) {
    this.types = new TypeMapper({
      checker,
      packageNames: this.packageNames,
      isSdkSymbol: (s) => this.isSdkSymbol(s),
      isLibSymbol: (s) => this.isLibSymbol(s),
      classInstanceType: (sym, args, at) => classInstanceType(this, sym, args, at),
    });
  }

  /** The emitter of the module declaring node. */
  fileOf(node: ts.Node): FileEmitter {
    return this.files.get(node.getSourceFile().fileName) ?? this.mainFile;
  }

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
        if (!this.diagnostics.some((d) => d.code === e.diagnostic.code && d.file === e.diagnostic.file && d.line === e.diagnostic.line && d.column === e.diagnostic.column)) {
          this.diagnostics.push(e.diagnostic);
        }
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
    const pos = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    return { file: sf.fileName, line: pos.line + 1, column: pos.character + 1 };
  }

  // --- symbols -------------------------------------------------------------------

  symbolOf(node: ts.Node): ts.Symbol | undefined {
    if (node.parent && ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node) {
      return this.checker.getShorthandAssignmentValueSymbol(node.parent);
    }
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
    if (!this.frame) return uniqueName(id, this.packageNames);
    this.frame.names.add(id);
    return id;
  }

  /**
   * A package-level name for something the compiler generates (constructors, helpers):
   * it avoids every identifier of the program, so no local variable can shadow it.
   */
  generatedName(base: string): string {
    let name = goIdent(base);
    for (let i = 2; this.packageNames.has(name) || this.programIdentifiers.has(name); i++) name = `${goIdent(base)}${i}`;
    this.packageNames.add(name);
    return name;
  }

  /** A package-level helper declared once per key; returns its name. */
  helper(key: string, base: string, build: (name: string) => string): string {
    const existing = this.helpers.get(key);
    if (existing) return existing;
    const name = this.generatedName(base);
    this.helpers.set(key, name);
    const saved = this.file;
    this.file = this.mainFile;
    try {
      // A generated function has no TypeScript line: without a directive of its own it would
      // continue the previous declaration's numbering (lines past the end of the .ts file in
      // stack traces); a Go file name keeps its frames out of JavaScript-style traces. The
      // blank line keeps the directive out of the helper's doc comment.
      const text = build(name);
      this.mainFile.addDecl(Number.MAX_SAFE_INTEGER, /^func /m.test(text) ? `//line mosn-ts-generated.go:1\n\n${text}` : text);
    } finally {
      this.file = saved;
    }
    return name;
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
    // Go orders calls left to right, but not the reads of variables and fields around them:
    // a value read before a later call that may change it is saved first.
    const lastImpure = parts.map(([, e]) => !e.pure && !e.effectFree).lastIndexOf(true);
    const readsBeforeCall = parts.some(([, e], i) => i < lastImpure && !e.call && !isConstant(e) && !e.stable);
    // A later operand that assigns (x++, x = ...) may change what an earlier one read.
    const writes = nodes.map((n) => !isTsNode(n) || containsWrite(n));
    for (let i = 0; i < parts.length; i++) {
      const [pre, e] = parts[i]!;
      this.addPreceding(...pre);
      if (i < lastWithPreceding && !e.pure) out[i] = this.saveInTemp(e, "v");
      else if (i < lastWithPreceding && !isConstant(e) && !e.fixed && writes.slice(i + 1).some((w) => w)) out[i] = this.saveInTemp(e, "v");
      else if (readsBeforeCall && i < lastImpure && !isConstant(e) && !e.stable) out[i] = this.saveInTemp(e, "v");
    }
    return out;
  }

  /** Stores e in a new local and returns a reference to it. */
  saveInTemp(e: GoExpr, base: string): GoExpr {
    const name = this.temp(base);
    const code = e.type.k === "float" && e.untyped && /^-?\d+$/.test(e.code) ? `${e.code}.0` : e.code;
    const typed = e.type.k === "dyn" || e.type.k === "iface" || e.type.k === "nil" || (e.type.k === "opt" && e.code === "nil");
    this.addPreceding({ kind: "simple", code: typed ? `var ${name} ${this.render(e.type)} = ${code}` : `${name} := ${code}` });
    return expr(name, e.type, Prec.Primary, { pure: true, stable: true, fixed: true });
  }
}

function isTsNode(n: unknown): n is ts.Node {
  return typeof n === "object" && n !== null && typeof (n as { kind?: unknown }).kind === "number" && typeof (n as { getStart?: unknown }).getStart === "function";
}

/** Whether evaluating node may assign a variable or property itself (nested functions aside). */
function containsWrite(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && n.operatorToken.kind <= ts.SyntaxKind.LastAssignment) found = true;
    else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) found = true;
    else if (ts.isDeleteExpression(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
