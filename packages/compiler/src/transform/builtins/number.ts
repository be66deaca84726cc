import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { FLOAT, STRING } from "../../go/types.js";
import { deref, toFloat, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { numberConstant } from "../expressions/literals.js";
import { toStringExpr } from "../strings.js";

/** Number(e) / +e. */
export function toNumber(ctx: TransformContext, e: GoExpr, node: ts.Node): GoExpr {
  const v = e.type.k === "opt" ? deref(e) : e;
  switch (v.type.k) {
    case "float":
    case "int":
      return toFloat(v);
    case "string":
      if (v.code.startsWith('"') && /^"[^"\\]*"$/.test(v.code)) return numberConstant(ctx, Number(JSON.parse(v.code)));
      ctx.use("js");
      return expr(`js.StringToNumber(${v.code})`, FLOAT, Prec.Primary, { call: true, pure: v.pure });
    case "bool":
      ctx.use("js");
      return expr(`js.BoolToNumber(${v.code})`, FLOAT, Prec.Primary, { call: true, pure: v.pure });
    case "api":
      return expr(`float64(${v.code})`, FLOAT, Prec.Primary, { pure: v.pure });
  }
  return unsupported(node, "MTS2017", "Number() of this value", "Convert a string or boolean.");
}

/** Number.prototype methods. */
export function numberMethod(ctx: TransformContext, n: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  switch (name) {
    case "toString":
      if (args.length === 0) return toStringExpr(ctx, n);
      break;
    case "toFixed":
      ctx.use("js");
      return expr(`js.ToFixed(${toFloat(n).code}, ${args.length ? toInt(args[0]!).code : "0"})`, STRING, Prec.Primary, { call: true });
    case "valueOf":
      return n;
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "number", "toString() and toFixed(digits) are supported.");
}
