import { ts } from "ts-morph";
import { type GoExpr, Prec, expr, numberLiteral, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, NULL, STRING } from "../../go/types.js";
import type { TransformContext } from "../context.js";

export function numberConstant(ctx: TransformContext, v: number): GoExpr {
  const lit = numberLiteral(v);
  if (lit.needsMath) ctx.use("math");
  return expr(lit.code, FLOAT, lit.prec, { num: v, untyped: !lit.needsMath, pure: true });
}

export function lowerNumericLiteral(ctx: TransformContext, node: ts.NumericLiteral): GoExpr {
  return numberConstant(ctx, Number(node.text));
}

export function stringConstant(s: string): GoExpr {
  return expr(stringLiteral(s), STRING, Prec.Primary, { pure: true, str: s });
}

export function lowerStringLiteral(_ctx: TransformContext, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): GoExpr {
  return stringConstant(node.text);
}

export function lowerBooleanLiteral(_ctx: TransformContext, node: ts.Node): GoExpr {
  return expr(node.kind === ts.SyntaxKind.TrueKeyword ? "true" : "false", BOOL, Prec.Primary, { pure: true });
}

export function lowerNull(ctx: TransformContext): GoExpr {
  ctx.use("js");
  return expr("js.Null", NULL, Prec.Primary, { pure: true });
}
