import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { optionalOf } from "../../go/types.js";
import { convert, deref } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "./index.js";
import { tempBase } from "./logical.js";

/** Whether node is the outermost expression of an optional chain not yet being lowered. */
export function isChainHead(ctx: TransformContext, node: ts.Expression): boolean {
  if (!ts.isOptionalChain(node) || ctx.chainsInProgress.has(node)) return false;
  const parent = node.parent;
  const continues =
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)) &&
    parent.expression === node &&
    ts.isOptionalChain(parent);
  return !continues;
}

/**
 * `a?.b.c`: evaluates a once; when it is undefined the whole chain is undefined, else the
 * chain is lowered with a in place, known to be defined.
 */
export function lowerOptionalChain(ctx: TransformContext, node: ts.Expression): GoExpr {
  let link: ts.Expression = node;
  let questionLink: (ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression) | undefined;
  const links: ts.Node[] = [];
  while (ts.isPropertyAccessExpression(link) || ts.isElementAccessExpression(link) || ts.isCallExpression(link)) {
    links.push(link);
    if (link.questionDotToken) {
      if (questionLink) unsupported(link, "MTS2017", "several '?.' in one chain", "Check each part with an if statement.");
      questionLink = link;
    }
    if (!ts.isOptionalChain(link) || link.questionDotToken) break;
    link = link.expression;
  }
  if (!questionLink) return unsupported(node, "MTS2002", "optional chain");
  if (ts.isCallExpression(questionLink)) unsupported(questionLink, "MTS2017", "optional call '?.()'", "Check that the function is defined with an if statement.");
  const base = lowerExpr(ctx, questionLink.expression);
  const saved = base.pure ? base : ctx.saveInTemp(base, tempBase(questionLink.expression, "v"));
  const resultType = optionalOf(ctx.types.typeAt(node));
  for (const l of links) ctx.chainsInProgress.add(l);
  ctx.substitutions.set(questionLink.expression, deref(saved));
  try {
    const [pre, value] = ctx.capture(() => lowerExpr(ctx, node));
    const v = ctx.temp(tempBase(node, "v"));
    ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
    ctx.addPreceding({ kind: "if", cond: `${saved.code} != nil`, then: [...pre, simple(`${v} = ${convert(ctx, value, resultType, node).code}`)] });
    return expr(v, resultType, Prec.Primary, { pure: true });
  } finally {
    for (const l of links) ctx.chainsInProgress.delete(l);
    ctx.substitutions.delete(questionLink.expression);
  }
}
