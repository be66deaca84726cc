import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { type GoExpr, Prec, expr, isIntegerText, paren } from "../go/expr.js";
import { type GoType, FLOAT, INT, isNilable, isPrimitive, sameType, typeKey } from "../go/types.js";
import type { TransformContext } from "./context.js";

/**
 * Converts e to the Go type `to` where JavaScript would use the value as is: int and
 * float64 numbers, optional pointers, nil for undefined, `any` for unknown.
 */
export function convert(ctx: TransformContext, e: GoExpr, to: GoType, at: ts.Node): GoExpr {
  const from = e.type;
  if (sameType(from, to)) return e;
  if (to.k === "void") return e;
  if (from.k === "nil") return expr("nil", to, Prec.Primary, { pure: true });
  if (from.k === "array" && from.elem.k === "void" && to.k === "array" && e.code === "js.NewArray[any]()") {
    return expr(`js.NewArray[${ctx.render(to.elem)}]()`, to, Prec.Primary, { call: true });
  }
  if (to.k === "float" && from.k === "int") return toFloat(e);
  if (to.k === "int" && from.k === "float") return toInt(e);
  if (to.k === "opt") {
    if (from.k === "opt") return convert(ctx, deref(e), to, at);
    const inner = convert(ctx, e, to.inner, at);
    ctx.use("js");
    return expr(`js.Ptr(${typedForInference(inner).code})`, to, Prec.Primary, { call: true });
  }
  if (from.k === "opt" && sameType(from.inner, to)) return deref(e);
  if (from.k === "opt" && to.k === "float" && from.inner.k === "float") return deref(e);
  if (to.k === "any") return from.k === "int" ? toFloat(e) : e;
  if (from.k === "any") return expr(`${paren(e, Prec.Primary)}.(${ctx.render(to)})`, to, Prec.Primary, { pure: e.pure });
  if (to.k === "iface" && (from.k === "struct" || from.k === "iface")) return { ...e, type: to };
  if (to.k === "api" && from.k === "api") return { ...e, type: to }; // RequestHeaderMap is a HeaderMap
  if (from.k === "func" && to.k === "func" && from.params.length === to.params.length && typeKey(from.result) === typeKey(to.result)) {
    return { ...e, type: to };
  }
  return unsupported(at, "MTS2020", typeKey(from) || "void", typeKey(to));
}

export function deref(e: GoExpr): GoExpr {
  if (e.type.k !== "opt") return e;
  if (e.code.startsWith("js.Ptr(") && e.code.endsWith(")")) {
    return expr(e.code.slice(7, -1), e.type.inner, Prec.Primary);
  }
  return expr(`*${paren(e, Prec.Primary)}`, e.type.inner, Prec.Unary, { pure: e.pure });
}

export function toFloat(e: GoExpr): GoExpr {
  if (e.type.k !== "int") return e;
  if (e.untyped) return { ...e, type: FLOAT };
  return expr(`float64(${e.code})`, FLOAT, Prec.Primary, { pure: e.pure });
}

export function toInt(e: GoExpr): GoExpr {
  if (e.type.k === "int") return e;
  if (e.untyped && isIntegerText(e.code)) return { ...e, type: INT };
  return expr(`int(${e.code})`, INT, Prec.Primary, { pure: e.pure });
}

/** e as a value whose Go type inference gives float64 (for `:=`, generics, any). */
export function typedForInference(e: GoExpr): GoExpr {
  if (e.untyped && e.type.k === "float" && isIntegerText(e.code)) return { ...e, code: `${e.code}.0` };
  if (e.untyped && e.type.k === "float" && /^-?\d+$/.test(e.code.replace(/^-/, ""))) return { ...e, code: `float64(${e.code})` };
  return e;
}

/** A Go boolean that is JavaScript's truthiness of e. */
export function truthy(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  switch (t.k) {
    case "bool":
      return e;
    case "string":
      return expr(`${paren(e, Prec.Compare + 1)} != ""`, { k: "bool" }, Prec.Compare, { pure: e.pure });
    case "int":
      return expr(`${paren(e, Prec.Compare + 1)} != 0`, { k: "bool" }, Prec.Compare, { pure: e.pure });
    case "float":
      ctx.use("js");
      return expr(`js.Truthy(${e.code})`, { k: "bool" }, Prec.Primary, { pure: e.pure });
    case "opt": {
      const v = e.pure ? e : ctx.saveInTemp(e, "v");
      const inner = truthy(ctx, deref(v));
      return expr(`${v.code} != nil && ${paren(inner, Prec.AndAnd + 1)}`, { k: "bool" }, Prec.AndAnd, { pure: true });
    }
    case "api":
      if (isPrimitive(t)) return expr(`${paren(e, Prec.Compare + 1)} != 0`, { k: "bool" }, Prec.Compare, { pure: e.pure });
      return expr(`${paren(e, Prec.Compare + 1)} != nil`, { k: "bool" }, Prec.Compare, { pure: e.pure });
    case "void":
    case "nil":
      return expr("false", { k: "bool" }, Prec.Primary, { pure: true });
    default:
      if (isNilable(t)) return expr(`${paren(e, Prec.Compare + 1)} != nil`, { k: "bool" }, Prec.Compare, { pure: e.pure });
      return expr("true", { k: "bool" }, Prec.Primary, { pure: true });
  }
}

export function not(e: GoExpr): GoExpr {
  if (e.code === "true") return expr("false", e.type, Prec.Primary, { pure: true });
  if (e.code === "false") return expr("true", e.type, Prec.Primary, { pure: true });
  const m = /^(.*) (==|!=) (nil|""|0)$/.exec(e.code);
  if (m && e.prec === Prec.Compare && !m[1]!.includes("&&") && !m[1]!.includes("||")) {
    return expr(`${m[1]} ${m[2] === "==" ? "!=" : "=="} ${m[3]}`, e.type, Prec.Compare, { pure: e.pure });
  }
  return expr(`!${paren(e, Prec.Unary)}`, e.type, Prec.Unary, { pure: e.pure });
}
