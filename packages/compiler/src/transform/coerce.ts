import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { type GoExpr, Prec, expr, isIntegerText, paren } from "../go/expr.js";
import { simple } from "../go/ir.js";
import { type GoType, BOOL, FLOAT, INT, isNilable, isPrimitive, renderType, sameType, structLiteralType, tupleElem, typeKey } from "../go/types.js";
import { type ClassInstance, ancestors } from "../model/classes.js";
import type { TransformContext } from "./context.js";

/**
 * A Go type as the TypeScript type it stands for, for messages: users read TypeScript
 * (`string | undefined`, `number[]`), never the Go spelling (`*string`, `*js.Array[float64]`).
 */
export function describeGo(t: GoType, ctx?: TransformContext): string {
  const d = (inner: GoType) => describeGo(inner, ctx);
  switch (t.k) {
    case "float":
    case "int":
      return t.k === "float" && t.alias ? t.alias : "number";
    case "string":
      return t.alias ?? "string";
    case "bool":
      return "boolean";
    case "void":
    case "nil":
      return "undefined";
    case "null":
      return "null";
    case "dyn":
      return t.name ?? "unknown"; // a named union keeps its TypeScript alias name
    case "opt": {
      const inner = d(t.inner);
      return `${t.inner.k === "func" ? `(${inner})` : inner} | ${t.nil}`;
    }
    case "struct": {
      // An anonymous object type is spelled out, as TypeScript prints it.
      const info = ctx?.types.structOf(t);
      if (!info) return t.name;
      if (info.tsName !== "") return info.tsName;
      return `{ ${info.fields.map((f) => `${f.name}${f.optional ? "?" : ""}: ${d(f.type)}`).join("; ")} }`;
    }
    case "iface":
      return t.name;
    case "api":
      return t.name;
    case "array":
    case "tuple": {
      if (t.k === "tuple") return `[${t.elems.map(d).join(", ")}]`;
      const elem = d(t.elem);
      return /[ |]/.test(elem) ? `(${elem})[]` : `${elem}[]`;
    }
    case "record":
      return `Record<string, ${d(t.value)}>`;
    case "map":
      return `Map<${d(t.key)}, ${d(t.value)}>`;
    case "set":
      return `Set<${d(t.elem)}>`;
    case "func":
      return `(${t.params.map((p, i) => `${t.variadic && i === t.params.length - 1 ? "..." : ""}arg${i}: ${d(p)}`).join(", ")}) => ${t.result.k === "void" ? "void" : d(t.result)}`;
    case "error":
      return "Error";
    case "bytes":
      return "Uint8Array";
    case "regexp":
      return "RegExp";
    case "match":
      return "RegExpExecArray";
    case "promise":
      return `Promise<${d(t.inner)}>`;
  }
}

/** The class behind a struct or interface type, if it is one. */
export function classOf(ctx: TransformContext, t: GoType): ClassInstance | undefined {
  if (t.k !== "struct" && t.k !== "iface") return undefined;
  return ctx.classByGoName.get(t.name);
}

/** Whether values of class `sub` are values of class `sup` (same class or a subclass). */
function isSubclass(sub: ClassInstance, sup: ClassInstance): boolean {
  return sub === sup || ancestors(sub).includes(sup);
}

/**
 * Converts e to the Go type `to` where JavaScript would use the value as is: numbers
 * between int and float64, optional values, boxing into and out of `any`, class values
 * between their struct and interfaces.
 */
