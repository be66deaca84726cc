import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { type GoStmt, simple } from "../go/ir.js";
import type { GoType } from "../go/types.js";
import { goIdent, uniqueName } from "../go/names.js";
import { printBody } from "../go/printer.js";
import { convert, typedForInference } from "./coerce.js";
import type { TransformContext } from "./context.js";
import { emitClass } from "./declarations/class.js";
import { classInstance } from "./declarations/class-members.js";
import { docComment, emitEnum, emitTypeDeclaration } from "./declarations/types.js";
import { lowerExpr } from "./expressions/index.js";
import { FileEmitter } from "./file-emitter.js";
import { isAsync, lowerFunction } from "./functions.js";
import type { FunctionFrame, GoVar } from "./scope.js";
import { lowerProgramDefaultExport } from "./sdk/default-export.js";
import { type LoweredPlugin, isDefinePluginCall, lowerPlugin } from "./sdk/plugin.js";
import { bindPattern } from "./statements/destructuring.js";
import { lowerStatement } from "./statements/index.js";
import { referencesItself, variableType } from "./statements/variable.js";

export interface LoweredModule {
  emitter: FileEmitter;
  plugins: LoweredPlugin[];
  /** Program mode: the statements of main(). */
  main: GoStmt[];
}

/** Names module-level functions before any body is lowered (they may be used earlier). */
export function nameModuleValues(ctx: TransformContext, sf: ts.SourceFile): void {
  for (const s of sf.statements) {
    if (!ts.isFunctionDeclaration(s) || !s.name || !s.body) continue;
    ctx.guard(() => {
      if (s.asteriskToken) unsupported(s, "MTS2013", "function*");
      const sym = ctx.symbolOf(s.name!)!;
      if (s.typeParameters?.length) {
        ctx.functions.set(sym, { sym, node: s, generic: true, instances: new Map() });
        return;
      }
      ctx.functions.set(sym, { sym, node: s, generic: false, instances: new Map() });
      const type = ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(s)!, s);
      ctx.declareVar(sym, uniqueName(goIdent(s.name!.text), ctx.packageNames), type, true);
    }, undefined);
  }
}

/** The module-level variables that functions, classes or closures refer to (program mode keeps the rest local to run()). */
function sharedVariables(ctx: TransformContext, sf: ts.SourceFile): Set<ts.Symbol> {
  const out = new Set<ts.Symbol>();
  // before: only references written ahead of the variable's declaration count.
  const visit = (n: ts.Node, before: number | undefined): void => {
    if (ts.isIdentifier(n)) {
      const sym = ctx.symbolOf(n);
      const decl = sym?.valueDeclaration;
      if (sym && decl && (ts.isVariableDeclaration(decl) || ts.isBindingElement(decl))) {
        let stmt: ts.Node = decl;
        while (stmt.parent && !ts.isVariableStatement(stmt)) stmt = stmt.parent;
        if (stmt.parent === sf && (before === undefined || before < decl.getStart())) out.add(sym);
      }
    }
    ts.forEachChild(n, (c) => visit(c, before));
  };
  // Function and class declarations (hoisted, called from anywhere), and closures in
  // top-level statements that refer to a variable declared further down: Go needs such a
  // variable declared at package level.
  const closures = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) visit(n, n.getStart());
    else ts.forEachChild(n, closures);
  };
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) visit(s, undefined);
    else closures(s);
  }
  return out;
}

/** The package variable of a module-level name: declared ahead (see predeclareVariables) or now. */
function packageVariable(ctx: TransformContext, id: ts.Identifier, type: () => GoType): GoVar {
  const sym = ctx.symbolOf(id)!;
  const known = ctx.vars.get(sym);
  if (known?.global) return known;
  const v = ctx.declareVar(sym, uniqueName(goIdent(id.text), ctx.packageNames), type(), true);
  v.reads++; // package-level variables may stay unused
  return v;
}

/**
 * Declares a module's package variables before any of its code is lowered: a function may
 * use a variable declared further down (it runs later), as JavaScript allows.
 */
function predeclareVariables(ctx: TransformContext, sf: ts.SourceFile, shared: Set<ts.Symbol> | undefined): void {
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const decl of s.declarationList.declarations) {
      for (const id of declaredNames(decl)) {
        const sym = ctx.symbolOf(id);
        if (!sym || (shared && !shared.has(sym))) continue;
        ctx.guard(
          () => packageVariable(ctx, id, () => (ts.isIdentifier(decl.name) ? variableType(ctx, decl) : ctx.types.map(ctx.checker.getTypeAtLocation(id), id))),
          undefined,
        );
      }
    }
  }
}

