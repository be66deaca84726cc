import { ts } from "ts-morph";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { convert, deref } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerJsonParse, isJsonParseCall } from "../builtins/json.js";
import { lowerExpr } from "./index.js";

export function lowerParenthesized(ctx: TransformContext, node: ts.ParenthesizedExpression): GoExpr {
  const inner = lowerExpr(ctx, node.expression);
  return inner.prec < Prec.Primary ? expr(`(${inner.code})`, inner.type, Prec.Primary, { ...inner, code: `(${inner.code})`, prec: Prec.Primary }) : inner;
}

/** `x as T`, `<T>x`, `x satisfies T`: a conversion only where Go needs one. */
export function lowerAsExpression(ctx: TransformContext, node: ts.AsExpression | ts.TypeAssertion | ts.SatisfiesExpression): GoExpr {
  if (isJsonParseCall(ctx, node.expression)) return lowerJsonParse(ctx, node.expression as ts.CallExpression, node);
  const value = lowerExpr(ctx, node.expression);
  if (ts.isSatisfiesExpression(node)) return value;
  const target = ctx.types.typeAt(node);
  return convert(ctx, value, target, node);
}

/** `x!`: the defined value of an optional. */
export function lowerNonNull(ctx: TransformContext, node: ts.NonNullExpression): GoExpr {
  return deref(lowerExpr(ctx, node.expression));
}
