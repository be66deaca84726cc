import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { Prec, paren } from "../../go/expr.js";
import { FLOAT, STRING, type GoType, optionalOf, tupleElem } from "../../go/types.js";
import { describeGo } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

/** An iteration a JavaScript iterable stands for: a Go iter.Seq of its values (entries as [key, value] tuples). */
export interface Iteration {
  /** Go iter.Seq[T] expression. */
  seq: string;
  elem: GoType;
}

/**
 * What for...of, spread, Array.from, new Set and new Map iterate: arrays, strings (by
 * code point), Sets, Maps (entries), their keys()/values()/entries(), Uint8Array, match results.
 */
export function iterationOf(ctx: TransformContext, node: ts.Expression): Iteration {
  ctx.use("js");
  let method: string | undefined;
  let source = node;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 0) {
    const name = node.expression.name.text;
    const t = ctx.types.typeAt(node.expression.expression);
    if ((t.k === "map" || t.k === "set" || t.k === "array" || t.k === "tuple") && ["keys", "values", "entries"].includes(name)) {
      method = name;
      source = node.expression.expression;
    }
  }
  const v = lowerExpr(ctx, source);
  const o = paren(v, Prec.Primary);
  const pairs = (key: GoType, value: GoType, seq2: string): Iteration => {
    const elem: GoType = { k: "tuple", elems: [key, value] };
    return { seq: `js.EntryTuples[${ctx.render(tupleElem(elem))}](${seq2})`, elem };
  };
  const t = v.type;
  switch (t.k) {
    case "array":
    case "tuple": {
      const elem = t.k === "tuple" ? tupleElem(t) : t.elem;
      if (method === "keys") return { seq: `js.IndexNumbers(${o}.Keys())`, elem: FLOAT };
      if (method === "entries") return pairs(FLOAT, elem, `${o}.Entries()`);
      return { seq: `${o}.Values()`, elem };
    }
    case "string":
      return { seq: `js.Chars(${v.code})`, elem: STRING };
    case "set":
      if (method === "entries") return pairs(t.elem, t.elem, `${o}.Entries()`);
      return { seq: `${o}.Values()`, elem: t.elem };
    case "map":
      if (method === "keys") return { seq: `${o}.Keys()`, elem: t.key };
      if (method === "values") return { seq: `${o}.Values()`, elem: t.value };
      return pairs(t.key, t.value, `${o}.All()`);
    case "bytes":
      return { seq: `js.ByteValues(${v.code})`, elem: FLOAT };
    case "match":
      return { seq: `${o}.Values()`, elem: optionalOf(STRING) };
  }
  return unsupported(node, "MTS2017", `iterating ${describeGo(t, ctx)}`, "Iterate arrays, strings, Maps, Sets, Uint8Array and their keys()/values()/entries().");
}
