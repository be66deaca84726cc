import { ts } from "ts-morph";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import type { GoStmt } from "../../go/ir.js";
import { isNilable } from "../../go/types.js";
import { convert, deref, not, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";

/** A readable base name for a temporary holding `node`'s value. */
export function tempBase(node: ts.Expression, fallback: string): string {
  let n: ts.Expression = node;
  while (ts.isParenthesizedExpression(n) || ts.isNonNullExpression(n) || ts.isAsExpression(n)) n = n.expression;
  if (ts.isIdentifier(n)) return n.text;
  if (ts.isPropertyAccessExpression(n)) return n.name.text;
  if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) return n.expression.name.text;
  return fallback;
}

/**
 * `a && b`, `a || b`. Between booleans without side effects in `b`, Go's operators; with
 * values of other types (`name || "anonymous"`), a temporary and an if statement.
 */
export function lowerLogical(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const isAnd = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  const resultType = ctx.types.typeAt(node);
  const left = lowerExpr(ctx, node.left);
  const [pre, right] = ctx.capture(() => lowerExpr(ctx, node.right));
  if (resultType.k === "bool" && left.type.k === "bool" && right.type.k === "bool" && pre.length === 0) {
    const prec = isAnd ? Prec.AndAnd : Prec.OrOr;
    return expr(`${paren(left, prec)} ${isAnd ? "&&" : "||"} ${paren(right, prec + 1)}`, resultType, prec, { pure: left.pure && right.pure });
  }
  if (resultType.k === "bool") {
    // Truthiness of non-boolean operands, or a right side that needs statements first.
    const l = truthy(ctx, left);
    const v = ctx.temp(tempBase(node.left, "ok"));
    const r = truthy(ctx, right);
    ctx.addPreceding({ kind: "simple", code: `${v} := ${l.code}` });
    ctx.addPreceding({ kind: "if", cond: isAnd ? v : `!${v}`, then: [...pre, { kind: "simple", code: `${v} = ${r.code}` }] });
    return expr(v, resultType, Prec.Primary, { pure: true });
  }
  const saved = left.pure ? left : ctx.saveInTemp(left, tempBase(node.left, "v"));
  const v = ctx.temp(tempBase(node.left, "v"));
  const cond = truthy(ctx, saved);
  const leftValue = isAnd ? convert(ctx, saved, resultType, node) : convert(ctx, narrowTruthy(saved), resultType, node);
  const rightValue = convert(ctx, right, resultType, node);
  const assignRight: GoStmt[] = [...pre, { kind: "simple", code: `${v} = ${rightValue.code}` }];
  ctx.addPreceding({ kind: "simple", code: `var ${v} ${ctx.render(resultType)}` });
  ctx.addPreceding({
    kind: "if",
    cond: isAnd ? cond.code : not(cond).code,
    then: assignRight,
    else: [{ kind: "simple", code: `${v} = ${leftValue.code}` }],
  });
  return expr(v, resultType, Prec.Primary, { pure: true });
}

/** In `a || b`, a's value is used only when truthy, so an optional is defined there. */
function narrowTruthy(e: GoExpr): GoExpr {
  return e.type.k === "opt" ? deref(e) : e;
}

/** `a ?? b`: b (evaluated only when needed) unless a is defined. */
export function lowerNullish(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const resultType = ctx.types.typeAt(node);
  const left = lowerExpr(ctx, node.left);
  if (left.type.k !== "opt" && !isNilable(left.type)) return left; // never undefined
  const [pre, right] = ctx.capture(() => lowerExpr(ctx, node.right));
  const saved = left.pure ? left : ctx.saveInTemp(left, tempBase(node.left, "v"));
  const v = ctx.temp(`${tempBase(node.left, "value")}OrDefault`);
  const defined = convert(ctx, deref(saved), resultType, node);
  const fallback = convert(ctx, right, resultType, node);
  if (pre.length === 0 && right.pure) {
    const init = resultType.k === "float" ? typedForInference(fallback) : fallback;
    ctx.addPreceding(
      init.type.k === "nil" || fallback.code === "nil"
        ? { kind: "simple", code: `var ${v} ${ctx.render(resultType)}` }
        : { kind: "simple", code: `${v} := ${init.code}` },
    );
    ctx.addPreceding({ kind: "if", cond: `${saved.code} != nil`, then: [{ kind: "simple", code: `${v} = ${defined.code}` }] });
  } else {
    ctx.addPreceding({ kind: "simple", code: `var ${v} ${ctx.render(resultType)}` });
    ctx.addPreceding({
      kind: "if",
      cond: `${saved.code} != nil`,
      then: [{ kind: "simple", code: `${v} = ${defined.code}` }],
      else: [...pre, { kind: "simple", code: `${v} = ${fallback.code}` }],
    });
  }
  return expr(v, resultType, Prec.Primary, { pure: true });
}
