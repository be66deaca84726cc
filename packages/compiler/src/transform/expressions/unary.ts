import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { FLOAT } from "../../go/types.js";
import { deref, not, toFloat, truthy } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";
import { numberConstant } from "./literals.js";
import { toNumber } from "../builtins/number.js";

export function lowerPrefixUnary(ctx: TransformContext, node: ts.PrefixUnaryExpression): GoExpr {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken:
      return not(truthy(ctx, lowerExpr(ctx, node.operand)));
    case ts.SyntaxKind.MinusToken: {
      const v = lowerExpr(ctx, node.operand);
      if (v.num !== undefined) return numberConstant(ctx, -v.num);
      const n = v.type.k === "opt" ? deref(v) : v;
      if (n.type.k !== "float" && n.type.k !== "int") return unsupported(node, "MTS2015", "unary - on a non-number");
      return expr(`-${paren(n, Prec.Unary)}`, n.type, Prec.Unary, { pure: n.pure });
    }
    case ts.SyntaxKind.PlusToken:
      return toNumber(ctx, lowerExpr(ctx, node.operand), node);
    case ts.SyntaxKind.TildeToken: {
      const v = toFloat(lowerExpr(ctx, node.operand));
      if (v.num !== undefined) return numberConstant(ctx, ~v.num);
      ctx.use("js");
      return expr(`float64(^js.ToInt32(${v.code}))`, FLOAT, Prec.Primary, { pure: v.pure });
    }
  }
  return unsupported(node, "MTS2023");
}

export function lowerPostfixUnary(_ctx: TransformContext, node: ts.PostfixUnaryExpression): GoExpr {
  return unsupported(node, "MTS2023");
}
