import type { ts } from "ts-morph";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import type { TransformContext } from "../context.js";
import { type FunctionOptions, funcLiteral, funcType, lowerFunction } from "../functions.js";

/** Arrow functions and function expressions: Go function literals (closures capture by reference, as in JS). */
export function lowerFunctionLiteral(ctx: TransformContext, node: ts.ArrowFunction | ts.FunctionExpression, opts: FunctionOptions = {}): GoExpr {
  const fn = lowerFunction(ctx, node, opts);
  return expr(funcLiteral(fn), funcType(fn), Prec.Primary, { pure: true });
}