/** Go constant syntax: a string, number or boolean literal (NaN and the infinities are not). */
function isGoConstant(code: string): boolean {
  if (/^-0(?:\.0*)?$/.test(code)) return false; // a Go constant has no negative zero
  return /^(?:"(?:[^"\\\n]|\\.)*"|`[^`]*`|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?|true|false)$/.test(code);
}

function moduleVariables(ctx: TransformContext, sf: ts.SourceFile): Set<ts.Symbol> {
  const out = new Set<ts.Symbol>();
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) for (const id of declaredNames(d)) out.add(ctx.symbolOf(id)!);
  }
  return out;
}

function declaredNames(decl: ts.VariableDeclaration): ts.Identifier[] {
  const out: ts.Identifier[] = [];
  const visit = (n: ts.BindingName): void => {
    if (ts.isIdentifier(n)) out.push(n);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) visit(el.name);
  };
  visit(decl.name);
  return out;
}

export function lowerModule(ctx: TransformContext, sf: ts.SourceFile, emitter: FileEmitter, isEntry: boolean): LoweredModule {
  ctx.file = emitter;
  const plugins: LoweredPlugin[] = [];
  const main: GoStmt[] = [];
  // An imported module's variables may be read by other modules: all are package variables.
  const shared = ctx.mode === "program" ? (isEntry ? sharedVariables(ctx, sf) : moduleVariables(ctx, sf)) : new Set<ts.Symbol>();
  const mainFrame: FunctionFrame = { result: { k: "void" }, hook: false, names: new Set<string>(), breakables: [], topLevel: true };
  predeclareVariables(ctx, sf, ctx.mode === "program" ? shared : undefined);
  if (ctx.mode === "program") {
    const collect = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) mainFrame.names.add(n.text);
      ts.forEachChild(n, collect);
    };
    collect(sf);
  }
  const inMain = <T>(fn: () => T): T => {
    ctx.frame = mainFrame;
    try {
      return fn();
    } finally {
      ctx.frame = undefined;
    }
  };
  for (const s of sf.statements) {
    ctx.file = emitter;
    ctx.guard(() => {
      if (ts.isImportDeclaration(s)) return checkImport(ctx, s);
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return emitTypeDeclaration(ctx, s);
      if (ts.isEnumDeclaration(s)) {
        if (s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) unsupported(s, "MTS2024", "declare enum");
        return emitEnum(ctx, s);
      }
      if (ts.isClassDeclaration(s)) {
        const decl = ctx.classes.get(ctx.symbolOf(s.name!)!);
        if (!decl || decl.generic) return;
        return emitClass(ctx, classInstance(ctx, decl, []), ctx.mode === "program" ? main : undefined);
      }
      if (ts.isFunctionDeclaration(s)) {
        // An overload signature: the implementation (with a body) is what is compiled.
        if (!s.body && s.name && !s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return;
        return emitFunction(ctx, s);
      }
      if (ts.isExportDeclaration(s) || ts.isEmptyStatement(s)) return;
      if (ts.isModuleDeclaration(s)) unsupported(s, "MTS2032", "namespace");
      if (ts.isExportAssignment(s)) {
        if (isDefinePluginCall(ctx, s.expression)) {
          if (ctx.mode === "program") unsupported(s, "MTS2022");
          plugins.push(lowerPlugin(ctx, s, s.expression));
          return;
        }
        if (ctx.mode === "program") {
          main.push(...inMain(() => lowerProgramDefaultExport(ctx, s, isEntry)));
          return;
        }
        return unsupported(s, "MTS3002", sf.fileName);
      }
      // `declare const x: T` promises a value something else provides: nothing does here.
      if (ts.isVariableStatement(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) unsupported(s, "MTS2032", "declare");
      if (ts.isVariableStatement(s) && (ctx.mode === "plugin" || s.declarationList.declarations.some((d) => declaredNames(d).some((n) => shared.has(ctx.symbolOf(n)!))))) {
        if (ctx.mode === "plugin") return emitPackageVariables(ctx, s, undefined);
        main.push(...inMain(() => emitPackageVariables(ctx, s, mainFrame)));
        return;
      }
      if (ctx.mode === "plugin") unsupported(s, "MTS2022");
      main.push(...inMain(() => lowerStatement(ctx, s)));
    }, undefined);
  }
  return { emitter, plugins, main };
}

function checkImport(ctx: TransformContext, node: ts.ImportDeclaration): void {
  const spec = (node.moduleSpecifier as ts.StringLiteral).text;
  if (spec === "@mosn-ts/sdk") return;
  if (spec.startsWith("./") || spec.startsWith("../")) return;
  unsupported(node.moduleSpecifier, "MTS1003", spec);
}

function emitFunction(ctx: TransformContext, node: ts.FunctionDeclaration): void {
  if (!node.name || !node.body) return unsupported(node, "MTS2001", "function without a name or body");
  if (node.typeParameters?.length) return; // generic: one Go function per instance, emitted on use
  const v = ctx.vars.get(ctx.symbolOf(node.name)!);
  if (!v) return;
  void isAsync;
  const fn = lowerFunction(ctx, node);
  const result = fn.result ? ` ${fn.result}` : "";
  const line = ctx.lineOf(node);
  ctx.file.addDecl(node.getStart(), `//line ${line.file}:${line.line}\n${docComment(node, v.goName)}func ${v.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`);
}

/**
 * Module-level variables: package-level Go vars. In a plugin module they are initialized
 * at package init; in a program, where they run in order with the other top-level
 * statements, the assignment stays in main().
 */
function emitPackageVariables(ctx: TransformContext, node: ts.VariableStatement, mainFrame: FunctionFrame | undefined): GoStmt[] {
  const list = node.declarationList;
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(list, "MTS2003");
  const assignments: GoStmt[] = [];
  for (const decl of list.declarations) {
    const line = ctx.lineOf(decl);
    const directive = `//line ${line.file}:${line.line}\n`;
    if (!ts.isIdentifier(decl.name)) {
      // Destructuring at module level: every name is a package variable, assigned in order.
      if (!mainFrame) unsupported(decl.name, "MTS2010");
      if (!decl.initializer) unsupported(decl.name, "MTS2010");
      for (const id of declaredNames(decl)) {
        const v = packageVariable(ctx, id, () => ctx.types.map(ctx.checker.getTypeAtLocation(id), id));
        ctx.file.addDecl(decl.getStart(), `${directive}var ${v.goName} ${ctx.render(v.type)}\n`);
      }
      const [pre, value] = ctx.capture(() => lowerExpr(ctx, decl.initializer!));
      assignments.push(...pre, ...bindPattern(ctx, decl.name, value, "assign"));
      continue;
    }
    const name = decl.name;
    const v = packageVariable(ctx, name, () => variableType(ctx, decl));
    const storage = v.type;
    const goName = v.goName;
    if (!decl.initializer) {
      ctx.file.addDecl(decl.getStart(), `${directive}var ${goName} ${ctx.render(storage)}\n`);
      continue;
    }
    if (mainFrame) {
      ctx.file.addDecl(decl.getStart(), `${directive}var ${goName} ${ctx.render(storage)}\n`);
      const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, decl.initializer!), storage, decl.initializer!));
      if (value.code === "nil") continue;
      assignments.push(...pre, simple(`${goName} = ${(storage.k === "float" || storage.k === "dyn" ? typedForInference(value) : value).code}`, line));
      continue;
    }
    // Plugin module: initialized at package init, in a function when statements are needed.
    ctx.frame = { result: storage, hook: false, names: new Set<string>(), breakables: [] };
    try {
      const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, decl.initializer!), storage, decl.initializer!));
      const init = storage.k === "float" || storage.k === "dyn" ? typedForInference(value) : value;
      if (referencesItself(ctx, decl.initializer, ctx.symbolOf(name)!)) {
        // Go rejects a package variable whose initializer refers to it: assign it in init().
        ctx.file.addDecl(decl.getStart(), `${directive}${docComment(node, goName)}var ${goName} ${ctx.render(storage)}\n\nfunc init() {\n${printBody([...pre, simple(`${goName} = ${init.code}`)])}\n}\n`);
        continue;
      }
      const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
      const goConst = isConst && pre.length === 0 && (storage.k === "string" || storage.k === "float" || storage.k === "bool") && isGoConstant(value.code);
      const text = goConst
        ? `const ${goName} ${ctx.render(storage)} = ${value.code}\n`
        : pre.length === 0
          ? `var ${goName} ${ctx.render(storage)} = ${init.code}\n`
          : `var ${goName} = func() ${ctx.render(storage)} {\n${printBody([...pre, simple(`return ${init.code}`)])}\n}()\n`;
      ctx.file.addDecl(decl.getStart(), `${directive}${docComment(node, goName)}${text}`);
    } finally {
      ctx.frame = undefined;
    }
  }
  return assignments;
}
