import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { BOOL, FLOAT, STRING, type GoType, isPrimitive } from "../../go/types.js";
import { convert, deref, toFloat, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { numberConstant } from "../expressions/literals.js";
import { toStringExpr } from "../strings.js";
import { lowerJsonParse, lowerJsonStringify } from "./json.js";
import { toNumber } from "./number.js";

const MATH_UNARY: Record<string, string> = {
  floor: "math.Floor", ceil: "math.Ceil", trunc: "math.Trunc", abs: "math.Abs", sqrt: "math.Sqrt", cbrt: "math.Cbrt",
  exp: "math.Exp", expm1: "math.Expm1", log: "math.Log", log2: "math.Log2", log10: "math.Log10", log1p: "math.Log1p",
  sin: "math.Sin", cos: "math.Cos", tan: "math.Tan", asin: "math.Asin", acos: "math.Acos", atan: "math.Atan",
  sinh: "math.Sinh", cosh: "math.Cosh", tanh: "math.Tanh", round: "js.Round", sign: "js.Sign",
};

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
  return ctx.exprList(node.arguments, (a) => toFloat(convert(ctx, lowerExpr(ctx, a), FLOAT, a)));
}

/** Calls on global namespaces: Math, JSON, Number, String, Array, console, crypto. */
export function globalCall(ctx: TransformContext, ns: string, name: string, node: ts.CallExpression): GoExpr {
  switch (ns) {
    case "Math": {
      if (name in MATH_UNARY) {
        const [x] = numbers(ctx, node);
        const fn = MATH_UNARY[name]!;
        if (x!.num !== undefined) return numberConstant(ctx, (Math as unknown as Record<string, (v: number) => number>)[name]!(x!.num));
        ctx.use(fn.startsWith("js.") ? "js" : "math");
        return call(`${fn}(${x!.code})`, FLOAT, x!.pure);
      }
      switch (name) {
        case "max":
        case "min": {
          const xs = numbers(ctx, node);
          if (xs.length === 0) return numberConstant(ctx, name === "max" ? -Infinity : Infinity);
          if (xs.length === 1) return xs[0]!;
          // Go's built-in min/max treat NaN and -0 as JavaScript does.
          return call(`${name}(${xs.map((x, i) => (i === 0 ? typedForInference(x).code : x.code)).join(", ")})`, FLOAT);
        }
        case "pow": {
          const [x, y] = numbers(ctx, node);
          if (y!.num !== undefined && Number.isFinite(y!.num)) {
            ctx.use("math");
            return call(`math.Pow(${x!.code}, ${y!.code})`, FLOAT);
          }
          ctx.use("js");
          return call(`js.Pow(${x!.code}, ${y!.code})`, FLOAT);
        }
        case "atan2":
        case "hypot": {
          const xs = numbers(ctx, node);
          ctx.use("math");
          return call(`math.${name === "atan2" ? "Atan2" : "Hypot"}(${xs.map((x) => x.code).join(", ")})`, FLOAT);
        }
        case "random":
          ctx.use("js");
          return call("js.MathRandom()", FLOAT);
      }
      break;
    }
    case "Number":
      switch (name) {
        case "isInteger":
        case "isSafeInteger":
        case "isFinite": {
          const [x] = numbers(ctx, node);
          ctx.use("js");
          return call(`js.${name[0]!.toUpperCase()}${name.slice(1)}(${x!.code})`, BOOL);
        }
        case "isNaN": {
          const [x] = numbers(ctx, node);
          ctx.use("math");
          return call(`math.IsNaN(${x!.code})`, BOOL);
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
      if (name === "log" || name === "error") return consoleCall(ctx, name, node);
      break;
    case "crypto":
      if (name === "randomUUID") {
        ctx.use("js");
        return call("js.RandomUUID()", STRING);
      }
      break;
    case "String":
      if (name === "fromCharCode") {
        const xs = numbers(ctx, node);
        ctx.use("js");
        return call(`js.FromCharCode(${xs.map((x) => x.code).join(", ")})`, STRING);
      }
      break;
    case "Array":
      if (name === "from" && node.arguments.length === 1) return arrayFrom(ctx, node);
      break;
  }
  return unsupported(node.expression, "MTS2018", `${ns}.${name}`);
}

function consoleCall(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => {
    const v = lowerExpr(ctx, a);
    if (v.type.k === "struct" && ctx.members.get(v.type.name)?.has("constructor")) unsupported(a, "MTS2031");
    if (v.type.k === "struct" && [...ctx.classes.values()].some((c) => c.goName === (v.type as { name: string }).name)) unsupported(a, "MTS2031");
    return typedForInference(toFloat(v));
  });
  ctx.use("js");
  return call(`js.Console${name === "log" ? "Log" : "Error"}(${args.map((a) => a.code).join(", ")})`, { k: "void" });
}

function arrayFrom(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const arg = node.arguments[0]!;
  const result = ctx.types.typeAt(node);
  ctx.use("js");
  if (ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && arg.arguments.length === 0) {
    const method = arg.expression.name.text;
    const src = lowerExpr(ctx, arg.expression.expression);
    if ((src.type.k === "map" && (method === "keys" || method === "values")) || (src.type.k === "set" && method === "values")) {
      return call(`js.Collect(${src.code}.${method === "keys" ? "Keys" : "Values"}())`, result);
    }
  }
  const src = lowerExpr(ctx, arg);
  if (src.type.k === "set") return call(`js.Collect(${src.code}.Values())`, result);
  if (src.type.k === "array") return call(`${src.code}.SliceFrom(0)`, result);
  if (src.type.k === "string") return call(`js.Collect(js.Chars(${src.code}))`, result);
  return unsupported(arg, "MTS2017", "Array.from of this value", "Array.from(map.keys()), Array.from(map.values()), Array.from(set) and Array.from(array) are supported.");
}

/** Global functions: String, Number, Boolean, parseInt, parseFloat, isNaN, isFinite. */
export function globalFunction(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  const first = args[0];
  switch (name) {
    case "String":
      if (!first) return expr('""', STRING, Prec.Primary, { pure: true });
      return toStringExpr(ctx, first);
    case "Number":
      if (!first) return numberConstant(ctx, 0);
      return toNumber(ctx, first, node);
    case "Boolean":
      if (!first) return expr("false", BOOL, Prec.Primary, { pure: true });
      return truthy(ctx, first);
    case "parseInt": {
      ctx.use("js");
      const s = convert(ctx, first!, STRING, node.arguments[0]!);
      const radix = args[1] ? `int(${toFloat(args[1]).code})` : "0";
      return call(`js.ParseInt(${s.code}, ${radix})`, FLOAT);
    }
    case "parseFloat":
      ctx.use("js");
      return call(`js.ParseFloat(${convert(ctx, first!, STRING, node.arguments[0]!).code})`, FLOAT);
    case "isNaN":
      ctx.use("math");
      return call(`math.IsNaN(${toNumber(ctx, first!, node).code})`, BOOL);
    case "isFinite":
      ctx.use("js");
      return call(`js.IsFinite(${toNumber(ctx, first!, node).code})`, BOOL);
  }
  return unsupported(node.expression, "MTS2018", name);
}

/** `new Map()`, `new Map([[k, v], ...])`, `new Set()`, `new Set([..])`, `new Set(array)`. */
export function newBuiltin(ctx: TransformContext, name: string, node: ts.NewExpression): GoExpr {
  const t = ctx.types.typeAt(node);
  const args = node.arguments ?? [];
  ctx.use("js");
  if ((name === "Map" || name === "ReadonlyMap") && t.k === "map") {
    const base = `js.NewMap[${ctx.render(t.key)}, ${ctx.render(t.value)}]()`;
    if (args.length === 0) return call(base, t);
    const init = args[0]!;
    if (!ts.isArrayLiteralExpression(init) || !init.elements.every((e) => ts.isArrayLiteralExpression(e) && e.elements.length === 2)) {
      unsupported(init, "MTS2017", "new Map(iterable)", "Write the entries literally, new Map([[k1, v1], [k2, v2]]), or call set() in a loop.");
    }
    const pairs = (init as ts.ArrayLiteralExpression).elements.map((e) => (e as ts.ArrayLiteralExpression).elements);
    const flat = pairs.flatMap((p) => [p[0]!, p[1]!]);
    const values = ctx.exprList(flat, (e, i) => convert(ctx, lowerExpr(ctx, e), i % 2 === 0 ? t.key : t.value, e));
    let code = base;
    for (let i = 0; i < values.length; i += 2) code += `.\n\tSet(${values[i]!.code}, ${values[i + 1]!.code})`;
    return call(code, t);
  }
  if ((name === "Set" || name === "ReadonlySet") && t.k === "set") {
    if (!isPrimitive(t.elem) && t.elem.k !== "struct") unsupported(node, "MTS2004", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)));
    if (args.length === 0) return call(`js.NewSet[${ctx.render(t.elem)}]()`, t);
    const init = args[0]!;
    if (ts.isArrayLiteralExpression(init)) {
      const values = ctx.exprList(init.elements, (e) => convert(ctx, lowerExpr(ctx, e), t.elem, e));
      return call(`js.NewSet[${ctx.render(t.elem)}](${values.map((v) => v.code).join(", ")})`, t);
    }
    const src = lowerExpr(ctx, init);
    if (src.type.k === "array") return call(`js.SetFrom(${src.code})`, t);
    return unsupported(init, "MTS2017", "new Set(iterable)", "Pass an array.");
  }
  if (name === "Array") unsupported(node, "MTS2017", "new Array()", "Use an array literal: [].");
  return unsupported(node, "MTS2018", name);
}

export { deref };
