import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoExpr } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { DYN, type GoType, INT, isPrimitive, sameType } from "../../go/types.js";
import { convert, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { shouldBeInt } from "../int-inference.js";
import type { GoVar } from "../scope.js";
import { bindPattern } from "./destructuring.js";
import { attachLine } from "./line.js";

export function lowerVariableStatement(ctx: TransformContext, node: ts.VariableStatement): GoStmt[] {
  return lowerDeclarationList(ctx, node.declarationList);
}

export function lowerDeclarationList(ctx: TransformContext, list: ts.VariableDeclarationList): GoStmt[] {
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(list, "MTS2003");
  if (list.flags & ts.NodeFlags.Using) unsupported(list, "MTS2001", "using");
  const out: GoStmt[] = [];
  for (const decl of list.declarations) out.push(...ctx.guard(() => lowerDeclaration(ctx, decl), []));
  return out;
}

/** The storage type of a declared variable. */
export function variableType(ctx: TransformContext, decl: ts.VariableDeclaration): GoType {
  if (shouldBeInt(ctx, decl)) return INT;
  const t = ctx.types.map(ctx.checker.getTypeAtLocation(decl.name), decl.name);
  // `const u = undefined` has no Go type of its own: held as `any` (nil is undefined).
  return t.k === "void" ? DYN : t;
}

/** Whether Go's `:=` would infer a different static type than the storage type. */
export function needsExplicitType(value: GoExpr, storage: GoType): boolean {
  if (storage.k === "iface" || storage.k === "dyn") return true;
  if (storage.k === "opt" && isPrimitive(storage.inner) && !value.code.startsWith("js.Ptr(") && value.type.k !== "opt") return true;
  if (storage.k === "api" && !sameType(value.type, storage)) return true;
  if (storage.k === "float" && storage.alias) return true;
  if (storage.k === "string" && storage.alias) return true;
  return false;
}

/** `_ = name` after the declaration when Go would otherwise reject an unused variable. */
export function unusedGuard(v: GoVar): GoStmt {
  return { kind: "lazy", render: () => (v.reads === 0 ? [simple(`_ = ${v.goName}`)] : []) };
}

export function referencesItself(ctx: TransformContext, init: ts.Expression, sym: ts.Symbol): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && ctx.symbolOf(n) === sym) found = true;
    ts.forEachChild(n, visit);
  };
  visit(init);
  return found;
}

export function lowerDeclaration(ctx: TransformContext, decl: ts.VariableDeclaration): GoStmt[] {
  // The statements computing the initializer (a spread literal's copies, a chain's checks)
  // come first: they are on the declaration's line too.
  return attachLine(declarationStatements(ctx, decl), ctx.lineOf(decl));
}

function declarationStatements(ctx: TransformContext, decl: ts.VariableDeclaration): GoStmt[] {
  const line = ctx.lineOf(decl);
  if (!ts.isIdentifier(decl.name)) {
    if (!decl.initializer) return unsupported(decl.name, "MTS2010");
    const pattern = decl.name;
    let pre: GoStmt[];
    let stmts: GoStmt[];
    try {
      let value: GoExpr;
      [pre, value] = ctx.capture(() => lowerExpr(ctx, decl.initializer!));
      stmts = bindPattern(ctx, pattern, value, "declare");
    } catch (e) {
      declareFailedBindings(ctx, pattern);
      throw e;
    }
    const first = stmts[0];
    if (first && first.kind === "simple" && !first.line) stmts[0] = { ...first, line };
    return [...pre, ...stmts];
  }
  const sym = ctx.symbolOf(decl.name)!;
  let storage: GoType;
  try {
    storage = ctx.attempt(
      () => variableType(ctx, decl),
      () => {
        // Prefer the diagnostic of the initializer (a regex, an untyped JSON.parse) to the type's.
        if (decl.initializer) ctx.capture(() => lowerExpr(ctx, decl.initializer!));
        return variableType(ctx, decl);
      },
    );
  } catch (e) {
    // Declared anyway, so that its uses do not each report an error of their own.
    ctx.declareVar(sym, ctx.localName(decl.name.text), DYN).reads++;
    throw e;
  }
  const goName = ctx.localName(decl.name.text);
  if (!decl.initializer) {
    const v = ctx.declareVar(sym, goName, storage);
    return [simple(`var ${goName} ${ctx.render(storage)}`, line), unusedGuard(v)];
  }
  const init = decl.initializer;
  // A closure in the initializer that refers to the variable itself (recursion, an object
  // whose methods return it): declared first, then assigned.
  if (referencesItself(ctx, init, sym)) {
    const v = ctx.declareVar(sym, goName, storage);
    const [pre, value] = ctx.capture(() => convert(ctx, lowerExpr(ctx, init), storage, init));
    return [simple(`var ${goName} ${ctx.render(storage)}`, line), ...pre, simple(`${goName} = ${value.code}`, line), unusedGuard(v)];
  }
  let pre: GoStmt[];
  let lowered: GoExpr;
  try {
    [pre, lowered] = ctx.capture(() => lowerExpr(ctx, init));
  } catch (e) {
    ctx.declareVar(sym, goName, storage).reads++; // keeps later uses from cascading into more errors
    throw e;
  }
  const v = ctx.declareVar(sym, goName, storage);
  if (lowered.type.k === "nil" || (lowered.type.k === "void" && !lowered.call)) return [...pre, simple(`var ${goName} ${ctx.render(storage)}`, line), unusedGuard(v)];
  let value = convert(ctx, lowered, storage, init);
  if (storage.k === "float" || storage.k === "dyn") value = typedForInference(value);
  if (value.code === "nil") return [...pre, simple(`var ${goName} ${ctx.render(storage)}`, line), unusedGuard(v)];
  const stmt = needsExplicitType(value, storage) ? `var ${goName} ${ctx.render(storage)} = ${value.code}` : `${goName} := ${value.code}`;
  return [...pre, simple(stmt, line), unusedGuard(v)];
}

/**
 * After a destructuring declaration failed to lower (its diagnostic is reported), its names
 * are declared anyway, so that each later use does not report an error of its own.
 */
function declareFailedBindings(ctx: TransformContext, pattern: ts.BindingName): void {
  if (ts.isIdentifier(pattern)) {
    const sym = ctx.symbolOf(pattern);
    if (sym && !ctx.vars.has(sym)) ctx.declareVar(sym, ctx.localName(pattern.text), DYN).reads++;
    return;
  }
  for (const element of pattern.elements) if (!ts.isOmittedExpression(element)) declareFailedBindings(ctx, element.name);
}
