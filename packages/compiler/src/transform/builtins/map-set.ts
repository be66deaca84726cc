import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { BOOL } from "../../go/types.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { optionalResult } from "./array.js";
import { lowerCallback } from "./callbacks.js";

/** Map.prototype methods (iteration methods are lowered by for-of). */
export function mapMethod(ctx: TransformContext, m: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  if (m.type.k !== "map") throw new Error("mapMethod on a non-map");
  const { key, value } = m.type;
  const o = paren(m, Prec.Primary);
  const argNodes = node.arguments;
  const call = (code: string, type = m.type) => expr(code, type, Prec.Primary, { call: true });
  switch (name) {
    case "get": {
      const [k] = ctx.exprList(argNodes, (x) => convert(ctx, lowerExpr(ctx, x), key, x));
      return optionalResult(ctx, `${o}.Get(${k!.code})`, value);
    }
    case "set": {
      const [k, v] = ctx.exprList(argNodes, (x, i) => convert(ctx, lowerExpr(ctx, x), i === 0 ? key : value, x));
      return call(`${o}.Set(${k!.code}, ${v!.code})`);
    }
    case "has":
    case "delete": {
      const [k] = ctx.exprList(argNodes, (x) => convert(ctx, lowerExpr(ctx, x), key, x));
      return call(`${o}.${name === "has" ? "Has" : "Delete"}(${k!.code})`, BOOL);
    }
    case "clear":
      return call(`${o}.Clear()`, { k: "void" });
    case "forEach": {
      const cb = lowerCallback(ctx, argNodes[0]!, [value, key], { result: { k: "void" } });
      if (cb.arity !== 2) return call(`${o}.ForEach(func(v ${ctx.render(value)}, _ ${ctx.render(key)}) { (${cb.code})(v) })`, { k: "void" });
      return call(`${o}.ForEach(${cb.code})`, { k: "void" });
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
  const call = (code: string, type = s.type) => expr(code, type, Prec.Primary, { call: true });
  switch (name) {
    case "add":
    case "has":
    case "delete": {
      const [v] = ctx.exprList(argNodes, (x) => convert(ctx, lowerExpr(ctx, x), elem, x));
      const method = name[0]!.toUpperCase() + name.slice(1);
      return call(`${o}.${method}(${v!.code})`, name === "add" ? s.type : BOOL);
    }
    case "clear":
      return call(`${o}.Clear()`, { k: "void" });
    case "forEach": {
      const cb = lowerCallback(ctx, argNodes[0]!, [elem], { result: { k: "void" } });
      return call(`${o}.ForEach(${cb.code})`, { k: "void" });
    }
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Set", "Iterate with for...of; see docs/subset.md.");
}
