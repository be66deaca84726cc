import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, numberLiteral, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, STRING } from "../../go/types.js";
import type { TransformContext } from "../context.js";

export function numberConstant(ctx: TransformContext, v: number): GoExpr {
  const lit = numberLiteral(v);
  if (lit.needsMath) ctx.use("math");
  return expr(lit.code, FLOAT, lit.prec, { num: v, untyped: !lit.needsMath, pure: true });
}

export function lowerNumericLiteral(ctx: TransformContext, node: ts.NumericLiteral): GoExpr {
  return numberConstant(ctx, Number(node.text));
}

export function lowerStringLiteral(_ctx: TransformContext, node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): GoExpr {
  return expr(stringLiteral(node.text), STRING, Prec.Primary, { pure: true });
}

export function lowerBooleanLiteral(_ctx: TransformContext, node: ts.Node): GoExpr {
  return expr(node.kind === ts.SyntaxKind.TrueKeyword ? "true" : "false", BOOL, Prec.Primary, { pure: true });
}

export function lowerNull(_ctx: TransformContext, node: ts.Node): GoExpr {
  return unsupported(node, "MTS2006");
}

export function lowerRegex(_ctx: TransformContext, node: ts.Node): GoExpr {
  return unsupported(node, "MTS2012");
}
