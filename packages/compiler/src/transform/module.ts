import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { type GoStmt, simple } from "../go/ir.js";
import { goIdent, uniqueName } from "../go/names.js";
import { printBody } from "../go/printer.js";
import { convert, typedForInference } from "./coerce.js";
import type { TransformContext } from "./context.js";
import { emitClass } from "./declarations/class.js";
import { docComment, emitTypeDeclaration } from "./declarations/types.js";
import { lowerExpr } from "./expressions/index.js";
import { FileEmitter } from "./file-emitter.js";
import { lowerFunction } from "./functions.js";
import { type LoweredPlugin, isDefinePluginCall, lowerPlugin } from "./sdk/plugin.js";
import { lowerStatement } from "./statements/index.js";
import { variableType } from "./statements/variable.js";

export interface LoweredModule {
  emitter: FileEmitter;
  plugins: LoweredPlugin[];
  /** Program mode: the statements of main(). */
  main: GoStmt[];
}

function isModuleDeclaration(s: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(s) ||
    ts.isInterfaceDeclaration(s) ||
    ts.isTypeAliasDeclaration(s) ||
    ts.isClassDeclaration(s) ||
    ts.isFunctionDeclaration(s) ||
    ts.isExportDeclaration(s) ||
    ts.isEmptyStatement(s)
  );
}

/** Names module-level functions and variables before any body is lowered (they may be used earlier). */
export function nameModuleValues(ctx: TransformContext, sf: ts.SourceFile): void {
  for (const s of sf.statements) {
    if (ts.isFunctionDeclaration(s) && s.name && s.body) {
      if (s.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) || s.asteriskToken) {
        ctx.report(s, "MTS2013", s.asteriskToken ? "function*" : "async");
        continue;
      }
      const sym = ctx.symbolOf(s.name)!;
      const type = ctx.guard(() => ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(s)!, s), undefined);
      if (type) ctx.declareVar(sym, uniqueName(goIdent(s.name.text), ctx.packageNames), type, true);
    }
  }
}

/** The module-level variables that functions or classes refer to (program mode keeps the rest local to main). */
function sharedVariables(ctx: TransformContext, sf: ts.SourceFile): Set<ts.Symbol> {
  const out = new Set<ts.Symbol>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const sym = ctx.symbolOf(n);
      const decl = sym?.valueDeclaration;
      if (sym && decl && ts.isVariableDeclaration(decl) && ts.isVariableStatement(decl.parent.parent) && decl.parent.parent.parent === sf) out.add(sym);
    }
    ts.forEachChild(n, visit);
  };
  for (const s of sf.statements) if (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) visit(s);
  return out;
}

export function lowerModule(ctx: TransformContext, sf: ts.SourceFile): LoweredModule {
  const emitter = new FileEmitter(sf);
  ctx.file = emitter;
  const plugins: LoweredPlugin[] = [];
  const main: GoStmt[] = [];
  const shared = ctx.mode === "program" ? sharedVariables(ctx, sf) : new Set<ts.Symbol>();
  const mainFrame = { result: { k: "void" as const }, hook: false, names: new Set<string>(), breakables: [] };
  if (ctx.mode === "program") {
    const collect = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) mainFrame.names.add(n.text);
      ts.forEachChild(n, collect);
    };
    collect(sf);
  }
  for (const s of sf.statements) {
    ctx.guard(() => {
      if (ts.isImportDeclaration(s)) return checkImport(ctx, s);
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return emitTypeDeclaration(ctx, s);
      if (ts.isClassDeclaration(s)) return emitClass(ctx, s);
      if (ts.isFunctionDeclaration(s)) return emitFunction(ctx, s);
      if (ts.isExportDeclaration(s) || ts.isEmptyStatement(s)) return;
      if (ts.isEnumDeclaration(s)) unsupported(s, "MTS2024");
      if (ts.isModuleDeclaration(s)) unsupported(s, "MTS2032", "namespace");
      if (ts.isExportAssignment(s)) {
        if (isDefinePluginCall(ctx, s.expression)) {
          if (ctx.mode === "program") unsupported(s, "MTS2022");
          plugins.push(lowerPlugin(ctx, s, s.expression));
          return;
        }
        return unsupported(s, "MTS3002", sf.fileName);
      }
      if (ts.isVariableStatement(s) && (ctx.mode === "plugin" || s.declarationList.declarations.some((d) => shared.has(ctx.symbolOf(d.name)!)))) {
        if (ctx.mode === "plugin") return emitPackageVariables(ctx, s, undefined);
        ctx.frame = mainFrame;
        try {
          main.push(...emitPackageVariables(ctx, s, mainFrame));
        } finally {
          ctx.frame = undefined;
        }
        return;
      }
      if (ctx.mode === "plugin") unsupported(s, "MTS2022");
      ctx.frame = mainFrame;
      try {
        main.push(...lowerStatement(ctx, s));
      } finally {
        ctx.frame = undefined;
      }
    }, undefined);
  }
  void isModuleDeclaration;
  return { emitter, plugins, main };
}

