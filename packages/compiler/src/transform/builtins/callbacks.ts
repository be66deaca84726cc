import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { BOOL, FLOAT, type GoType } from "../../go/types.js";
import { convert, truthy } from "../coerce.js";
import { toStringExpr } from "../strings.js";
import { toNumber } from "./number.js";
import type { TransformContext } from "../context.js";
import { lowerFunctionLiteral } from "../expressions/function-literal.js";
import { lowerExpr } from "../expressions/index.js";

export interface Callback {
  code: string;
  /** How many of the offered parameters (value, index) the callback takes, at least 1. */
  arity: number;
  result: GoType;
}

/**
 * Lowers a callback given to a built-in (map, filter, forEach...). The runtime offers
 * `func(value)` and `func(value, index)` variants; `asBool` turns the result into a
 * truthiness test.
 */
export function lowerCallback(ctx: TransformContext, node: ts.Expression, offered: GoType[], opts: { asBool?: boolean; result?: GoType; self?: GoExpr } = {}): Callback {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) unsupported(node, "MTS2041");
    const n = node.parameters.length;
    if (n === offered.length + 1 && opts.self && !node.parameters.some((p) => p.dotDotDotToken)) return withArrayParameter(ctx, node, offered, opts.self, opts);
    if (n > offered.length) unsupported(node.parameters[offered.length]!, "MTS2017", "the array parameter of a callback", "Refer to the array by its variable.");
    if (node.parameters.some((p) => p.dotDotDotToken)) unsupported(node, "MTS2027");
    const arity = Math.max(1, n);
    const fn = lowerFunctionLiteral(ctx, node, {
      paramTypes: offered.slice(0, arity),
      paramCount: arity,
      ...(opts.asBool ? { boolResult: true, result: BOOL } : {}),
      ...(opts.result ? { result: opts.result } : {}),
    });
    return { code: fn.code, arity, result: fn.type.k === "func" ? fn.type.result : BOOL };
  }
  if (ts.isIdentifier(node) && ["String", "Number", "Boolean", "parseFloat"].includes(node.text) && ctx.isLibSymbol(ctx.symbolOf(node))) {
    return builtinCallback(ctx, node.text, offered[0]!, opts);
  }
  const fn: GoExpr = lowerExpr(ctx, node);
  if (fn.type.k !== "func") return unsupported(node, "MTS2002", "callback");
  const arity = Math.max(1, Math.min(fn.type.params.length, offered.length));
  if (fn.type.params.length > offered.length) unsupported(node, "MTS2017", "this callback", "Pass an arrow function: (value) => f(value).");
  const result = opts.asBool ? BOOL : opts.result ?? fn.type.result;
  const want: GoType = { k: "func", params: offered.slice(0, arity), result };
  if (opts.asBool && fn.type.result.k !== "bool") unsupported(node, "MTS2017", "a predicate that does not return boolean", "Pass an arrow function returning a boolean.");
  const adapted = convert(ctx, fn, want, node);
  return { code: adapted.code, arity, result };
}

/**
 * A callback that also takes the array (`(v, i, arr) => ...`): the runtime offers value and
 * index, so an adapter passes the array (already held in a variable) as the last argument.
 */
function withArrayParameter(ctx: TransformContext, node: ts.ArrowFunction | ts.FunctionExpression, offered: GoType[], self: GoExpr, opts: { asBool?: boolean; result?: GoType }): Callback {
  const fn = lowerFunctionLiteral(ctx, node, {
    paramTypes: [...offered, self.type],
    paramCount: offered.length + 1,
    ...(opts.asBool ? { boolResult: true, result: BOOL } : {}),
    ...(opts.result ? { result: opts.result } : {}),
  });
  const result = fn.type.k === "func" ? fn.type.result : BOOL;
  const names = offered.map((_, i) => ctx.temp(i === 0 ? "value" : i === offered.length - 1 ? "index" : "arg"));
  const params = names.map((nm, i) => `${nm} ${ctx.render(offered[i]!)}`).join(", ");
  const callText = `(${fn.code})(${[...names, self.code].join(", ")})`;
  const body = result.k === "void" ? callText : `return ${callText}`;
  const resultText = result.k === "void" ? "" : ` ${ctx.render(result)}`;
  return { code: `func(${params})${resultText} {\n${body}\n}`, arity: offered.length, result };
}

/** `xs.map(String)`, `xs.filter(Boolean)`: a Go func applying the conversion. */
function builtinCallback(ctx: TransformContext, name: string, param: GoType, opts: { asBool?: boolean; result?: GoType }): Callback {
  const v = expr("v", param, Prec.Primary, { pure: true });
  let body: GoExpr;
  const [pre, value] = ctx.capture(() => {
    switch (name) {
      case "String":
        return toStringExpr(ctx, v);
      case "Number":
        return toNumber(ctx, v, ctx.mainFile.source);
      case "parseFloat":
        ctx.use("js");
        return expr(`js.ParseFloat(${toStringExpr(ctx, v).code})`, FLOAT, Prec.Primary, { call: true });
      default:
        return truthy(ctx, v);
    }
  });
  body = value;
  const result = opts.asBool ? BOOL : opts.result ?? body.type;
  if (!opts.asBool && opts.result) body = convert(ctx, body, opts.result, ctx.mainFile.source);
  if (opts.asBool) body = truthy(ctx, body);
  const lines = [...pre.map((s) => (s.kind === "simple" ? s.code : "")), `return ${body.code}`].join("\n");
  return { code: `func(v ${ctx.render(param)}) ${ctx.render(result)} {\n${lines}\n}`, arity: 1, result };
}

export function callExpr(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}
