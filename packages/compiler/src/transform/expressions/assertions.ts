import { ts } from "ts-morph";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { isPrimitive } from "../../go/types.js";
import { convert, deref, toIndex } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { isJsonParseCall, lowerJsonParse } from "../builtins/json.js";
import { lowerExpr } from "./index.js";

export function lowerParenthesized(ctx: TransformContext, node: ts.ParenthesizedExpression): GoExpr {
  const inner = lowerExpr(ctx, node.expression);
  return inner.prec < Prec.Primary ? { ...inner, code: `(${inner.code})`, prec: Prec.Primary } : inner;
}

/** `x as T`, `<T>x`, `x satisfies T`: a conversion only where Go needs one. */
export function lowerAsExpression(ctx: TransformContext, node: ts.AsExpression | ts.TypeAssertion | ts.SatisfiesExpression): GoExpr {
  if (isJsonParseCall(ctx, node.expression)) return lowerJsonParse(ctx, node.expression as ts.CallExpression, node);
  const value = lowerExpr(ctx, node.expression);
  if (ts.isSatisfiesExpression(node)) return value;
  if (ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === "const") return value;
  const target = ctx.types.typeAt(node);
  return convert(ctx, value, target, node);
}

/**
 * `x!`: the value, asserted not to be null or undefined. JavaScript does not check; the
 * compiled code throws a TypeError where the value is missing (it cannot hold undefined
 * in a non-optional Go type), so a false assertion fails loudly instead of spreading.
 */
export function lowerNonNull(ctx: TransformContext, node: ts.NonNullExpression): GoExpr {
  const inner = unwrap(node.expression);
  if (ts.isElementAccessExpression(inner) && !ts.isOptionalChain(inner)) {
    const objType = ctx.types.typeAt(inner.expression);
    if (objType.k === "array") {
      const [obj, index] = ctx.exprList([inner.expression, inner.argumentExpression], (n) => lowerExpr(ctx, n));
      return expr(`${paren(obj!, Prec.Primary)}.Get(${toIndex(ctx, index!).code})`, objType.elem, Prec.Primary, { call: true });
    }
  }
  const v = lowerExpr(ctx, node.expression);
  const target = ctx.types.typeAt(node);
  if (v.type.k === "opt") {
    ctx.use("js");
    if (isPrimitive(v.type.inner)) return convert(ctx, expr(`js.Must(${v.code})`, v.type.inner, Prec.Primary, { call: true }), target, node);
    return convert(ctx, expr(`js.MustNotNil(${v.code})`, v.type.inner, Prec.Primary, { call: true }), target, node);
  }
  if (v.type.k === "dyn" && target.k !== "dyn") return convert(ctx, v, target, node);
  return deref(v);
}

function unwrap(n: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}
