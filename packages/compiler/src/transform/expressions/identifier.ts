import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { type GoType, NIL, sameType } from "../../go/types.js";
import { instanceType, isPolymorphic, rootOf } from "../../model/classes.js";
import { convert } from "../coerce.js";
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
    if (sym && sym.flags & ts.SymbolFlags.Class) unsupported(node, "MTS2042", node.text);
    if (sym && sym.flags & ts.SymbolFlags.Enum) unsupported(node, "MTS2024", "an enum used as a value");
    if (sym && ctx.functions.get(sym)?.generic) unsupported(node, "MTS2009", "a generic function used as a value");
    if (sym && (ctx.isLibSymbol(sym) || ctx.isSdkSymbol(sym))) unsupported(node, "MTS2018", node.text);
    return unsupported(node, "MTS2002", node.text);
  }
  v.reads++;
  const stable = ctx.isStableVariable(sym!);
  const fixed = isConstDeclaration(sym!);
  return narrowed(ctx, expr(v.goName, v.type, Prec.Primary, { pure: true, stable, fixed }), node);
}

function isConstDeclaration(sym: ts.Symbol): boolean {
  let d: ts.Node | undefined = sym.valueDeclaration;
  while (d && (ts.isBindingElement(d) || ts.isObjectBindingPattern(d) || ts.isArrayBindingPattern(d))) d = d.parent;
  return d !== undefined && ts.isVariableDeclaration(d) && ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
}

/**
 * A stored value as TypeScript's flow analysis sees it at `node`: an optional known to be
 * defined there is dereferenced; a union or `unknown` narrowed to one type is asserted; a
 * class value narrowed by instanceof is asserted to the subclass.
 */
export function narrowed(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  const k = e.type.k;
  if (k !== "opt" && k !== "dyn" && k !== "iface" && k !== "error") return e;
  const flow = ctx.attempt<GoType | undefined>(() => ctx.types.typeAt(node), () => undefined);
  if (!flow || sameType(flow, e.type)) return e;
  if (flow.k === "void" || flow.k === "null" || flow.k === "nil" || flow.k === "dyn") return e;
  if (k === "opt" && flow.k === "opt") return e;
  return ctx.attempt(
    () => convert(ctx, e, flow, node),
    () => e,
  );
}

/** `this`: the receiver; the most derived object (`self`) where a class has subclasses. */
export function lowerThis(ctx: TransformContext, node: ts.Node): GoExpr {
  const cls = ctx.currentClass;
  if (!ctx.receiver || !cls) return unsupported(node, "MTS2033");
  const t = instanceType(cls);
  if (isPolymorphic(cls)) {
    const root = rootOf(cls);
    const self = `${ctx.receiver}.self`;
    return root === cls ? expr(self, t, Prec.Primary, { pure: true, stable: true, fixed: true }) : expr(`${self}.(${cls.likeName})`, t, Prec.Primary, { pure: true });
  }
  return expr(ctx.receiver, t, Prec.Primary, { pure: true, stable: true, fixed: true });
}

/** The receiver as its own struct (field access never needs the dynamic object). */
export function receiverStruct(ctx: TransformContext, node: ts.Node): GoExpr {
  const cls = ctx.currentClass;
  if (!ctx.receiver || !cls) return unsupported(node, "MTS2033");
  return expr(ctx.receiver, { k: "struct", name: cls.goName }, Prec.Primary, { pure: true, stable: true, fixed: true });
}
