import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, isNilable, optionalOf } from "../../go/types.js";
import { convert, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerCallback } from "./callbacks.js";

/** Wraps a Go (value, ok) call as the JavaScript `T | undefined` it stands for. */
export function optionalResult(ctx: TransformContext, call: string, elem: GoType): GoExpr {
  ctx.use("js");
  const opt = optionalOf(elem);
  const wrapped = isNilable(elem) ? `js.OrZero(${call})` : `js.Opt(${call})`;
  return expr(wrapped, opt, Prec.Primary, { call: true, statement: call });
}

/** Array.prototype methods. */
export function arrayMethod(ctx: TransformContext, arr: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  if (arr.type.k !== "array") throw new Error("arrayMethod on a non-array");
  const elem = arr.type.elem;
  const a = paren(arr, Prec.Primary);
  const argNodes = node.arguments;
  const n = argNodes.length;
  const call = (code: string, type: GoType) => expr(code, type, Prec.Primary, { call: true });
  const values = (convertTo: GoType) => ctx.exprList(argNodes, (x) => convert(ctx, lowerExpr(ctx, x), convertTo, x)).map((v) => v.code);
  const ints = () => ctx.exprList(argNodes, (x) => toInt(lowerExpr(ctx, x))).map((v) => v.code);
  const offered = [elem, FLOAT];
  switch (name) {
    case "push":
      return call(`${a}.Push(${values(elem).join(", ")})`, INT);
    case "unshift":
      return call(`${a}.Unshift(${values(elem).join(", ")})`, INT);
    case "pop":
      return optionalResult(ctx, `${a}.Pop()`, elem);
    case "shift":
      return optionalResult(ctx, `${a}.Shift()`, elem);
    case "at":
      return optionalResult(ctx, `${a}.At(${ints()[0]})`, elem);
    case "indexOf":
      if (n === 1) return call(`${a}.IndexOf(${values(elem)[0]})`, INT);
      break;
    case "lastIndexOf":
      if (n === 1) return call(`${a}.LastIndexOf(${values(elem)[0]})`, INT);
      break;
    case "includes":
      if (n === 1) return call(`${a}.Includes(${values(elem)[0]})`, BOOL);
      break;
    case "join":
      return call(`${a}.Join(${n === 0 ? stringLiteral(",") : values(STRING)[0]})`, STRING);
    case "toString":
      return call(`${a}.String()`, STRING);
    case "slice": {
      const i = ints();
      if (n === 0) return call(`${a}.SliceFrom(0)`, arr.type);
      if (n === 1) return call(`${a}.SliceFrom(${i[0]})`, arr.type);
      return call(`${a}.Slice(${i[0]}, ${i[1]})`, arr.type);
    }
    case "concat":
      return call(`${a}.Concat(${values(arr.type).join(", ")})`, arr.type);
    case "reverse":
      return call(`${a}.Reverse()`, arr.type);
    case "splice": {
      const parts = ctx.exprList(argNodes, (x, i) => (i < 2 ? toInt(lowerExpr(ctx, x)) : convert(ctx, lowerExpr(ctx, x), elem, x))).map((v) => v.code);
      if (n === 1) parts.push(`${a}.Len()`);
      return call(`${a}.Splice(${parts.join(", ")})`, arr.type);
    }
    case "sort": {
      if (n === 0) return call(`${a}.Sort(nil)`, arr.type);
      const cb = lowerCallback(ctx, argNodes[0]!, [elem, elem], { result: FLOAT });
      if (cb.arity !== 2) unsupported(argNodes[0]!, "MTS2017", "a sort comparator without two parameters", "Write (a, b) => a - b.");
      return call(`${a}.Sort(${cb.code})`, arr.type);
    }
    case "forEach":
    case "filter":
    case "some":
    case "every":
    case "find":
    case "findIndex": {
      const asBool = name !== "forEach";
      const cb = lowerCallback(ctx, argNodes[0]!, offered, asBool ? { asBool } : { result: { k: "void" } });
      const method = name[0]!.toUpperCase() + name.slice(1) + (cb.arity === 2 ? "Indexed" : "");
      const code = `${a}.${method}(${cb.code})`;
      switch (name) {
        case "forEach":
          return call(code, { k: "void" });
        case "filter":
          return call(code, arr.type);
        case "find":
          return optionalResult(ctx, code, elem);
        case "findIndex":
          return call(code, INT);
        default:
          return call(code, BOOL);
      }
    }
    case "map": {
      const resultElem = ctx.types.typeAt(node);
      if (resultElem.k !== "array") break;
      const cb = lowerCallback(ctx, argNodes[0]!, offered, { result: resultElem.elem });
      ctx.use("js");
      return call(`js.MapArray${cb.arity === 2 ? "Indexed" : ""}(${arr.code}, ${cb.code})`, resultElem);
    }
    case "reduce": {
      const result = ctx.types.typeAt(node);
      ctx.use("js");
      if (n === 1) {
        const cb = lowerCallback(ctx, argNodes[0]!, [elem, elem], { result: elem });
        if (cb.arity !== 2) break;
        return call(`js.ReduceNoInitial(${arr.code}, ${cb.code})`, elem);
      }
      const [init] = ctx.exprList([argNodes[1]!], (x) => convert(ctx, lowerExpr(ctx, x), result, x));
      const cb = lowerCallback(ctx, argNodes[0]!, [result, elem], { result });
      if (cb.arity !== 2) break;
      return call(`js.Reduce(${arr.code}, ${cb.code}, ${init!.code})`, result);
    }
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Array", "See docs/subset.md for the supported array methods.");
}
