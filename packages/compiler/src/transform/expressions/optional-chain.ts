import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { optionalOf } from "../../go/types.js";
import { convert, deref, not } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { isNullish } from "./binary.js";
import { lowerExpr } from "./index.js";
import { tempBase } from "./logical.js";

type Link = ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression;

function isLink(n: ts.Node): n is Link {
  return ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n) || ts.isCallExpression(n);
}

/** Whether node is the outermost expression of an optional chain not yet being lowered. */
export function isChainHead(ctx: TransformContext, node: ts.Expression): boolean {
  if (!ts.isOptionalChain(node) || ctx.chainsInProgress.has(node)) return false;
  const parent = node.parent;
  const continues = isLink(parent) && parent.expression === node && ts.isOptionalChain(parent);
  return !continues;
}

/**
 * `a?.b.c`: evaluates a once; when it is null or undefined the whole chain is undefined,
 * else the chain is lowered with a in place, known to be defined. Several `?.` nest.
 */
export function lowerOptionalChain(ctx: TransformContext, node: ts.Expression): GoExpr {
  const links: Link[] = [];
  let questionLink: Link | undefined;
  for (let link: ts.Expression = node; isLink(link); link = link.expression) {
    links.push(link);
    if (link.questionDotToken) {
      questionLink = link;
      break;
    }
  }
  if (!questionLink) return unsupported(node, "MTS2002", "optional chain");
  const baseNode = questionLink.expression;
  const base = ts.isOptionalChain(baseNode) ? lowerOptionalChain(ctx, baseNode) : lowerExpr(ctx, baseNode);
  if (base.code === "nil" || base.type.k === "nil" || base.type.k === "null") {
    // undefined?.x is undefined.
    return expr("nil", optionalOf(ctx.types.typeAt(node)), Prec.Primary, { pure: true });
  }
  const saved = base.pure ? base : ctx.saveInTemp(base, tempBase(baseNode, "v"));
  let resultType = optionalOf(ctx.types.typeAt(node));
  const nonNull = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(baseNode));
  const definedType = ctx.types.map(nonNull, baseNode);
  const defined = saved.type.k === "opt" ? deref(saved) : saved.type.k === "dyn" && definedType.k !== "dyn" ? convert(ctx, saved, definedType, baseNode) : saved;
  for (const l of links) ctx.chainsInProgress.add(l);
  ctx.substitutions.set(baseNode, { ...defined, pure: true });
  try {
    const [pre, value] = ctx.capture(() => lowerExpr(ctx, node));
    const v = ctx.temp(tempBase(node, "v"));
    const cond = not(isNullish(ctx, saved));
    // A value more precise than TypeScript's type (a match's groups hold string | undefined)
    // keeps its own type; whatever consumes the chain converts it.
    const [pre2, converted] = ctx.attempt(
      () => ctx.capture(() => convert(ctx, value, resultType, node)),
      () => {
        resultType = optionalOf(value.type);
        return ctx.capture(() => convert(ctx, value, resultType, node));
      },
    );
    ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
    const assign = resultType.k === "void" ? [simple(value.statement ?? value.code)] : [simple(`${v} = ${converted.code}`)];
    ctx.addPreceding({ kind: "if", cond: cond.code, then: [...pre, ...pre2, ...assign] });
    return expr(v, resultType, Prec.Primary, { pure: true });
  } finally {
    for (const l of links) ctx.chainsInProgress.delete(l);
    ctx.substitutions.delete(baseNode);
  }
}