export function convert(ctx: TransformContext, e: GoExpr, to: GoType, at: ts.Node): GoExpr {
  const from = e.type;
  if (sameType(from, to)) return from.k === to.k && (from as { alias?: string }).alias === (to as { alias?: string }).alias ? e : { ...e, type: to };
  if (to.k === "void") return e;
  if (from.k === "promise") return unsupported(at, "MTS2041");
  // A fresh `{}` takes whatever object type the context needs (a ?? {} fallback, ...).
  const emptyLiteral = skipParens(at);
  if (ts.isObjectLiteralExpression(emptyLiteral) && emptyLiteral.properties.length === 0 && (from.k === "struct" || from.k === "record")) {
    if (to.k === "record") {
      ctx.use("js");
      return expr(`js.NewRecord[${ctx.render(to.value)}]()`, to, Prec.Primary, { call: true });
    }
    const info = to.k === "struct" ? ctx.types.structOf(to) : undefined;
    if (info && info.fields.every((f) => f.optional)) return expr(`&${structLiteralType(to, ctx.file.use)}{}`, to, Prec.Unary);
  }
  if (from.k === "void" && (to.k === "dyn" || (to.k === "opt" && to.nil === "undefined"))) {
    if (e.call) ctx.addPreceding(simple(e.code));
    return expr("nil", to, Prec.Primary, { pure: true });
  }
  if (from.k === "void" && e.call && ts.isCallExpression(skipParens(at)) && ctx.checker.getTypeAtLocation(at).flags & ts.TypeFlags.Never) {
    return unsupported(at, "MTS2017", "a call of a function returning never inside an expression", "Call it as a statement (assertNever(x);) or return it (return assertNever(x);).");
  }
  if (from.k === "nil") {
    if (to.k === "dyn" || (to.k === "opt" && to.nil === "undefined") || (isNilable(to) && to.k !== "opt")) return expr("nil", to, Prec.Primary, { pure: true });
    return unsupported(at, "MTS2020", "undefined", describeGo(to, ctx));
  }
  if (from.k === "null") {
    if (to.k === "opt" && to.nil === "null") return expr("nil", to, Prec.Primary, { pure: true });
    if (to.k === "dyn") {
      ctx.use("js");
      return expr("js.Null", to, Prec.Primary, { pure: true });
    }
    return unsupported(at, "MTS2020", "null", describeGo(to, ctx));
  }
  if (to.k === "float" && from.k === "int") return toFloat(e);
  if (to.k === "int" && from.k === "float") return toInt(ctx, e);
  if (to.k === "float" && from.k === "float") return { ...e, type: to };
  if (to.k === "string" && from.k === "string") return { ...e, type: to };
  if (to.k === "dyn") return box(ctx, e);
  if (from.k === "dyn") {
    // A literal undefined seen through `as unknown as T`: nil of T where T has one.
    if (e.code === "nil") {
      if (isNilable(to)) return expr("nil", to, Prec.Primary, { pure: true });
      return unsupported(at, "MTS2020", "undefined", describeGo(to, ctx));
    }
    return unbox(ctx, e, to);
  }
  if (to.k === "opt") {
    if (from.k === "opt") {
      if (from.nil !== to.nil) return unsupported(at, "MTS2020", describeGo(from, ctx), describeGo(to, ctx));
      if (isPrimitive(to.inner) || isPrimitive(from.inner)) {
        if (sameType(from.inner, to.inner) || (isNumericLike(from.inner) && isNumericLike(to.inner))) return { ...e, type: to };
        return unsupported(at, "MTS2020", describeGo(from, ctx), describeGo(to, ctx));
      }
      return { ...convert(ctx, { ...e, type: from.inner }, to.inner, at), type: to };
    }
    const inner = convert(ctx, e, to.inner, at);
    if (!isPrimitive(to.inner)) return { ...inner, type: to };
    ctx.use("js");
    return expr(`js.Ptr(${typedForInference(inner).code})`, to, Prec.Primary, { call: true });
  }
  if (from.k === "opt") return convert(ctx, deref(e), to, at);
  if (from.k === "int" && to.k !== "float") return convert(ctx, toFloat(e), to, at);
  if (to.k === "error") return toError(ctx, e, at);
  if (from.k === "error") return fromError(ctx, e, to, at);
  if ((to.k === "iface" || to.k === "struct") && (from.k === "struct" || from.k === "iface")) return classConversion(ctx, e, to, at);
  if (to.k === "api" && from.k === "api") return { ...e, type: to }; // RequestHeaderMap is a HeaderMap
  if (from.k === "func" && to.k === "func") return adaptFunc(ctx, e, from, to, at);
  if ((from.k === "array" || from.k === "tuple") && (to.k === "array" || to.k === "tuple") && e.code === "js.NewArray[any]()") {
    // `[]` typed by where it goes.
    return expr(`js.NewArray[${ctx.render(to.k === "array" ? to.elem : tupleElem(to))}]()`, to, Prec.Primary, { call: true });
  }
  if ((from.k === "tuple" || from.k === "array") && (to.k === "tuple" || to.k === "array")) {
    const fe = from.k === "tuple" ? tupleElem(from) : from.elem;
    const te = to.k === "tuple" ? tupleElem(to) : to.elem;
    if (sameType(fe, te)) return { ...e, type: to };
  }
  if (process.env.MOSN_TS_DEBUG) console.error("convert failed:", JSON.stringify(e), JSON.stringify(to));
  return unsupported(at, "MTS2020", describeGo(from, ctx), describeGo(to, ctx));
}

