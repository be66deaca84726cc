import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, isPrimitive, optionalOf, tupleElem } from "../../go/types.js";
import { convert, deref, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { memberOf } from "../expressions/property-access.js";
import { restOfObject } from "../builtins/object.js";
import { unusedGuard } from "./variable.js";

export type BindMode = "declare" | "assign";

/** Assigns a lowered value to an assignment target expression (set by expression-statement). */
export type TargetWriter = (ctx: TransformContext, target: ts.Expression, value: GoExpr) => GoStmt[];

let writeTarget: TargetWriter | undefined;

export function setTargetWriter(w: TargetWriter): void {
  writeTarget = w;
}

type Pattern = ts.BindingName | ts.Expression;

/**
 * Binds a destructuring pattern (`{ a, b: [c, d = 1], ...rest }`) to a value: declares the
 * names (`const`/`let`, parameters, for-of) or assigns existing targets. The value is read
 * once; defaults apply to undefined, as in JavaScript.
 */
export function bindPattern(ctx: TransformContext, pattern: Pattern, value: GoExpr, mode: BindMode): GoStmt[] {
  const [pre, stmts] = ctx.capture(() => bind(ctx, pattern, value, mode));
  return [...pre, ...stmts];
}

function bind(ctx: TransformContext, pattern: Pattern, value: GoExpr, mode: BindMode): GoStmt[] {
  if (ts.isParenthesizedExpression(pattern)) return bind(ctx, pattern.expression, value, mode);
  if (ts.isIdentifier(pattern) && mode === "declare") return declareName(ctx, pattern, value);
  if (ts.isObjectBindingPattern(pattern) || ts.isObjectLiteralExpression(pattern)) return bindObject(ctx, pattern, stable(ctx, value), mode);
  if (ts.isArrayBindingPattern(pattern) || ts.isArrayLiteralExpression(pattern)) return bindArray(ctx, pattern, stable(ctx, value), mode);
  if (mode === "assign" && writeTarget) return writeTarget(ctx, pattern as ts.Expression, value);
  return unsupported(pattern, "MTS2010");
}

function stable(ctx: TransformContext, v: GoExpr): GoExpr {
  return v.pure ? v : ctx.saveInTemp(v, "v");
}

function declareName(ctx: TransformContext, name: ts.Identifier, value: GoExpr): GoStmt[] {
  const sym = ctx.symbolOf(name)!;
  const storage = ctx.types.map(ctx.checker.getTypeAtLocation(name), name);
  const goName = ctx.localName(name.text);
  const v = ctx.declareVar(sym, goName, storage);
  const converted = value.type.k === "nil" ? value : convert(ctx, value, storage, name);
  const init = storage.k === "float" ? typedForInference(converted) : converted;
  const explicit = storage.k === "dyn" || storage.k === "iface" || init.code === "nil" || (storage.k === "opt" && init.type.k !== "opt");
  const stmt = explicit ? `var ${goName} ${ctx.render(storage)} = ${init.code}` : `${goName} := ${init.code}`;
  return [simple(init.code === "nil" ? `var ${goName} ${ctx.render(storage)}` : stmt, ctx.lineOf(name)), unusedGuard(v)];
}

/** Applies a default when the value is undefined. */
function withDefault(ctx: TransformContext, value: GoExpr, init: ts.Expression | undefined, target: ts.Node): GoExpr {
  if (!init) return value;
  const resultType = ctx.types.map(ctx.checker.getTypeAtLocation(target), target);
  if (value.type.k !== "opt" && value.type.k !== "dyn" && value.type.k !== "nil") return value;
  const saved = value.pure ? value : ctx.saveInTemp(value, "v");
  const v = ctx.temp(ts.isIdentifier(target) ? `${target.text}Value` : "value");
  const [pre, dflt] = ctx.capture(() => convert(ctx, lowerExpr(ctx, init), resultType, init));
  ctx.addPreceding(simple(`var ${v} ${ctx.render(resultType)}`));
  const isUndefined = saved.type.k === "dyn" ? `${saved.code} == nil` : `${saved.code} == nil`;
  const defined = saved.type.k === "opt" ? convert(ctx, deref(saved), resultType, target) : convert(ctx, saved, resultType, target);
  ctx.addPreceding({ kind: "if", cond: isUndefined, then: [...pre, simple(`${v} = ${dflt.code}`)], else: [simple(`${v} = ${defined.code}`)] });
  return expr(v, resultType, Prec.Primary, { pure: true });
}

function propertyKey(ctx: TransformContext, name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return unsupported(name, "MTS2010");
}

function bindObject(ctx: TransformContext, pattern: ts.ObjectBindingPattern | ts.ObjectLiteralExpression, obj: GoExpr, mode: BindMode): GoStmt[] {
  const out: GoStmt[] = [];
  const used: string[] = [];
  const elements: readonly (ts.BindingElement | ts.ObjectLiteralElementLike)[] = ts.isObjectBindingPattern(pattern) ? pattern.elements : pattern.properties;
  for (const el of elements) {
    const [pre, stmts] = ctx.capture((): GoStmt[] => {
      if (ts.isBindingElement(el)) {
        if (el.dotDotDotToken) return bind(ctx, el.name, restOfObject(ctx, obj, used, el), mode);
        const key = el.propertyName ? propertyKey(ctx, el.propertyName) : (el.name as ts.Identifier).text;
        used.push(key);
        const v = withDefault(ctx, readMember(ctx, obj, key, el), el.initializer, el.name);
        return bind(ctx, el.name, v, mode);
      }
      if (ts.isSpreadAssignment(el)) return bind(ctx, el.expression, restOfObject(ctx, obj, used, el), mode);
      if (ts.isShorthandPropertyAssignment(el)) {
        used.push(el.name.text);
        const v = withDefault(ctx, readMember(ctx, obj, el.name.text, el), el.objectAssignmentInitializer, el.name);
        return bind(ctx, el.name, v, mode);
      }
      if (ts.isPropertyAssignment(el)) {
        const key = propertyKey(ctx, el.name);
        used.push(key);
        let target: ts.Expression = el.initializer;
        let init: ts.Expression | undefined;
        if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          init = target.right;
          target = target.left;
        }
        return bind(ctx, target, withDefault(ctx, readMember(ctx, obj, key, el), init, target), mode);
      }
      return unsupported(el, "MTS2010");
    });
    out.push(...pre, ...stmts);
  }
  return out;
}

