import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
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

/** String.raw`...`: the raw source text of the literal parts (the only tag supported). */
export function lowerTaggedTemplate(ctx: TransformContext, node: ts.TaggedTemplateExpression): GoExpr {
  const tag = node.tag;
  if (ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression) && tag.expression.text === "String" && tag.name.text === "raw") {
    const sym = ctx.symbolOf(tag.expression);
    if (sym && ctx.isLibSymbol(sym)) {
      const raw = (t: ts.TemplateLiteralLikeNode): GoExpr => lit((t.rawText ?? t.text).replace(/\r\n?/g, "\n"));
      const tpl = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(tpl)) return raw(tpl);
      const values = ctx.exprList(tpl.templateSpans, (span) => toStringExpr(ctx, lowerExpr(ctx, span.expression)));
      const parts: GoExpr[] = [raw(tpl.head)];
      tpl.templateSpans.forEach((span, i) => parts.push(values[i]!, raw(span.literal)));
      return concat(parts);
    }
  }
  return unsupported(node, "MTS2017", "tagged templates (other than String.raw)", "Build the string with a template literal and function calls.");
}

function lit(text: string): GoExpr {
  return expr(stringLiteral(text), STRING, Prec.Primary, { pure: true, str: text });
}