function isNumericLike(t: GoType): boolean {
  return t.k === "float" || t.k === "int";
}

/** Class values: upcasts are implicit in Go (interfaces), downcasts are type assertions. */
function classConversion(ctx: TransformContext, e: GoExpr, to: GoType, at: ts.Node): GoExpr {
  const from = e.type;
  const src = classOf(ctx, from);
  const dst = classOf(ctx, to);
  if (to.k === "iface" && !dst) {
    // A TypeScript interface of methods: Go checks that the class has them.
    if (src || from.k === "iface") return { ...e, type: to };
  }
  if (src && dst) {
    if (isSubclass(src, dst)) {
      if (to.k === "struct") return { ...e, type: to }; // same class (a leaf): *C
      return { ...e, type: to };
    }
    if (isSubclass(dst, src)) return expr(`${paren(e, Prec.Primary)}.(${ctx.render(to)})`, to, Prec.Primary, { pure: e.pure, unsafe: true });
  }
  if (from.k === "iface" && to.k === "struct" && dst) return expr(`${paren(e, Prec.Primary)}.(${ctx.render(to)})`, to, Prec.Primary, { pure: e.pure, unsafe: true });
  return unsupported(at, "MTS2020", describeGo(from, ctx), describeGo(to, ctx));
}

/** A class value where an Error is expected: its embedded js.Error. */
function toError(ctx: TransformContext, e: GoExpr, at: ts.Node): GoExpr {
  const cls = classOf(ctx, e.type);
  if (cls && errorClass(cls)) return expr(`${paren(e, Prec.Primary)}.JSError()`, { k: "error" }, Prec.Primary, { pure: e.pure, call: true });
  return unsupported(at, "MTS2020", describeGo(e.type, ctx), "Error");
}

/** An Error value narrowed to a user subclass: the object it belongs to. */
function fromError(ctx: TransformContext, e: GoExpr, to: GoType, at: ts.Node): GoExpr {
  const cls = classOf(ctx, to);
  if (cls && errorClass(cls)) return expr(`${paren(e, Prec.Primary)}.Self().(${ctx.render(to)})`, to, Prec.Primary, { pure: e.pure });
  return unsupported(at, "MTS2020", "Error", describeGo(to, ctx));
}

export function errorClass(c: ClassInstance): boolean {
  let d = c.decl;
  while (d.base) d = d.base;
  return d.errorBase !== undefined;
}

/**
 * A function where another function type is expected. Go func types must match exactly,
 * so a callback taking fewer parameters, or returning a value where none is used, is
 * wrapped in an adapter (JavaScript ignores extra arguments and unused results).
 */