function checkImport(ctx: TransformContext, node: ts.ImportDeclaration): void {
  const spec = (node.moduleSpecifier as ts.StringLiteral).text;
  if (spec === "@mosn-ts/sdk") return;
  if (spec.startsWith("./") || spec.startsWith("../")) return;
  unsupported(node.moduleSpecifier, "MTS1003", spec);
}

function emitFunction(ctx: TransformContext, node: ts.FunctionDeclaration): void {
  if (!node.name || !node.body) unsupported(node, "MTS2001", "function without a name or body");
  const v = ctx.vars.get(ctx.symbolOf(node.name!)!);
  if (!v) return;
  const fn = lowerFunction(ctx, node);
  const result = fn.result ? ` ${fn.result}` : "";
  ctx.file.addDecl(
    node.getStart(),
    `//line ${node.getSourceFile().fileName}:${ctx.lineOf(node).line}\n${docComment(node, v.goName)}func ${v.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`,
  );
}

/**
 * Module-level variables: package-level Go vars. In a plugin module they are
 * initialized at package init; in a program, where they run in order with the other
 * top-level statements, the assignment stays in main().
 */
function emitPackageVariables(ctx: TransformContext, node: ts.VariableStatement, mainFrame: object | undefined): GoStmt[] {
  const list = node.declarationList;
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(list, "MTS2003");
  const assignments: GoStmt[] = [];
  for (const decl of list.declarations) {
    if (!ts.isIdentifier(decl.name)) unsupported(decl.name, "MTS2010");
    const name = decl.name as ts.Identifier;
    const storage = variableType(ctx, decl);
    const goName = uniqueName(goIdent(name.text), ctx.packageNames);
    const v = ctx.declareVar(ctx.symbolOf(name)!, goName, storage, true);
    v.reads++; // package-level variables may stay unused
    const line = `//line ${node.getSourceFile().fileName}:${ctx.lineOf(decl).line}\n`;
    if (!decl.initializer) {
      ctx.file.addDecl(decl.getStart(), `${line}var ${goName} ${ctx.render(storage)}\n`);
      continue;
    }
    if (mainFrame) {
      ctx.file.addDecl(decl.getStart(), `${line}var ${goName} ${ctx.render(storage)}\n`);
      const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, decl.initializer!), storage, decl.initializer!));
      assignments.push(...pre, simple(`${goName} = ${value.code}`, ctx.lineOf(decl)));
      continue;
    }
    // Plugin module: initialized at package init, in a function when statements are needed.
    const frame = { result: storage, hook: false, names: new Set<string>(), breakables: [] };
    ctx.frame = frame;
    try {
      const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, decl.initializer!), storage, decl.initializer!));
      const init = storage.k === "float" ? typedForInference(value) : value;
      const text =
        pre.length === 0
          ? `var ${goName} ${ctx.render(storage)} = ${init.code}\n`
          : `var ${goName} = func() ${ctx.render(storage)} {\n${printBody([...pre, simple(`return ${init.code}`)])}\n}()\n`;
      ctx.file.addDecl(decl.getStart(), `${line}${docComment(node, goName)}${text}`);
    } finally {
      ctx.frame = undefined;
    }
  }
  return assignments;
}
