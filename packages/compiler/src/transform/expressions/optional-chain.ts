import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
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
  const chain = openChain(ctx, node);
  if (chain.kind === "done") return chain.value;
  try {
    const [pre, value] = ctx.capture(() => lowerExpr(ctx, node));
    let resultType = optionalOf(ctx.types.typeAt(node));
    const v = ctx.temp(tempBase(node, "v"));
    // A value more precise than TypeScript's type (a match's groups hold string | undefined)
    // keeps its own type; whatever consumes the chain converts it.
    const [pre2, converted] = ctx.attempt(
      () => ctx.capture(() => convert(ctx, value, resultType, node)),
      () => {
        resultType = optionalOf(value.type);
        return ctx.capture(() => convert(ctx, value, resultType, node));
      },
    );
    if (resultType.k === "void") {
      // `const r = xs?.forEach(f)`: the call runs when xs is defined; r is undefined either way.
      ctx.addPreceding({ kind: "if", cond: chain.cond, then: [...pre, ...effectOf(value)] });
      return expr("nil", { k: "nil" }, Prec.Primary, { pure: true });
    }
    ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
    ctx.addPreceding({ kind: "if", cond: chain.cond, then: [...pre, ...pre2, simple(`${v} = ${converted.code}`)] });
    return expr(v, resultType, Prec.Primary, { pure: true });
  } finally {
    chain.close();
  }
}

/**
 * `a?.push(x);` as a statement: the chain's value is not needed, so there is no result
 * variable, only `if a != nil { a.Push(x) }`.
 */
export function lowerOptionalChainEffect(ctx: TransformContext, node: ts.Expression): GoStmt[] {
  const [prelude, stmts] = ctx.capture((): GoStmt[] => {
    const chain = openChain(ctx, node);
    if (chain.kind === "done") return [];
    try {
      const [pre, value] = ctx.capture(() => lowerExpr(ctx, node));
      const body = [...pre, ...effectOf(value)];
      return body.length === 0 ? [] : [{ kind: "if", cond: chain.cond, then: body }];
    } finally {
      chain.close();
    }
  });
  return [...prelude, ...stmts];
}

/** The statements that evaluate e for its effect only. */
function effectOf(e: GoExpr): GoStmt[] {
  if (e.statement) return [simple(e.statement)];
  if (e.call) return [simple(e.code)];
  if (e.pure) return [];
  return [simple(`_ = ${e.code}`)];
}

type OpenChain = { kind: "done"; value: GoExpr } | { kind: "open"; cond: string; close: () => void };

/**
 * Evaluates the base of the chain (once) and puts it, known to be defined, in place for
 * the links after `?.`; the caller lowers the chain, then calls close().
 */
function openChain(ctx: TransformContext, node: ts.Expression): OpenChain {
  const links: Link[] = [];
  let questionLink: Link | undefined;
  for (let link: ts.Expression = node; isLink(link); link = link.expression) {
    links.push(link);
    if (link.questionDotToken) {
      questionLink = link;
      break;
    }
  }
  if (!questionLink) return { kind: "done", value: unsupported(node, "MTS2002", "optional chain") };
  const baseNode = questionLink.expression;
  const base = ts.isOptionalChain(baseNode) ? lowerOptionalChain(ctx, baseNode) : lowerExpr(ctx, baseNode);
  if (base.code === "nil" || base.type.k === "nil" || base.type.k === "null") {
    // undefined?.x is undefined.
    return { kind: "done", value: expr("nil", optionalOf(ctx.types.typeAt(node)), Prec.Primary, { pure: true }) };
  }
  const saved = base.pure ? base : ctx.saveInTemp(base, tempBase(baseNode, "v"));
  const nonNull = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(baseNode));
  const definedType = ctx.types.map(nonNull, baseNode);
  const defined = saved.type.k === "opt" ? deref(saved) : saved.type.k === "dyn" && definedType.k !== "dyn" ? convert(ctx, saved, definedType, baseNode) : saved;
  for (const l of links) ctx.chainsInProgress.add(l);
  ctx.substitutions.set(baseNode, { ...defined, pure: true });
  return {
    kind: "open",
    cond: not(isNullish(ctx, saved)).code,
    close: () => {
      for (const l of links) ctx.chainsInProgress.delete(l);
      ctx.substitutions.delete(baseNode);
    },
  };
}