function adaptFunc(ctx: TransformContext, e: GoExpr, from: Extract<GoType, { k: "func" }>, to: Extract<GoType, { k: "func" }>, at: ts.Node): GoExpr {
  if (from.params.length > to.params.length || from.variadic || to.variadic) return unsupported(at, "MTS2020", describeGo(from, ctx), describeGo(to, ctx));
  const fn = e.pure ? e : ctx.saveInTemp(e, "fn");
  const names = to.params.map((_, i) => `a${i}`);
  const params = to.params.map((p, i) => `${names[i]} ${ctx.render(p)}`).join(", ");
  const args = from.params.map((p, i) => convert(ctx, expr(names[i]!, to.params[i]!, Prec.Primary, { pure: true }), p, at).code);
  const call = expr(`${fn.code}(${args.join(", ")})`, from.result, Prec.Primary, { call: true });
  const resultType = to.result.k === "void" ? "" : ` ${ctx.render(to.result)}`;
  let body: string;
  if (to.result.k === "void") body = from.result.k === "void" ? call.code : `_ = ${call.code}`;
  else body = `return ${convert(ctx, call, to.result, at).code}`;
  return expr(`func(${params})${resultType} {\n${body}\n}`, to, Prec.Primary, { pure: true });
}

/** Puts a typed value into a Go `any` by the JavaScript value convention. */
export function box(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  const to: GoType = { k: "dyn" };
  if (e.code === "nil") return expr("nil", to, Prec.Primary, { pure: true });
  switch (t.k) {
    case "dyn":
      return e;
    case "int":
      return { ...toFloat(e), type: to };
    case "float":
      return { ...typedForInference(e), type: to };
    case "nil":
      return expr("nil", to, Prec.Primary, { pure: true });
    case "opt":
      ctx.use("js");
      if (isPrimitive(t.inner)) return expr(`js.${t.nil === "null" ? "NullableValue" : "OptValue"}(${e.code})`, to, Prec.Primary, { call: true, pure: e.pure });
      return expr(`js.${t.nil === "null" ? "NilAsNull" : "NilAsUndefined"}(${e.code})`, to, Prec.Primary, { call: true, pure: e.pure });
    case "error":
      return expr(`${paren(e, Prec.Primary)}.Self()`, to, Prec.Primary, { call: true, pure: e.pure });
    default:
      return { ...e, type: to };
  }
}

/** Takes a typed value out of a Go `any` (the static types say what it holds). */
export function unbox(ctx: TransformContext, e: GoExpr, to: GoType): GoExpr {
  const v = paren(e, Prec.Primary);
  switch (to.k) {
    case "int":
      return expr(`int(${v}.(float64))`, INT, Prec.Primary, { pure: e.pure, unsafe: true });
    case "nil":
    case "void":
      return e;
    case "null":
      ctx.use("js");
      return expr("js.Null", to, Prec.Primary, { pure: true });
    case "opt":
      ctx.use("js");
      if (isPrimitive(to.inner)) return expr(`js.AsPtr[${ctx.render(to.inner)}](${e.code})`, to, Prec.Primary, { call: true, pure: e.pure });
      return expr(`js.AsNilable[${ctx.render(to)}](${e.code})`, to, Prec.Primary, { call: true, pure: e.pure });
    case "error":
      ctx.use("js");
      return expr(`js.AsError(${e.code})`, to, Prec.Primary, { call: true, pure: e.pure });
    default:
      return expr(`${v}.(${ctx.render(to)})`, to, Prec.Primary, { pure: e.pure, unsafe: true });
  }
}

/** The defined value of an optional (after narrowing). */
export function deref(e: GoExpr): GoExpr {
  if (e.type.k !== "opt") return e;
  if (!isPrimitive(e.type.inner)) return { ...e, type: e.type.inner };
  if (e.code.startsWith("js.Ptr(") && e.code.endsWith(")") && balanced(e.code.slice(7, -1))) {
    return expr(e.code.slice(7, -1), e.type.inner, Prec.Primary, { pure: e.pure });
  }
  return expr(`*${paren(e, Prec.Primary)}`, e.type.inner, Prec.Unary, { pure: e.pure, unsafe: true });
}

