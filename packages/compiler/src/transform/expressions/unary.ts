import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { FLOAT, STRING, type GoType } from "../../go/types.js";
import { box, deref, not, toFloat, truthy } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { toNumber } from "../builtins/number.js";
import { lowerDeleteTarget, lowerIncrementValue } from "../statements/expression-statement.js";
import { lowerExpr } from "./index.js";
import { numberConstant } from "./literals.js";

export function lowerPrefixUnary(ctx: TransformContext, node: ts.PrefixUnaryExpression): GoExpr {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken:
      return not(truthy(ctx, lowerExpr(ctx, node.operand)));
    case ts.SyntaxKind.MinusToken: {
      const v = lowerExpr(ctx, node.operand);
      if (v.num !== undefined) return numberConstant(ctx, -v.num);
      const n = toNumber(ctx, v, node);
      return expr(`-${paren(toFloat(n), Prec.Unary)}`, FLOAT, Prec.Unary, { pure: n.pure });
    }
    case ts.SyntaxKind.PlusToken:
      return toNumber(ctx, lowerExpr(ctx, node.operand), node);
    case ts.SyntaxKind.TildeToken: {
      const v = toFloat(toNumber(ctx, lowerExpr(ctx, node.operand), node));
      if (v.num !== undefined) return numberConstant(ctx, ~v.num);
      ctx.use("js");
      return expr(`float64(^js.ToInt32(${v.code}))`, FLOAT, Prec.Primary, { pure: v.pure });
    }
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
      return lowerIncrementValue(ctx, node.operand, node.operator === ts.SyntaxKind.PlusPlusToken, true);
  }
  return unsupported(node, "MTS2015", ts.tokenToString(node.operator) ?? "operator");
}

export function lowerPostfixUnary(ctx: TransformContext, node: ts.PostfixUnaryExpression): GoExpr {
  return lowerIncrementValue(ctx, node.operand, node.operator === ts.SyntaxKind.PlusPlusToken, false);
}

/** The typeof of a Go type whose JavaScript type is known statically. */
function staticTypeOf(t: GoType): string | undefined {
  switch (t.k) {
    case "float":
    case "int":
      return "number";
    case "string":
      return "string";
    case "bool":
      return "boolean";
    case "func":
      return "function";
    case "void":
    case "nil":
      return "undefined";
    case "null":
      return "object";
    case "api":
      return t.name === "Status" || t.name === "LogLevel" || t.name === "DestroyReason" || t.name === "LifeSpan" || t.name === "StreamSharing" ? "number" : "object";
    case "opt":
    case "dyn":
      return undefined;
    default:
      return "object";
  }
}

/** `typeof x`: a constant when the type says it, else js.TypeOf. */
export function lowerTypeOf(ctx: TransformContext, node: ts.TypeOfExpression): GoExpr {
  const v = lowerExpr(ctx, node.expression);
  const known = staticTypeOf(v.type);
  if (known !== undefined) {
    if (!v.pure && v.call) ctx.addPreceding(simple(v.code));
    return expr(stringLiteral(known), STRING, Prec.Primary, { pure: true, str: known });
  }
  if (v.type.k === "opt") {
    const inner = staticTypeOf(v.type.inner);
    if (inner !== undefined && v.type.nil === "undefined") {
      ctx.use("js");
      return expr(`js.TypeOfOptional(${v.code} == nil, ${stringLiteral(inner)})`, STRING, Prec.Primary, { call: true });
    }
  }
  ctx.use("js");
  return expr(`js.TypeOf(${box(ctx, v).code})`, STRING, Prec.Primary, { call: true, pure: v.pure });
}

/** `void e`: e for its effects, then undefined. */
export function lowerVoid(ctx: TransformContext, node: ts.VoidExpression): GoExpr {
  const v = lowerExpr(ctx, node.expression);
  if (!v.pure) ctx.addPreceding(simple(v.call ? v.statement ?? v.code : `_ = ${v.code}`));
  return expr("nil", { k: "nil" }, Prec.Primary, { pure: true });
}

/** `delete obj.prop` / `delete record[key]`: true. */
export function lowerDelete(ctx: TransformContext, node: ts.DeleteExpression): GoExpr {
  ctx.addPreceding(...lowerDeleteTarget(ctx, node.expression));
  return expr("true", { k: "bool" }, Prec.Primary, { pure: true });
}

export { deref };
