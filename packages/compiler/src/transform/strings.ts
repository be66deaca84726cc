import { unsupported } from "../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../go/expr.js";
import { STRING } from "../go/types.js";
import { box, deref } from "./coerce.js";
import type { TransformContext } from "./context.js";

function literal(s: string): GoExpr {
  return expr(stringLiteral(s), STRING, Prec.Primary, { pure: true, str: s });
}

/** String(e) in Go: plain for strings, a conversion for anything else. */
export function toStringExpr(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  const call = (code: string, pkg = "js") => {
    ctx.use(pkg);
    return expr(code, STRING, Prec.Primary, { call: true, pure: e.pure });
  };
  switch (t.k) {
    case "string":
      return t.alias ? { ...e, type: STRING } : e;
    case "float":
      if (e.num !== undefined) return literal(String(e.num));
      return call(`js.NumberToString(${e.code})`);
    case "int":
      if (e.num !== undefined) return literal(String(e.num));
      return call(`strconv.Itoa(${e.code})`, "strconv");
    case "bool":
      if (e.code === "true" || e.code === "false") return literal(e.code);
      return call(`strconv.FormatBool(${e.code})`, "strconv");
    case "nil":
    case "void":
      if (e.call) ctx.addPreceding({ kind: "simple", code: e.code });
      return literal("undefined");
    case "null":
      // Folded only for the literal: folding a variable away leaves it unused in Go.
      if (e.code === "js.Null") return literal("null");
      return call(`js.ToString(${e.code})`);
    case "opt":
      if (e.code.startsWith("js.Ptr(")) return toStringExpr(ctx, deref(e));
      break;
    case "array":
    case "tuple":
    case "error":
    case "regexp":
      return call(`${paren(e, Prec.Primary)}.String()`);
    case "bytes":
      return call(`js.JoinBytes(${e.code}, ",")`);
    case "record":
      if (e.pure) return literal("[object Object]");
      break;
    case "func":
      return unsupported(ctx.currentNode ?? ctx.mainFile.source, "MTS2048", "String() of a function (Node prints its source text)", "Convert something else.");
    case "api":
      if (t.name === "Status" || t.name === "LogLevel" || t.name === "DestroyReason" || t.name === "LifeSpan" || t.name === "StreamSharing") {
        return call(`js.NumberToString(float64(${e.code}))`);
      }
      break;
  }
  return call(`js.ToString(${box(ctx, e).code})`);
}

/** Concatenates string expressions with Go's +. */
export function concat(parts: GoExpr[]): GoExpr {
  const nonEmpty = parts.filter((p) => p.code !== '""');
  if (nonEmpty.length === 0) return literal("");
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  if (nonEmpty.every((p) => p.str !== undefined)) return literal(nonEmpty.map((p) => p.str).join(""));
  // String concatenation is associative: a part that is itself a concatenation needs no parentheses.
  return expr(nonEmpty.map((p) => paren(p, p.type.k === "string" ? Prec.Add : Prec.Add + 1)).join(" + "), STRING, Prec.Add, { pure: nonEmpty.every((p) => p.pure) });
}
