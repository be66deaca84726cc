import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { type GoType, DYN, sameType, tupleElem } from "../../go/types.js";
import { convert, describeGo, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { iterationOf } from "../builtins/iterables.js";
import { lowerExpr } from "./index.js";

/** The array or tuple type an array literal builds: its contextual type when it is one, else its own. */
function literalTarget(ctx: TransformContext, node: ts.ArrayLiteralExpression): GoType {
  let contextual = ctx.checker.getContextualType(node);
  if (contextual && contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) contextual = undefined;
  if (contextual?.isUnion()) {
    const own = ctx.checker.getTypeAtLocation(node);
    contextual = contextual.types.find((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && ctx.checker.isTypeAssignableTo(own, m));
  }
  let t: GoType | undefined = contextual ? ctx.attempt<GoType | undefined>(() => ctx.types.map(contextual!, node), () => undefined) : undefined;
  if (t?.k === "opt") t = t.inner;
  if (t?.k === "array" || t?.k === "tuple") return t;
  // An element of an array literal without a contextual type: the enclosing literal's
  // element type, so `[4]` in `[[1, [2, 3]], [4]]` is built as a `(number | number[])[]`
  // like its sibling, and `[]` gets a type at all.
  const parent = node.parent;
  if (ts.isArrayLiteralExpression(parent)) {
    const outer = literalTarget(ctx, parent);
    const elem = outer.k === "tuple" ? outer.elems[parent.elements.indexOf(node)] : outer.k === "array" ? outer.elem : undefined;
    if (elem?.k === "array" || elem?.k === "tuple") return elem;
  }
  t = ctx.types.typeAt(node);
  return t.k === "opt" ? t.inner : t;
}

/** `[a, b]` → js.NewArray[T](a, b); spreads are appended in order. */
export function lowerArrayLiteral(ctx: TransformContext, node: ts.ArrayLiteralExpression): GoExpr {
  const t = literalTarget(ctx, node);
  if (t.k !== "array" && t.k !== "tuple") return unsupported(node, "MTS2021", describeGo(t, ctx));
  const elemOf = (i: number): GoType => (t.k === "tuple" ? t.elems[i] ?? DYN : t.elem);
  const goElem = t.k === "tuple" ? tupleElem(t) : t.elem.k === "void" ? DYN : t.elem;
  ctx.use("js");
  for (const e of node.elements) if (ts.isOmittedExpression(e)) unsupported(e, "MTS2011");
  if (!node.elements.some(ts.isSpreadElement)) {
    const values = ctx.exprList(node.elements, (e, i) => {
      const v = convert(ctx, lowerExpr(ctx, e), elemOf(i), e);
      return sameType(v.type, goElem) ? v : convert(ctx, v, goElem, e);
    });
    const args = values.map((v) => (goElem.k === "float" || goElem.k === "dyn" ? typedForInference(v) : v).code);
    return expr(`js.NewArray[${ctx.render(goElem)}](${args.join(", ")})`, t, Prec.Primary, { call: true, effectFree: values.every((v) => v.pure || v.effectFree === true) });
  }
  if (t.k === "tuple") return unsupported(node, "MTS2011");
  const arr = ctx.temp("items");
  ctx.addPreceding(simple(`${arr} := js.NewArray[${ctx.render(goElem)}]()`));
  for (const e of node.elements) {
    if (ts.isSpreadElement(e)) {
      const srcType = ctx.attempt<GoType>(() => ctx.types.typeAt(e.expression), () => DYN);
      if (srcType.k === "array" || srcType.k === "tuple") {
        const src = lowerExpr(ctx, e.expression);
        const have = src.type.k === "tuple" ? tupleElem(src.type) : src.type.k === "array" ? src.type.elem : DYN;
        if (!sameType(have, goElem)) unsupported(e, "MTS2020", describeGo(src.type, ctx), describeGo(t, ctx));
        ctx.addPreceding(simple(`${arr}.Push(${paren(src, Prec.Primary)}.Items()...)`));
        continue;
      }
      const it = iterationOf(ctx, e.expression);
      if (!sameType(it.elem, goElem) && !(it.elem.k === "tuple" && goElem.k === "tuple" && sameType(tupleElem(it.elem), tupleElem(goElem)))) {
        unsupported(e, "MTS2020", describeGo(it.elem, ctx), describeGo(goElem, ctx));
      }
      ctx.addPreceding(simple(`${arr}.PushAll(${it.seq})`));
      continue;
    }
    const v = convert(ctx, lowerExpr(ctx, e), goElem, e);
    ctx.addPreceding(simple(`${arr}.Push(${typedForInference(v).code})`));
  }
  return expr(arr, t, Prec.Primary, { pure: true });
}