function balanced(code: string): boolean {
  let depth = 0;
  for (const c of code) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

export function toFloat(e: GoExpr): GoExpr {
  if (e.type.k !== "int") return e;
  if (e.untyped) return { ...e, type: FLOAT };
  return expr(`float64(${e.code})`, FLOAT, Prec.Primary, { pure: e.pure });
}

/**
 * A number used where Go needs an int: method arguments (slice, padStart...) take
 * ToIntegerOrInfinity, clamped to the int range.
 */
export function toInt(ctx: TransformContext, e: GoExpr): GoExpr {
  if (e.type.k === "int") return e;
  if (e.num !== undefined && Number.isInteger(e.num) && Math.abs(e.num) < 2 ** 31) return expr(String(e.num), INT, Prec.Primary, { pure: true, untyped: true, num: e.num });
  if (e.untyped && isIntegerText(e.code)) return { ...e, type: INT };
  ctx.use("js");
  return expr(`js.ToInteger(${e.code})`, INT, Prec.Primary, { pure: e.pure, call: true });
}

/** A number used as an array index: an exact non-negative integer, or -1 (not an index). */
export function toIndex(ctx: TransformContext, e: GoExpr): GoExpr {
  if (e.type.k === "int") return e;
  if (e.num !== undefined) return expr(String(Number.isInteger(e.num) && e.num >= 0 && e.num < 2 ** 31 ? e.num : -1), INT, Prec.Primary, { pure: true, untyped: true });
  ctx.use("js");
  return expr(`js.ArrayIndex(${e.code})`, INT, Prec.Primary, { pure: e.pure, call: true });
}

/** e as a value whose Go type inference gives float64 (for `:=`, generics, any). */
export function typedForInference(e: GoExpr): GoExpr {
  if (e.untyped && e.type.k === "float" && isIntegerText(e.code)) return { ...e, code: `${e.code.replace(/^-/, "-")}.0`, untyped: false };
  if (e.untyped && e.type.k === "float" && /^-?[\d.e+-]+$/.test(e.code) && !/[.e]/.test(e.code)) return { ...e, code: `float64(${e.code})` };
  return e;
}

/** A Go boolean that is JavaScript's truthiness of e. */
export function truthy(ctx: TransformContext, e: GoExpr): GoExpr {
  const t = e.type;
  switch (t.k) {
    case "bool":
      return e;
    case "string":
      return expr(`${paren(e, Prec.Compare + 1)} != ""`, BOOL, Prec.Compare, { pure: e.pure });
    case "int":
      return expr(`${paren(e, Prec.Compare + 1)} != 0`, BOOL, Prec.Compare, { pure: e.pure });
    case "float":
      if (e.num !== undefined) return expr(String(e.num !== 0 && !Number.isNaN(e.num)), BOOL, Prec.Primary, { pure: true });
      ctx.use("js");
      return expr(`js.Truthy(${e.code})`, BOOL, Prec.Primary, { pure: e.pure });
    case "opt": {
      if (!isPrimitive(t.inner)) return expr(`${paren(e, Prec.Compare + 1)} != nil`, BOOL, Prec.Compare, { pure: e.pure });
      const v = e.pure ? e : ctx.saveInTemp(e, "v");
      const inner = truthy(ctx, deref(v));
      if (inner.code === "true") return expr(`${v.code} != nil`, BOOL, Prec.Compare, { pure: true });
      return expr(`${v.code} != nil && ${paren(inner, Prec.AndAnd + 1)}`, BOOL, Prec.AndAnd, { pure: true });
    }
    case "dyn":
      ctx.use("js");
      return expr(`js.IsTruthy(${e.code})`, BOOL, Prec.Primary, { pure: e.pure, call: true });
    case "api":
      if (isPrimitive(t)) return expr(`${paren(e, Prec.Compare + 1)} != 0`, BOOL, Prec.Compare, { pure: e.pure });
      return expr(`${paren(e, Prec.Compare + 1)} != nil`, BOOL, Prec.Compare, { pure: e.pure });
    case "void":
    case "nil":
    case "null":
      if (e.call) ctx.addPreceding(simple(e.code));
      return expr("false", BOOL, Prec.Primary, { pure: true });
    default:
      if (isNilable(t)) return expr(`${paren(e, Prec.Compare + 1)} != nil`, BOOL, Prec.Compare, { pure: e.pure });
      return expr("true", BOOL, Prec.Primary, { pure: true });
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

export { typeKey };

function skipParens(n: ts.Node): ts.Node {
  while (ts.isParenthesizedExpression(n)) n = n.expression;
  return n;
}
