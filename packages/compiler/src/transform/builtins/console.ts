import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { VOID } from "../../go/types.js";
import { box } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

const STDOUT = new Set(["log", "info", "debug"]);
const STDERR = new Set(["error", "warn"]);

/** Whether a value of this type may be (or contain) an Error, whose console output Node ties to a stack trace. */
export function mayHoldError(ctx: TransformContext, type: ts.Type, depth = 0): boolean {
  return unprintable(ctx, type, depth, false) !== undefined;
}

/**
 * Why Node's output for a value of this type cannot be reproduced, if it cannot: an Error
 * (Node prints its stack trace), or a function (Node prints the name JavaScript inferred for
 * it, from a variable or a property key). Methods of classes are not printed by Node.
 */
export function unprintable(ctx: TransformContext, type: ts.Type, depth = 0, functions = true): string | undefined {
  if (depth > 4) return undefined;
  const f = type.flags;
  const error = "it may hold an Error, which Node prints with its stack trace";
  if (f & ts.TypeFlags.Unknown) return error;
  if (f & ts.TypeFlags.TypeParameter) {
    const bound = ctx.types.bound(type);
    return bound === undefined || bound.k === "error" || bound.k === "dyn" ? error : undefined;
  }
  if (type.isUnion() || type.isIntersection()) {
    for (const t of type.types) {
      const why = unprintable(ctx, t, depth + 1, functions);
      if (why) return why;
    }
    return undefined;
  }
  if (!(f & ts.TypeFlags.Object)) return undefined;
  const sym = type.getSymbol();
  if (sym && ctx.isLibSymbol(sym) && /Error$/.test(sym.name)) return error;
  if (sym && sym.flags & ts.SymbolFlags.Class) {
    const decl = ctx.classes.get(sym);
    let d = decl;
    while (d?.base) d = d.base;
    if (d?.errorBase) return error;
  }
  const checker = ctx.checker;
  if (checker.isArrayType(type) || checker.isTupleType(type) || (sym && ctx.isLibSymbol(sym))) {
    const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
    for (const t of args) {
      const why = unprintable(ctx, t, depth + 1, functions);
      if (why) return why;
    }
    return undefined;
  }
  if (type.getCallSignatures().length > 0) return functions ? "it is a function, which Node prints under the name JavaScript inferred for it" : undefined;
  const index = type.getStringIndexType();
  if (index) {
    const why = unprintable(ctx, index, depth + 1, functions);
    if (why) return why;
  }
  for (const p of checker.getPropertiesOfType(type)) {
    // A class's methods live on its prototype: Node does not print them.
    if (p.flags & ts.SymbolFlags.Method || p.flags & ts.SymbolFlags.Accessor) continue;
    const why = unprintable(ctx, checker.getTypeOfSymbol(p), depth + 1, functions);
    if (why) return why;
  }
  return undefined;
}

/** console.log / info / debug (stdout) and error / warn (stderr), formatted as Node's util.format. */
export function consoleCall(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  if (!STDOUT.has(name) && !STDERR.has(name)) return unsupported(node.expression, "MTS2018", `console.${name}`);
  const args = ctx.exprList(node.arguments, (a) => {
    if (ts.isSpreadElement(a)) return unsupported(a, "MTS2011");
    const why = unprintable(ctx, ctx.checker.getTypeAtLocation(a));
    if (why) unsupported(a, "MTS2031", `a value of type '${ctx.checker.typeToString(ctx.checker.getTypeAtLocation(a))}'`, why);
    return box(ctx, lowerExpr(ctx, a));
  });
  ctx.use("js");
  const fn = STDOUT.has(name) ? "ConsoleLog" : "ConsoleError";
  return expr(`js.${fn}(${args.map((a) => a.code).join(", ")})`, VOID, Prec.Primary, { call: true });
}
