import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import type { GoExpr } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, INT, sameType } from "../../go/types.js";
import { convert, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { shouldBeInt } from "../int-inference.js";
import type { GoVar } from "../scope.js";

export function lowerVariableStatement(ctx: TransformContext, node: ts.VariableStatement): GoStmt[] {
  return lowerDeclarationList(ctx, node.declarationList);
}

export function lowerDeclarationList(ctx: TransformContext, list: ts.VariableDeclarationList): GoStmt[] {
  if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) unsupported(list, "MTS2003");
  const out: GoStmt[] = [];
  for (const decl of list.declarations) out.push(...lowerDeclaration(ctx, decl));
  return out;
}

/** The storage type of a declared variable. */
export function variableType(ctx: TransformContext, decl: ts.VariableDeclaration): GoType {
  if (shouldBeInt(ctx, decl)) return INT;
  return ctx.types.map(ctx.checker.getTypeAtLocation(decl.name), decl.name);
}

/** Whether Go's `:=` would infer a different static type than the storage type. */
function needsExplicitType(value: GoExpr, storage: GoType): boolean {
  if (storage.k === "iface" || storage.k === "any") return true;
  if (storage.k === "api" && !sameType(value.type, storage)) return true;
  return false;
}

/** `_ = name` after the declaration when Go would otherwise reject an unused variable. */
export function unusedGuard(v: GoVar): GoStmt {
  return { kind: "lazy", render: () => (v.reads === 0 ? [simple(`_ = ${v.goName}`)] : []) };
}

function referencesItself(ctx: TransformContext, init: ts.Expression, sym: ts.Symbol): boolean {
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
  if (ts.isObjectBindingPattern(decl.name)) return lowerObjectDestructuring(ctx, decl);
  if (!ts.isIdentifier(decl.name)) return unsupported(decl.name, "MTS2010");
  const sym = ctx.symbolOf(decl.name)!;
  const storage = ctx.attempt(
    () => variableType(ctx, decl),
    () => {
      // Prefer the diagnostic of the initializer (a regex, an untyped JSON.parse) to the type's.
      if (decl.initializer) ctx.capture(() => lowerExpr(ctx, decl.initializer!));
      return variableType(ctx, decl);
    },
  );
  const line = ctx.lineOf(decl);
  const goName = ctx.localName(decl.name.text);
  if (!decl.initializer) {
    const v = ctx.declareVar(sym, goName, storage);
    return [simple(`var ${goName} ${ctx.render(storage)}`, line), unusedGuard(v)];
  }
  const init = decl.initializer;
  if ((ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && referencesItself(ctx, init, sym)) {
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
  if (lowered.type.k === "nil") return [...pre, simple(`var ${goName} ${ctx.render(storage)}`, line), unusedGuard(v)];
  let value = convert(ctx, lowered, storage, init);
  if (storage.k === "float") value = typedForInference(value);
  const stmt = needsExplicitType(value, storage) ? `var ${goName} ${ctx.render(storage)} = ${value.code}` : `${goName} := ${value.code}`;
  return [...pre, simple(stmt, line), unusedGuard(v)];
}

/** `const { a, b } = obj` → a := obj.A; b := obj.B. */
function lowerObjectDestructuring(ctx: TransformContext, decl: ts.VariableDeclaration): GoStmt[] {
  const pattern = decl.name as ts.ObjectBindingPattern;
  if (!decl.initializer) return unsupported(pattern, "MTS2010");
  const [pre, source] = ctx.capture(() => lowerExpr(ctx, decl.initializer!));
  const out: GoStmt[] = [...pre];
  let obj = source;
  if (!source.pure) {
    const tmp = ctx.temp("v");
    out.push(simple(`${tmp} := ${source.code}`));
    obj = { ...source, code: tmp, pure: true };
  }
  const members = ctx.membersOf(obj.type);
  for (const el of pattern.elements) {
    if (el.dotDotDotToken || el.initializer || !ts.isIdentifier(el.name)) unsupported(el, "MTS2010");
    const prop = el.propertyName ? (el.propertyName as ts.Identifier).text : (el.name as ts.Identifier).text;
    const member = members?.get(prop);
    if (!member || member.kind !== "field") return unsupported(el, "MTS2010");
    const name = el.name as ts.Identifier;
    const sym = ctx.symbolOf(name)!;
    const goName = ctx.localName(name.text);
    const v = ctx.declareVar(sym, goName, member.type);
    out.push(simple(`${goName} := ${obj.code}.${member.goName}`, ctx.lineOf(el)), unusedGuard(v));
  }
  return out;
}
