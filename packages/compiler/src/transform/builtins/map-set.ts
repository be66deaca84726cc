import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { BOOL, type GoType, VOID, sameType, tupleElem } from "../../go/types.js";
import { convert, describeGo, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { optionalResult } from "./array.js";
import { iterationOf } from "./iterables.js";
import { lowerCallback } from "./callbacks.js";

function call(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}

/** Map keys must be comparable Go values: numbers, strings, booleans, object references. */
function checkKey(t: GoType, at: ts.Node): void {
  if (t.k === "func" || t.k === "bytes") unsupported(at, "MTS2004", `a Map or Set keyed by ${describeGo(t)}`, "Key by a string or number instead.");
}

/** `new Map()`, `new Map([[k, v], ...])`, `new Map(otherMap)`, `new Map(entries)`. */
/** The Map/Set type `new Map()` builds: its own type, or (without type arguments) the contextual one. */
function constructedType(ctx: TransformContext, node: ts.NewExpression): GoType {
  return ctx.attempt(
    () => ctx.types.typeAt(node),
    () => {
      const contextual = ctx.checker.getContextualType(node);
      if (!contextual) return ctx.types.typeAt(node);
      const t = ctx.types.map(contextual, node);
      return t.k === "opt" ? t.inner : t;
    },
  );
}

export function newMap(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const t = constructedType(ctx, node);
  if (t.k !== "map") return unsupported(node, "MTS2004", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)));
  checkKey(t.key, node);
  const args = node.arguments ?? [];
  ctx.use("js");
  const base = `js.NewMap[${ctx.render(t.key)}, ${ctx.render(t.value)}]()`;
  if (args.length === 0) return call(base, t);
  const init = args[0]!;
  if (ts.isArrayLiteralExpression(init) && init.elements.every((e) => ts.isArrayLiteralExpression(e) && e.elements.length === 2)) {
    const pairs = init.elements.map((e) => (e as ts.ArrayLiteralExpression).elements);
    const flat = pairs.flatMap((p) => [p[0]!, p[1]!]);
    const values = ctx.exprList(flat, (e, i) => typedForInference(convert(ctx, lowerExpr(ctx, e), i % 2 === 0 ? t.key : t.value, e)));
    let code = base;
    for (let i = 0; i < values.length; i += 2) code += `.\n\tSet(${values[i]!.code}, ${values[i + 1]!.code})`;
    return call(code, t);
  }
  const initType = ctx.attempt<GoType>(() => ctx.types.typeAt(init), () => ({ k: "dyn" }));
  if (initType.k !== "array") {
    const it = iterationOf(ctx, init);
    if (it.elem.k !== "tuple") return unsupported(init, "MTS2017", "new Map(iterable) of this value", "Pass entries, another Map, or [key, value] tuples.");
    const tuple = it.elem;
    const elem = tupleElem(tuple);
    const m = ctx.temp("m");
    const e = ctx.temp("entry");
    const k = convert(ctx, expr(`${e}.Get(0)`, elem, Prec.Primary, { call: true }), t.key, init);
    const v = convert(ctx, expr(`${e}.Get(1)`, elem, Prec.Primary, { call: true }), t.value, init);
    ctx.addPreceding(simple(`${m} := ${base}`), { kind: "for", header: `${e} := range ${it.seq}`, body: [simple(`${m}.Set(${k.code}, ${v.code})`)] });
    return expr(m, t, Prec.Primary, { pure: true });
  }
  const src = lowerExpr(ctx, init);
  if (src.type.k === "array" && src.type.elem.k === "tuple") {
    const tuple = src.type.elem;
    const elem = tupleElem(tuple);
    const m = ctx.temp("m");
    const e = ctx.temp("entry");
    const k = convert(ctx, expr(`${e}.Get(0)`, elem, Prec.Primary, { call: true }), t.key, init);
    const v = convert(ctx, expr(`${e}.Get(1)`, elem, Prec.Primary, { call: true }), t.value, init);
    ctx.addPreceding(simple(`${m} := ${base}`), { kind: "for", header: `${e} := range ${paren(src, Prec.Primary)}.Values()`, body: [simple(`${m}.Set(${k.code}, ${v.code})`)] });
    return expr(m, t, Prec.Primary, { pure: true });
  }
  return unsupported(init, "MTS2017", "new Map(iterable) of this value", "Pass entries literally, another Map, or an array of [key, value] tuples.");
}

