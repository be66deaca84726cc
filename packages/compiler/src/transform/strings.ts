import { type GoExpr, Prec, expr, paren, stringLiteral } from "../go/expr.js";
import { STRING } from "../go/types.js";
import { deref } from "./coerce.js";
import type { TransformContext } from "./context.js";

/** String(e) in Go: plain for strings, a conversion for anything else. */
export function toStringExpr(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  switch (t.k) {
    case "string":
      return e;
    case "float":
      if (e.num !== undefined) return expr(stringLiteral(String(e.num)), STRING, Prec.Primary, { pure: true });
      ctx.use("js");
      return expr(`js.NumberToString(${e.code})`, STRING, Prec.Primary, { call: true, pure: e.pure });
    case "int":
      ctx.use("strconv");
      return expr(`strconv.Itoa(${e.code})`, STRING, Prec.Primary, { call: true, pure: e.pure });
    case "bool":
      ctx.use("strconv");
      return expr(`strconv.FormatBool(${e.code})`, STRING, Prec.Primary, { call: true, pure: e.pure });
    case "opt":
      if (e.code.startsWith("js.Ptr(")) return toStringExpr(ctx, deref(e));
      break;
    case "array":
    case "error":
      return expr(`${paren(e, Prec.Primary)}.String()`, STRING, Prec.Primary, { call: true, pure: e.pure });
    case "api":
      if (t.name === "Status" || t.name === "LogLevel" || t.name === "DestroyReason") {
        ctx.use("js");
        return expr(`js.NumberToString(float64(${e.code}))`, STRING, Prec.Primary, { call: true, pure: e.pure });
      }
      break;
  }
  ctx.use("js");
  return expr(`js.ToString(${e.code})`, STRING, Prec.Primary, { call: true, pure: e.pure });
}

/** Concatenates string expressions with Go's +. */
export function concat(parts: GoExpr[]): GoExpr {
  const nonEmpty = parts.filter((p) => p.code !== '""');
  if (nonEmpty.length === 0) return expr('""', STRING, Prec.Primary, { pure: true });
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  return expr(nonEmpty.map((p) => paren(p, Prec.Add + 1)).join(" + "), STRING, Prec.Add, { pure: nonEmpty.every((p) => p.pure) });
}
