import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { BOOL, type GoType } from "../../go/types.js";
import type { TransformContext } from "../context.js";
import { lowerFunctionLiteral } from "../expressions/function-literal.js";
import { lowerExpr } from "../expressions/index.js";

export interface Callback {
  code: string;
  /** How many of the offered parameters (value, index) the callback takes, at least 1. */
  arity: number;
  result: GoType;
}

/**
 * Lowers a callback given to a built-in (map, filter, forEach...). The runtime offers
 * `func(value)` and `func(value, index)` variants; `asBool` turns the result into a
 * truthiness test.
 */
export function lowerCallback(ctx: TransformContext, node: ts.Expression, offered: GoType[], opts: { asBool?: boolean; result?: GoType } = {}): Callback {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const n = node.parameters.length;
    if (n > offered.length) unsupported(node.parameters[offered.length]!, "MTS2017", "the array parameter of a callback", "Refer to the array by its variable.");
    const arity = Math.max(1, n);
    const fn = lowerFunctionLiteral(ctx, node, {
      paramTypes: offered.slice(0, arity),
      paramCount: arity,
      ...(opts.asBool ? { boolResult: true, result: BOOL } : {}),
      ...(opts.result ? { result: opts.result } : {}),
    });
    return { code: fn.code, arity, result: fn.type.k === "func" ? fn.type.result : BOOL };
  }
  const fn: GoExpr = lowerExpr(ctx, node);
  if (fn.type.k !== "func") return unsupported(node, "MTS2002", "callback");
  const arity = fn.type.params.length;
  if (arity === 0 || arity > offered.length) unsupported(node, "MTS2017", "this callback", "Pass an arrow function: (value) => f(value).");
  if (opts.asBool && fn.type.result.k !== "bool") unsupported(node, "MTS2017", "a predicate that does not return boolean", "Pass an arrow function returning a boolean.");
  return { code: fn.code, arity, result: fn.type.result };
}

export function callExpr(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}