/** `new Set()`, `new Set([..])`, `new Set(array)`, `new Set(string)`, `new Set(otherSet)`. */
export function newSet(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const t = constructedType(ctx, node);
  if (t.k !== "set") return unsupported(node, "MTS2004", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)));
  checkKey(t.elem, node);
  const args = node.arguments ?? [];
  ctx.use("js");
  if (args.length === 0) return call(`js.NewSet[${ctx.render(t.elem)}]()`, t);
  const init = args[0]!;
  if (ts.isArrayLiteralExpression(init) && !init.elements.some(ts.isSpreadElement)) {
    const values = ctx.exprList(init.elements, (e) => typedForInference(convert(ctx, lowerExpr(ctx, e), t.elem, e)));
    return call(`js.NewSet[${ctx.render(t.elem)}](${values.map((v) => v.code).join(", ")})`, t);
  }
  const it = iterationOf(ctx, init);
  if (!sameType(it.elem, t.elem)) return unsupported(init, "MTS2020", describeGo(it.elem, ctx), describeGo(t.elem, ctx));
  return call(`js.SetFrom(${it.seq})`, t);
}

/** Map.prototype methods (iteration methods are lowered by for-of, spread and Array.from). */
export function mapMethod(ctx: TransformContext, m: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  if (m.type.k !== "map") throw new Error("mapMethod on a non-map");
  const { key, value } = m.type;
  const o = paren(m, Prec.Primary);
  const argNodes = node.arguments;
  switch (name) {
    case "get": {
      const [k] = ctx.exprList(argNodes, (x) => typedForInference(convert(ctx, lowerExpr(ctx, x), key, x)));
      return optionalResult(ctx, `${o}.Get(${k!.code})`, value);
    }
    case "set": {
      const [k, v] = ctx.exprList(argNodes, (x, i) => typedForInference(convert(ctx, lowerExpr(ctx, x), i === 0 ? key : value, x)));
      return call(`${o}.Set(${k!.code}, ${v!.code})`, m.type);
    }
    case "has":
    case "delete": {
      const [k] = ctx.exprList(argNodes, (x) => typedForInference(convert(ctx, lowerExpr(ctx, x), key, x)));
      return call(`${o}.${name === "has" ? "Has" : "Delete"}(${k!.code})`, BOOL);
    }
    case "clear":
      return call(`${o}.Clear()`, VOID);
    case "forEach": {
      const cb = lowerCallback(ctx, argNodes[0]!, [value, key], { result: VOID });
      if (cb.arity !== 2) return call(`${o}.ForEachValue(${cb.code})`, VOID);
      return call(`${o}.ForEach(${cb.code})`, VOID);
    }
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Map", name === "keys" || name === "values" || name === "entries" ? "Iterate with for...of, or collect with Array.from(map.keys())." : "See docs/subset.md.");
}

/** Set.prototype methods. */
export function setMethod(ctx: TransformContext, s: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  if (s.type.k !== "set") throw new Error("setMethod on a non-set");
  const elem = s.type.elem;
  const o = paren(s, Prec.Primary);
  const argNodes = node.arguments;
  switch (name) {
    case "add":
    case "has":
    case "delete": {
      const [v] = ctx.exprList(argNodes, (x) => typedForInference(convert(ctx, lowerExpr(ctx, x), elem, x)));
      const method = name[0]!.toUpperCase() + name.slice(1);
      return call(`${o}.${method}(${v!.code})`, name === "add" ? s.type : BOOL);
    }
    case "clear":
      return call(`${o}.Clear()`, VOID);
    case "forEach": {
      const cb = lowerCallback(ctx, argNodes[0]!, [elem], { result: VOID });
      return call(`${o}.ForEach(${cb.code})`, VOID);
    }
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Set", "Iterate with for...of; see docs/subset.md.");
}
