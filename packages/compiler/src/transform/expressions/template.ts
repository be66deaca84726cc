import { ts } from "ts-morph";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { STRING } from "../../go/types.js";
import type { TransformContext } from "../context.js";
import { concat, toStringExpr } from "../strings.js";
import { lowerExpr } from "./index.js";

/** `a${x}b` → "a" + String(x) + "b". */
export function lowerTemplate(ctx: TransformContext, node: ts.TemplateExpression): GoExpr {
  const values = ctx.exprList(node.templateSpans, (span) => toStringExpr(ctx, lowerExpr(ctx, span.expression)));
  const parts: GoExpr[] = [lit(node.head.text)];
  node.templateSpans.forEach((span, i) => {
    parts.push(values[i]!);
    parts.push(lit(span.literal.text));
  });
  return concat(parts);
}

function lit(text: string): GoExpr {
  return expr(stringLiteral(text), STRING, Prec.Primary, { pure: true });
}
