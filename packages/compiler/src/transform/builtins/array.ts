import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, VOID, isPrimitive, optionalOf, sameType, tupleElem } from "../../go/types.js";
import { convert, describeGo, toInt, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerCallback } from "./callbacks.js";

/** Wraps a Go (value, ok) call as the JavaScript `T | undefined` it stands for. */
export function optionalResult(ctx: TransformContext, call: string, elem: GoType): GoExpr {
  ctx.use("js");
  const opt = optionalOf(elem);
  const wrapped = isPrimitive(elem) ? `js.Opt(${call})` : `js.OrZero(${call})`;
  return expr(wrapped, opt, Prec.Primary, { call: true, statement: call });
}

/** Array.prototype methods. */
export function arrayMethod(ctx: TransformContext, arr: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  if (arr.type.k !== "array" && arr.type.k !== "tuple") throw new Error("arrayMethod on a non-array");
  const elem = arr.type.k === "tuple" ? tupleElem(arr.type) : arr.type.elem;
  const arrType: GoType = arr.type.k === "tuple" ? { k: "array", elem } : arr.type;
  const mutating = ["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin"];
  if (arr.type.k === "tuple" && mutating.includes(name)) unsupported(node.expression, "MTS2021", `${name}() on a tuple`);
  const a = paren(arr, Prec.Primary);
  const argNodes = node.arguments;
  const n = argNodes.length;
  const call = (code: string, type: GoType) => expr(code, type, Prec.Primary, { call: true });
  const values = (to: GoType) => ctx.exprList(argNodes, (x) => convert(ctx, lowerExpr(ctx, x), to, x)).map((v) => (to.k === "float" || to.k === "dyn" ? typedForInference(v) : v).code);
  const ints = () => ctx.exprList(argNodes, (x) => toInt(ctx, lowerExpr(ctx, x))).map((v) => v.code);
  const offered = [elem, FLOAT];
  const resultType = () => ctx.types.typeAt(node);
  // A callback reading the array itself gets it from a variable holding the receiver.
  const receiver = (count: number): { recv: string; code: string; self?: GoExpr } => {
    const cb = argNodes[0];
    if (!cb || !(ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) || cb.parameters.length <= count) return { recv: a, code: arr.code };
    const self = arr.fixed ? arr : ctx.saveInTemp(arr, "arr");
    return { recv: paren(self, Prec.Primary), code: self.code, self };
  };
  ctx.use("js");
  switch (name) {
    case "push":
    case "unshift":
      if (argNodes.some(ts.isSpreadElement)) {
        if (n !== 1) break;
        const src = lowerExpr(ctx, (argNodes[0] as ts.SpreadElement).expression);
        if (src.type.k !== "array" && src.type.k !== "tuple") break;
        return call(`${a}.${name === "push" ? "Push" : "Unshift"}(${paren(src, Prec.Primary)}.Items()...)`, INT);
      }
      return call(`${a}.${name === "push" ? "Push" : "Unshift"}(${values(elem).join(", ")})`, INT);
    case "pop":
      return optionalResult(ctx, `${a}.Pop()`, elem);
    case "shift":
      return optionalResult(ctx, `${a}.Shift()`, elem);
    case "at":
      return optionalResult(ctx, `${a}.At(${ints()[0]})`, elem);
    case "indexOf":
    case "lastIndexOf":
    case "includes": {
      const [v, from] = ctx.exprList(argNodes, (x, i) => (i === 0 ? convert(ctx, lowerExpr(ctx, x), elem, x) : toInt(ctx, lowerExpr(ctx, x))));
      const method = name === "indexOf" ? "IndexOf" : name === "lastIndexOf" ? "LastIndexOf" : "Includes";
      const value = (elem.k === "float" || elem.k === "dyn" ? typedForInference(v!) : v!).code;
      if (from) return call(`${a}.${method}From(${value}, ${from.code})`, name === "includes" ? BOOL : INT);
      return call(`${a}.${method}(${value})`, name === "includes" ? BOOL : INT);
    }
    case "join":
      return call(`${a}.Join(${n === 0 ? stringLiteral(",") : values(STRING)[0]})`, STRING);
    case "toString":
      return call(`${a}.String()`, STRING);
    case "slice": {
      const i = ints();
      if (n === 0) return call(`${a}.SliceFrom(0)`, arrType);
      if (n === 1) return call(`${a}.SliceFrom(${i[0]})`, arrType);
      return call(`${a}.Slice(${i[0]}, ${i[1]})`, arrType);
    }
    case "concat": {
      const parts = ctx.exprList(argNodes, (x) => {
        const v = lowerExpr(ctx, x);
        if (v.type.k === "array" || v.type.k === "tuple") return convert(ctx, v, arrType, x);
        return convert(ctx, v, elem, x);
      });
      const code = parts.map((p) => (p.type.k === "array" ? p.code : `js.NewArray[${ctx.render(elem)}](${typedForInference(p).code})`)).join(", ");
      return call(`${a}.Concat(${code})`, arrType);
    }
    case "reverse":
      return call(`${a}.Reverse()`, arrType);
    case "toReversed":
      return call(`${a}.SliceFrom(0).Reverse()`, arrType);
    case "fill": {
      const parts = ctx.exprList(argNodes, (x, i) => (i === 0 ? convert(ctx, lowerExpr(ctx, x), elem, x) : toInt(ctx, lowerExpr(ctx, x))));
      const start = parts[1]?.code ?? "0";
      const end = parts[2]?.code ?? `${a}.Len()`;
      return call(`${a}.Fill(${typedForInference(parts[0]!).code}, ${start}, ${end})`, arrType);
    }
    case "copyWithin": {
      const parts = ctx.exprList(argNodes, (x) => toInt(ctx, lowerExpr(ctx, x)));
      const end = parts[2]?.code ?? `${a}.Len()`;
      return call(`${a}.CopyWithin(${parts[0]?.code ?? "0"}, ${parts[1]?.code ?? "0"}, ${end})`, arrType);
    }
    case "splice":
    case "toSpliced": {
      const parts = ctx.exprList(argNodes, (x, i) => (i < 2 ? toInt(ctx, lowerExpr(ctx, x)) : convert(ctx, lowerExpr(ctx, x), elem, x))).map((v) => typedForInference(v).code);
      if (n === 0) parts.push("0", "0");
      else if (n === 1) parts.push(`${a}.Len()`);
      if (name === "toSpliced") return call(`${a}.SliceFrom(0).SpliceInPlace(${parts.join(", ")})`, arrType);
      return call(`${a}.Splice(${parts.join(", ")})`, arrType);
    }
    case "with": {
      const [i, v] = ctx.exprList(argNodes, (x, k) => (k === 0 ? toInt(ctx, lowerExpr(ctx, x)) : convert(ctx, lowerExpr(ctx, x), elem, x)));
      return call(`${a}.With(${i!.code}, ${typedForInference(v!).code})`, arrType);
    }
    case "sort":
    case "toSorted": {
      const target = name === "toSorted" ? `${a}.SliceFrom(0)` : a;
      if (n === 0) return call(`${target}.Sort(nil)`, arrType);
      const cb = lowerCallback(ctx, argNodes[0]!, [elem, elem], { result: FLOAT });
      if (cb.arity !== 2) unsupported(argNodes[0]!, "MTS2017", "a sort comparator without two parameters", "Write (a, b) => a - b.");
      return call(`${target}.Sort(${cb.code})`, arrType);
    }
    case "forEach":
    case "filter":
    case "some":
    case "every":
    case "find":
    case "findIndex":
    case "findLast":
    case "findLastIndex": {
      if (n > 1) unsupported(argNodes[1]!, "MTS2017", "a thisArg", "Use an arrow function.");
      const asBool = name !== "forEach";
      const r = receiver(2);
      const cb = lowerCallback(ctx, argNodes[0]!, offered, asBool ? { asBool, self: r.self } : { result: VOID, self: r.self });
      const method = name[0]!.toUpperCase() + name.slice(1) + (cb.arity === 2 ? "Indexed" : "");
      const code = `${r.recv}.${method}(${cb.code})`;
      switch (name) {
        case "forEach":
          return call(code, VOID);
        case "filter": {
          // A type-guard predicate ((x): x is string => ...) narrows the element type.
          const narrowedType = arrayResultType(ctx, node);
          if (narrowedType.k !== "array" || sameType(narrowedType.elem, elem)) return call(code, arrType);
          const v = ctx.temp("v");
          const [pre, each] = ctx.capture(() => convert(ctx, expr(v, elem, Prec.Primary, { pure: true }), narrowedType.elem, node));
          if (pre.length > 0) unsupported(node, "MTS2020", describeGo(arrType, ctx), describeGo(narrowedType, ctx));
          return call(`js.MapArray(${code}, func(${v} ${ctx.render(elem)}) ${ctx.render(narrowedType.elem)} {\nreturn ${each.code}\n})`, narrowedType);
        }
        case "find":
        case "findLast":
          return optionalResult(ctx, code, elem);
        case "findIndex":
        case "findLastIndex":
          return call(code, INT);
        default:
          return call(code, BOOL);
      }
    }
    case "map":
    case "flatMap": {
      const result = arrayResultType(ctx, node);
      if (result.k !== "array") break;
      const cbResult: GoType = name === "map" ? result.elem : result;
      const r = receiver(2);
      const cb = lowerCallback(ctx, argNodes[0]!, offered, { result: cbResult, self: r.self });
      const fn = name === "map" ? "MapArray" : "FlatMapArray";
      return call(`js.${fn}${cb.arity === 2 ? "Indexed" : ""}(${r.code}, ${cb.code})`, result);
    }
    case "flat": {
      const result = arrayResultType(ctx, node);
      let depth = 1;
      if (n > 0) {
        const d = lowerExpr(ctx, argNodes[0]!);
        if (d.num === undefined) return unsupported(argNodes[0]!, "MTS2017", "flat() with a depth known only at run time", "Write the depth as a number literal.");
        depth = d.num;
      }
      // The static type says how deep arrays nest: flatten level by level, up to depth.
      let code = arr.code;
      let t: GoType = arrType;
      let levels = 0;
      for (; levels < depth && t.k === "array" && t.elem.k === "array"; levels++) {
        code = `js.FlatArray(${code})`;
        t = t.elem;
      }
      if (levels === 0) code = `${a}.SliceFrom(0)`; // flat() always makes a new array
      // Elements that may or may not be arrays (any, tuples) cannot be flattened by type.
      if (t.k === "array" && (t.elem.k === "dyn" || t.elem.k === "tuple") && depth >= 1) break;
      // flat(Infinity): TypeScript types the result as a union of every level; the values are t's.
      if (!sameType(t, result) && depth !== Infinity) break;
      return call(code, t);
    }
    case "reduce":
    case "reduceRight": {
      const right = name === "reduceRight" ? "Right" : "";
      const r = receiver(3);
      if (n === 1) {
        const cb = lowerCallback(ctx, argNodes[0]!, [elem, elem, FLOAT], { result: elem, self: r.self });
        if (cb.arity < 2) break;
        return call(`js.Reduce${right}NoInitial${cb.arity === 3 ? "Indexed" : ""}(${r.code}, ${cb.code})`, elem);
      }
      const result = resultType();
      const [init] = ctx.exprList([argNodes[1]!], (x) => convert(ctx, lowerExpr(ctx, x), result, x));
      const cb = lowerCallback(ctx, argNodes[0]!, [result, elem, FLOAT], { result, self: r.self });
      if (cb.arity < 2) break;
      return call(`js.Reduce${right}${cb.arity === 3 ? "Indexed" : ""}(${r.code}, ${cb.code}, ${typedForInference(init!).code})`, result);
    }
    case "keys":
    case "values":
    case "entries":
      return unsupported(node.expression, "MTS2017", `${name}() outside for...of, spread or Array.from`, "Iterate it directly: for (const x of arr.values()).");
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Array", "See docs/subset.md for the supported array methods.");
}

/**
 * The array a call of map, flatMap, filter or flat returns. In an optional chain
 * (`xs?.map(f)`) TypeScript types the call `U[] | undefined`; the call itself runs only
 * when xs is defined and returns `U[]` (the chain adds the undefined around it).
 */
function arrayResultType(ctx: TransformContext, node: ts.CallExpression): GoType {
  const type = ctx.checker.getTypeAtLocation(node);
  if (!ts.isOptionalChain(node) || !type.isUnion()) return ctx.types.typeAt(node);
  const defined = type.types.filter((m) => !(m.flags & ts.TypeFlags.Undefined));
  if (defined.length !== 1) return ctx.types.typeAt(node);
  return ctx.types.map(defined[0]!, node);
}
