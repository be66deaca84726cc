import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { NIL } from "../../go/types.js";
import { convert, deref } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { numberConstant } from "./literals.js";

export function lowerIdentifier(ctx: TransformContext, node: ts.Identifier): GoExpr {
  const sym = ctx.symbolOf(node);
  if (node.text === "undefined" && (!sym || ctx.isLibSymbol(sym) || !sym.declarations?.length)) {
    return expr("nil", NIL, Prec.Primary, { pure: true });
  }
  if (node.text === "NaN" && (!sym || ctx.isLibSymbol(sym))) return numberConstant(ctx, NaN);
  if (node.text === "Infinity" && (!sym || ctx.isLibSymbol(sym))) return numberConstant(ctx, Infinity);
  const v = sym && ctx.vars.get(sym);
  if (!v) {
    if (sym && (ctx.isLibSymbol(sym) || ctx.isSdkSymbol(sym))) unsupported(node, "MTS2018", node.text);
    return unsupported(node, "MTS2002", node.text);
  }
  v.reads++;
  return narrowed(ctx, expr(v.goName, v.type, Prec.Primary, { pure: true }), node);
}

/**
 * A stored value as TypeScript's flow analysis sees it at `node`: an optional that is
 * known to be defined there is dereferenced; an `unknown` narrowed to a type is asserted.
 */
export function narrowed(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  if (e.type.k !== "opt" && e.type.k !== "any") return e;
  const flow = ctx.attempt(() => ctx.types.typeAt(node), () => e.type);
  if (e.type.k === "opt" && flow.k !== "opt" && flow.k !== "void") return deref(e);
  if (e.type.k === "any" && flow.k !== "any" && flow.k !== "void") return convert(ctx, e, flow, node);
  return e;
}

export function lowerThis(ctx: TransformContext, node: ts.Node): GoExpr {
  if (!ctx.receiver) unsupported(node, "MTS2033");
  let cls: ts.Node | undefined = node.parent;
  while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
  const sym = cls && (cls as ts.ClassDeclaration).name ? ctx.symbolOf((cls as ts.ClassDeclaration).name!) : undefined;
  const info = sym && ctx.classes.get(sym);
  if (!info) return unsupported(node, "MTS2033");
  return expr(ctx.receiver!, { k: "struct", name: info.goName }, Prec.Primary, { pure: true });
}