/** obj.key for destructuring, with the member's declared type (not narrowed by flow). */
function readMember(ctx: TransformContext, obj: GoExpr, key: string, at: ts.Node): GoExpr {
  return memberOf(ctx, obj, key, at, { narrow: false });
}

function bindArray(ctx: TransformContext, pattern: ts.ArrayBindingPattern | ts.ArrayLiteralExpression, arr: GoExpr, mode: BindMode): GoStmt[] {
  const t = arr.type;
  if (t.k !== "array" && t.k !== "tuple" && t.k !== "match") return unsupported(pattern, "MTS2010");
  const out: GoStmt[] = [];
  const a = paren(arr, Prec.Primary);
  pattern.elements.forEach((el, i) => {
    if (ts.isOmittedExpression(el)) return;
    const [pre, stmts] = ctx.capture((): GoStmt[] => {
      const rest = ts.isBindingElement(el) ? el.dotDotDotToken !== undefined : ts.isSpreadElement(el);
      const target: Pattern = ts.isBindingElement(el) ? el.name : ts.isSpreadElement(el) ? el.expression : el;
      if (rest) {
        if (t.k === "match") return unsupported(el, "MTS2010");
        const restType: GoType = t.k === "tuple" ? { k: "array", elem: tupleElem(t) } : t;
        return bind(ctx, target, expr(`${a}.SliceFrom(${i})`, restType, Prec.Primary, { call: true }), mode);
      }
      let v: GoExpr;
      if (t.k === "tuple") {
        const elem = t.elems[i];
        if (!elem) return unsupported(el, "MTS2010");
        const raw = expr(`${a}.Get(${i})`, tupleElem(t), Prec.Primary, { call: true });
        v = convert(ctx, raw, elem, el);
      } else if (t.k === "match") {
        v = expr(`${a}.Group(${i})`, optionalOf({ k: "string" }), Prec.Primary, { call: true });
      } else {
        const opt = optionalOf(t.elem);
        ctx.use("js");
        v = expr(`${isPrimitive(t.elem) ? "js.Opt" : "js.OrZero"}(${a}.Index(${i}))`, opt, Prec.Primary, { call: true });
      }
      let init: ts.Expression | undefined;
      let name: Pattern = target;
      if (ts.isBindingElement(el)) init = el.initializer;
      else if (ts.isBinaryExpression(el) && el.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        init = el.right;
        name = el.left;
      }
      return bind(ctx, name, withDefault(ctx, v, init, name), mode);
    });
    out.push(...pre, ...stmts);
  });
  return out;
}

export { stringLiteral };
