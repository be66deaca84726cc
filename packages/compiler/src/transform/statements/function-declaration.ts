import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, simple } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { funcLiteral, lowerFunction } from "../functions.js";
import { unusedGuard } from "./variable.js";

/**
 * Function declarations inside a block are hoisted to its top, as in JavaScript:
 * all declared first (`var f func(...)`), then assigned, so they may call each other.
 */
export function hoistFunctions(ctx: TransformContext, statements: readonly ts.Statement[]): GoStmt[] {
  const fns = statements.filter(ts.isFunctionDeclaration);
  if (fns.length === 0 || !ctx.frame) return [];
  const out: GoStmt[] = [];
  const vars = fns.map((fn) => {
    if (!fn.name || !fn.body) return unsupported(fn, "MTS2001", "function without a name or body");
    const sym = ctx.symbolOf(fn.name)!;
    const type = ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(fn)!, fn);
    const goName = ctx.localName(fn.name.text);
    const v = ctx.declareVar(sym, goName, type);
    out.push(simple(`var ${goName} ${ctx.render(type)}`, ctx.lineOf(fn)));
    return v;
  });
  fns.forEach((fn, i) => {
    const lowered = ctx.guard(() => funcLiteral(lowerFunction(ctx, fn)), undefined);
    if (lowered) out.push(simple(`${vars[i]!.goName} = ${lowered}`, ctx.lineOf(fn)));
    out.push(unusedGuard(vars[i]!));
  });
  return out;
}

/** Already hoisted by hoistFunctions. */
export function lowerLocalFunction(): GoStmt[] {
  return [];
}
