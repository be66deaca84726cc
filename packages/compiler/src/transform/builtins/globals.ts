import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { BOOL, DYN, FLOAT, STRING, type GoType, VOID, isPrimitive, tupleElem } from "../../go/types.js";
import { box, convert, toFloat, toInt, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { numberConstant } from "../expressions/literals.js";
import { toStringExpr } from "../strings.js";
import { newBytes, newTextCodec } from "./bytes.js";
import { consoleCall } from "./console.js";
import { lowerJsonParse, lowerJsonStringify } from "./json.js";
import { newMap, newSet } from "./map-set.js";
import { toNumber } from "./number.js";
import { iterationOf } from "./iterables.js";
import { objectCall } from "./object.js";
import { newRegExp } from "./regexp.js";
import { lowerCallback } from "./callbacks.js";

/** Math functions Go computes exactly as V8 does (IEEE operations, or the same fdlibm algorithm). */
const MATH_UNARY: Record<string, string> = {
  floor: "math.Floor", ceil: "math.Ceil", trunc: "math.Trunc", abs: "math.Abs", sqrt: "math.Sqrt",
  round: "js.Round", sign: "js.Sign", fround: "js.Fround", clz32: "js.Clz32",
  expm1: "math.Expm1", log1p: "math.Log1p", atanh: "math.Atanh",
};

/**
 * V8 computes these with its fdlibm port; Go's math package uses other algorithms whose
 * results differ in the last bit for some arguments (which shows when they are printed).
 */
const MATH_INEXACT = new Set(["exp", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh", "acosh", "cbrt"]);

const MATH_CONSTANTS: Record<string, number> = {
  PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2,
};

const NUMBER_CONSTANTS: Record<string, number> = {
  MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER, MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER, EPSILON: Number.EPSILON,
  MAX_VALUE: Number.MAX_VALUE, MIN_VALUE: Number.MIN_VALUE, POSITIVE_INFINITY: Infinity, NEGATIVE_INFINITY: -Infinity, NaN: NaN,
};

function call(code: string, type: GoType, pure = false): GoExpr {
  return expr(code, type, Prec.Primary, { call: true, pure });
}

/** `Math.PI`, `Number.MAX_SAFE_INTEGER`. */
export function globalConstant(ctx: TransformContext, ns: string, name: string, node: ts.Node): GoExpr {
  if (ns === "Math" && name in MATH_CONSTANTS) return numberConstant(ctx, MATH_CONSTANTS[name]!);
  if (ns === "Number" && name in NUMBER_CONSTANTS) return numberConstant(ctx, NUMBER_CONSTANTS[name]!);
  return unsupported(node, "MTS2018", `${ns}.${name}`);
}

function numbers(ctx: TransformContext, node: ts.CallExpression): GoExpr[] {
  return ctx.exprList(node.arguments, (a) => toFloat(toNumber(ctx, lowerExpr(ctx, a), a)));
}

/** Calls on global namespaces: Math, JSON, Number, String, Array, Object, console, crypto. */
export function globalCall(ctx: TransformContext, ns: string, name: string, node: ts.CallExpression): GoExpr {
  switch (ns) {
    case "Math":
      return mathCall(ctx, name, node);
    case "Number":
      switch (name) {
        case "isInteger":
        case "isSafeInteger":
        case "isFinite":
        case "isNaN": {
          const v = lowerExpr(ctx, node.arguments[0]!);
          ctx.use("js");
          if (v.type.k !== "float" && v.type.k !== "int") return call(`js.Number${name[0]!.toUpperCase()}${name.slice(1)}(${box(ctx, v).code})`, BOOL);
          if (name === "isNaN") {
            ctx.use("math");
            return call(`math.IsNaN(${toFloat(v).code})`, BOOL, v.pure);
          }
          return call(`js.${name[0]!.toUpperCase()}${name.slice(1)}(${toFloat(v).code})`, BOOL, v.pure);
        }
        case "parseFloat":
        case "parseInt":
          return globalFunction(ctx, name, node);
      }
      break;
    case "JSON":
      if (name === "stringify") return lowerJsonStringify(ctx, node);
      if (name === "parse") return lowerJsonParse(ctx, node, undefined);
      break;
    case "console":
      return consoleCall(ctx, name, node);
    case "crypto":
      if (name === "randomUUID") {
        ctx.use("js");
        return call("js.RandomUUID()", STRING);
      }
      break;
    case "String":
      if (name === "fromCharCode" || name === "fromCodePoint") {
        ctx.use("js");
        return call(`js.${name === "fromCharCode" ? "FromCharCode" : "FromCodePoint"}(${variadicNumbers(ctx, node)})`, STRING);
      }
      break;
    case "Array":
      if (name === "isArray") {
        const v = lowerExpr(ctx, node.arguments[0]!);
        if (v.type.k === "array" || v.type.k === "tuple") return expr("true", BOOL, Prec.Primary, { pure: true });
        ctx.use("js");
        return call(`js.IsArray(${box(ctx, v).code})`, BOOL);
      }
      if (name === "from") return arrayFrom(ctx, node);
      if (name === "of") {
        const t = ctx.types.typeAt(node);
        if (t.k !== "array") break;
        const values = ctx.exprList(node.arguments, (a) => convert(ctx, lowerExpr(ctx, a), t.elem, a));
        ctx.use("js");
        return call(`js.NewArray[${ctx.render(t.elem)}](${values.map((v) => typedForInference(v).code).join(", ")})`, t);
      }
      break;
    case "Object":
      return objectCall(ctx, name, node);
    case "Promise":
      return unsupported(node.expression, "MTS2013", `Promise.${name}`);
  }
  return unsupported(node.expression, "MTS2018", `${ns}.${name}`);
}

function mathCall(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  if (MATH_INEXACT.has(name)) {
    return unsupported(node.expression, "MTS2048", `Math.${name}`, "Go's math package and V8 (fdlibm) can differ in the last bit of the result; compute with +, -, *, /, Math.sqrt, or look values up in a table.");
  }
  if (name in MATH_UNARY) {
    const [x] = numbers(ctx, node);
    const fn = MATH_UNARY[name]!;
    if (x!.num !== undefined && fn.startsWith("math.") && !["expm1", "log1p", "atanh"].includes(name)) {
      return numberConstant(ctx, (Math as unknown as Record<string, (v: number) => number>)[name]!(x!.num));
    }
    ctx.use(fn.startsWith("js.") ? "js" : "math");
    return call(`${fn}(${x!.code})`, FLOAT, x!.pure);
  }
  switch (name) {
    case "max":
    case "min": {
      if (node.arguments.some(ts.isSpreadElement)) {
        ctx.use("js");
        return call(`js.${name === "max" ? "MaxOf" : "MinOf"}(${variadicNumbers(ctx, node)})`, FLOAT);
      }
      const xs = numbers(ctx, node);
      if (xs.length === 0) return numberConstant(ctx, name === "max" ? -Infinity : Infinity);
      if (xs.length === 1) return xs[0]!;
      // Go's built-in min/max treat NaN and -0 as JavaScript does.
      return call(`${name}(${xs.map((x, i) => (i === 0 ? typedForInference(x).code : x.code)).join(", ")})`, FLOAT);
    }
    case "pow": {
      const [x, y] = numbers(ctx, node);
      ctx.use("js");
      return call(`js.Pow(${x!.code}, ${y!.code})`, FLOAT);
    }
    case "hypot":
      ctx.use("js");
      return call(`js.Hypot(${variadicNumbers(ctx, node)})`, FLOAT);
    case "imul": {
      const [a, b] = numbers(ctx, node);
      ctx.use("js");
      return call(`float64(js.ToInt32(${a!.code}) * js.ToInt32(${b!.code}))`, FLOAT);
    }
    case "random":
      ctx.use("js");
      return call("js.MathRandom()", FLOAT);
  }
  return unsupported(node.expression, "MTS2018", `Math.${name}`);
}

/**
 * The arguments of a variadic numeric builtin (Math.max, String.fromCharCode, ...) as Go
 * call arguments; spread arrays are joined with js.Floats.
 */
function variadicNumbers(ctx: TransformContext, node: ts.CallExpression): string {
  if (!node.arguments.some(ts.isSpreadElement)) return numbers(ctx, node).map((x) => typedForInference(x).code).join(", ");
  const parts = ctx.exprList(node.arguments, (a) => {
    if (ts.isSpreadElement(a) && ts.isArrayLiteralExpression(a.expression) && !a.expression.elements.some(ts.isSpreadElement)) {
      const items = ctx.exprList(a.expression.elements, (e) => typedForInference(toFloat(toNumber(ctx, lowerExpr(ctx, e), e))));
      return expr(`[]float64{${items.map((v) => v.code).join(", ")}}`, FLOAT, Prec.Primary);
    }
    if (ts.isSpreadElement(a)) {
      const raw = lowerExpr(ctx, a.expression);
      if (raw.type.k !== "array") return unsupported(a, "MTS2011");
      const v = convert(ctx, raw, { k: "array", elem: FLOAT }, a.expression);
      return expr(`${v.code}.Items()`, v.type, Prec.Primary);
    }
    return expr(`[]float64{${typedForInference(toFloat(toNumber(ctx, lowerExpr(ctx, a), a))).code}}`, FLOAT, Prec.Primary);
  });
  ctx.use("js");
  return `js.Floats(${parts.map((p) => p.code).join(", ")})...`;
}

/** Array.from(iterable[, mapFn]). */
function arrayFrom(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const arg = node.arguments[0]!;
  const result = ctx.types.typeAt(node);
  if (result.k !== "array") return unsupported(node, "MTS2017", "Array.from of this value", "Array.from works on arrays, strings, Sets, Maps and their keys()/values()/entries().");
  const mapFn = node.arguments[1];
  if (node.arguments[2]) unsupported(node.arguments[2], "MTS2017", "a thisArg", "Use an arrow function.");
  ctx.use("js");
  if (ts.isObjectLiteralExpression(arg)) {
    // Array.from({ length: n }, (_, i) => ...): the one array-like object supported.
    const only = arg.properties.length === 1 ? arg.properties[0] : undefined;
    if (!mapFn || !only || !ts.isPropertyAssignment(only) || !ts.isIdentifier(only.name) || only.name.text !== "length") {
      return unsupported(arg, "MTS2017", "Array.from of an array-like object", "Write Array.from({ length: n }, (_, i) => ...), or build the array with a loop.");
    }
    const [n] = ctx.exprList([only.initializer], (x) => typedForInference(toFloat(toNumber(ctx, lowerExpr(ctx, x), x))));
    const cb = lowerCallback(ctx, mapFn, [DYN, FLOAT], { result: result.elem });
    const fn = cb.arity === 2 ? cb.code : `func(v any, _ float64) ${ctx.render(result.elem)} {\nreturn (${cb.code})(v)\n}`;
    return call(`js.ArrayFromLength(${n!.code}, ${fn})`, result);
  }
  const srcType = ctx.attempt<GoType>(() => ctx.types.typeAt(arg), () => DYN);
  let collected: GoExpr;
  if (srcType.k === "array" || srcType.k === "tuple") {
    const src = lowerExpr(ctx, arg);
    collected = call(`${src.code}.SliceFrom(0)`, src.type.k === "tuple" ? { k: "array", elem: tupleElem(src.type) } : src.type);
  } else {
    const it = iterationOf(ctx, arg);
    collected = call(`js.Collect(${it.seq})`, { k: "array", elem: it.elem });
  }
  if (!mapFn) return convert(ctx, collected, result, arg);
  // Array.from(items, fn) is items' values mapped with (value, index).
  const elem = (collected.type as { elem: GoType }).elem;
  const cb = lowerCallback(ctx, mapFn, [elem, FLOAT], { result: result.elem });
  return call(`js.MapArray${cb.arity === 2 ? "Indexed" : ""}(${collected.code}, ${cb.code})`, result);
}

/** Global functions: String, Number, Boolean, parseInt, parseFloat, isNaN, isFinite, URI and base64 codecs. */
export function globalFunction(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  const first = args[0];
  const str = (i: number) => convert(ctx, args[i]!, STRING, node.arguments[i]!).code;
  switch (name) {
    case "String":
      if (!first) return expr('""', STRING, Prec.Primary, { pure: true, str: "" });
      return toStringExpr(ctx, first);
    case "Number":
      if (!first) return numberConstant(ctx, 0);
      return toNumber(ctx, first, node);
    case "Boolean":
      if (!first) return expr("false", BOOL, Prec.Primary, { pure: true });
      return truthy(ctx, first);
    case "parseInt": {
      ctx.use("js");
      const radix = args[1] ? toFloat(toNumber(ctx, args[1], node)).code : "0";
      return call(`js.ParseInt(${toStringExpr(ctx, first!).code}, ${radix})`, FLOAT);
    }
    case "parseFloat":
      ctx.use("js");
      return call(`js.ParseFloat(${toStringExpr(ctx, first!).code})`, FLOAT);
    case "isNaN":
      ctx.use("math");
      return call(`math.IsNaN(${toFloat(toNumber(ctx, first!, node)).code})`, BOOL);
    case "isFinite":
      ctx.use("js");
      return call(`js.IsFinite(${toFloat(toNumber(ctx, first!, node)).code})`, BOOL);
    case "encodeURIComponent":
    case "encodeURI":
    case "decodeURIComponent":
    case "decodeURI":
    case "atob":
    case "btoa":
      ctx.use("js");
      return call(`js.${name[0]!.toUpperCase()}${name.slice(1).replace("uri", "URI").replace("Uri", "URI")}(${str(0)})`, STRING);
    case "escape":
    case "unescape":
      break;
  }
  void isPrimitive;
  void toInt;
  void VOID;
  void stringLiteral;
  return unsupported(node.expression, "MTS2018", name);
}

/** `new Map()`, `new Set(...)`, `new RegExp(...)`, `new Uint8Array(...)`, `new TextEncoder()`. */
export function newBuiltin(ctx: TransformContext, name: string, node: ts.NewExpression): GoExpr {
  switch (name) {
    case "Map":
      return newMap(ctx, node);
    case "Set":
      return newSet(ctx, node);
    case "RegExp":
      return newRegExp(ctx, node);
    case "Uint8Array":
      return newBytes(ctx, node);
    case "TextEncoder":
    case "TextDecoder":
      return newTextCodec(ctx, name, node);
    case "Array": {
      // new Array(n) makes holes, which compiled arrays do not have; new Array(n).fill(v) fills them all.
      const parent = node.parent;
      const fill = ts.isPropertyAccessExpression(parent) && parent.name.text === "fill" && ts.isCallExpression(parent.parent) && parent.parent.expression === parent ? parent.parent : undefined;
      const t = ctx.types.typeAt(node);
      if (!fill || fill.arguments.length !== 1 || node.arguments?.length !== 1 || t.k !== "array") {
        return unsupported(node, "MTS2017", "new Array()", "Use an array literal, new Array(n).fill(value), or Array.from({ length: n }, (_, i) => ...).");
      }
      const n = typedForInference(toFloat(toNumber(ctx, lowerExpr(ctx, node.arguments[0]!), node.arguments[0]!)));
      ctx.use("js");
      return call(`js.ArrayOfLength[${ctx.render(t.elem)}](${n.code})`, t);
    }
    case "Date":
      return unsupported(node, "MTS2018", "Date", "Time is not deterministic; pass timestamps in as data.");
  }
  return unsupported(node, "MTS2018", name);
}
