import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, stringLiteral } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { type GoType, optionalOf, structLiteralType } from "../../go/types.js";
import { type StructInfo, fieldStorage } from "../../model/structs.js";
import { convert, describeGo, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { toStringExpr } from "../strings.js";
import { lowerFunctionLiteral } from "./function-literal.js";
import { lowerExpr } from "./index.js";

/** The placeholder for a literal's key list, filled in once it is known whether its struct records keys. */
export function keysPlaceholder(struct: string, names: string[]): string {
  return `\u0000KEYS ${struct} ${names.map((n) => stringLiteral(n)).join(", ")}\u0000`;
}

/** Replaces key-list placeholders: `keys: js.KeysOf(...)` for structs that record keys, nothing otherwise. */
export function fillKeyPlaceholders(text: string, needsKeys: (struct: string) => boolean): string {
  return text.replace(/(, )?\u0000KEYS (\S+) ([^\u0000]*)\u0000/g, (_m, comma: string | undefined, struct: string, names: string) => {
    if (!needsKeys(struct)) return "";
    return `${comma ?? ""}keys: js.KeysOf(${names})`;
  });
}

function propertyName(ctx: TransformContext, p: ts.ObjectLiteralElementLike): string | undefined {
  const name = p.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return ts.isNumericLiteral(name) ? String(Number(name.text)) : name.text;
  if (ts.isComputedPropertyName(name)) {
    const v = ctx.checker.getTypeAtLocation(name.expression);
    if (v.isStringLiteral()) return v.value;
    if (v.isNumberLiteral()) return String(v.value);
  }
  return undefined;
}

/** The Go type an object literal builds: its contextual type when that is an object, else its own. */
function literalTarget(ctx: TransformContext, node: ts.ObjectLiteralExpression): GoType {
  const checker = ctx.checker;
  let contextual = checker.getContextualType(node);
  if (contextual && contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) contextual = undefined;
  if (contextual?.isUnion()) {
    const own = checker.getTypeAtLocation(node);
    const candidates = contextual.types.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) && m.flags & ts.TypeFlags.Object && checker.isTypeAssignableTo(own, m));
    contextual = candidates.length >= 1 ? candidates[0] : undefined;
  }
  let target: GoType | undefined = contextual ? ctx.attempt<GoType | undefined>(() => ctx.types.map(contextual!, node), () => undefined) : undefined;
  if (target?.k === "opt") target = target.inner;
  if (!target || (target.k !== "struct" && target.k !== "record")) target = inferredUnionTarget(ctx, node) ?? ctx.types.typeAt(node);
  if (target.k === "opt") target = target.inner;
  return target;
}

/**
 * The struct of the union TypeScript inferred around a literal without a contextual type
 * (`[{ a: 1 }, { a: 2, b: "x" }]`, `c ? { a: 1 } : { b: 2 }`, a function returning literals
 * of several shapes): the literal builds that merged struct, not one of its own shape.
 */
function inferredUnionTarget(ctx: TransformContext, node: ts.ObjectLiteralExpression): GoType | undefined {
  const checker = ctx.checker;
  let child: ts.Node = node;
  for (let n: ts.Node = node.parent; ; child = n, n = n.parent) {
    let type: ts.Type | undefined;
    if (ts.isParenthesizedExpression(n) || ts.isConditionalExpression(n) || ts.isArrayLiteralExpression(n)) type = checker.getTypeAtLocation(n);
    else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(n.operatorToken.kind)) type = checker.getTypeAtLocation(n);
    else if (ts.isReturnStatement(n) || (ts.isArrowFunction(n) && n.body === child)) type = returnedType(ctx, n);
    else if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) && ts.isObjectLiteralExpression(n.parent)) return nestedTarget(ctx, n, n.parent);
    else return undefined;
    if (!type) return undefined;
    if (ts.isArrayLiteralExpression(n) && checker.isArrayType(type)) type = checker.getTypeArguments(type as ts.TypeReference)[0];
    if (type?.isUnion() && (type.types.some((m) => declaresPropertyOf(m, node)) || checker.isTypeAssignableTo(checker.getTypeAtLocation(node), type))) {
      const t = ctx.attempt<GoType | undefined>(() => ctx.types.map(type!, node), () => undefined);
      const inner = t?.k === "opt" ? t.inner : t;
      return inner?.k === "struct" ? inner : undefined;
    }
    if (ts.isReturnStatement(n) || ts.isArrowFunction(n)) return undefined;
  }
}

/**
 * A literal that is a property of another literal (`{ p: { x: 1 } }`) builds the type of that
 * property in the struct the outer literal builds (literals merged at several levels).
 */
function nestedTarget(ctx: TransformContext, prop: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, outer: ts.ObjectLiteralExpression): GoType | undefined {
  const name = propertyName(ctx, prop);
  const info = name === undefined ? undefined : ctx.types.structOf(literalTarget(ctx, outer));
  const field = info?.fields.find((f) => f.name === name);
  return field?.type.k === "struct" ? field.type : undefined;
}

/** The type a function returns (a promise's value for an async function), from a return statement or expression body. */
function returnedType(ctx: TransformContext, n: ts.Node): ts.Type | undefined {
  let fn: ts.Node | undefined = n;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return undefined;
  const sig = ctx.checker.getSignatureFromDeclaration(fn as ts.SignatureDeclaration);
  if (!sig) return undefined;
  const t = sig.getReturnType();
  const isAsync = ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async;
  if (isAsync && t.getSymbol()?.name === "Promise") return ctx.checker.getTypeArguments(t as ts.TypeReference)[0];
  return t;
}

/** The member type was inferred from this literal (one of its properties is declared there). */
function declaresPropertyOf(member: ts.Type, literal: ts.ObjectLiteralExpression): boolean {
  const props = member.getProperties();
  // `{}` among literals of other shapes: a member whose properties were all added by TypeScript.
  if (literal.properties.length === 0) return props.every((p) => !p.declarations?.length);
  return props.some((p) => p.declarations?.some((d) => d.parent === literal));
}

/**
 * `{ a: 1, b: "x" }` → `&Struct{A: 1, B: "x"}`; properties are evaluated in source order.
 * The instance's key order is the literal's (recorded when it differs from the declared
 * order); spreads copy the source's own properties at run time.
 */
export function lowerObjectLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression): GoExpr {
  const target = literalTarget(ctx, node);
  if (target.k === "record") return recordLiteral(ctx, node, target);
  const info = ctx.types.structOf(target);
  if (!info) return unsupported(node, "MTS2020", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)), describeGo(target, ctx));
  for (const p of node.properties) {
    if (ts.isGetAccessor(p) || ts.isSetAccessor(p)) unsupported(p, "MTS2039");
    if (!ts.isSpreadAssignment(p) && propertyName(ctx, p) === undefined) unsupported(p, "MTS2002", "a computed property name");
  }
  if (node.properties.some(ts.isSpreadAssignment)) return spreadLiteral(ctx, node, target, info);
  const values = ctx.exprList(node.properties, (p) => {
    const name = propertyName(ctx, p)!;
    const field = info.fields.find((f) => f.name === name);
    if (!field) return unsupported(p, "MTS2020", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)), describeGo(target, ctx));
    const storage = fieldStorage(field);
    if (ts.isMethodDeclaration(p)) return convert(ctx, lowerFunctionLiteral(ctx, p as unknown as ts.FunctionExpression), storage, p);
    const valueNode = ts.isShorthandPropertyAssignment(p) ? p.name : (p as ts.PropertyAssignment).initializer;
    const lowered = lowerExpr(ctx, valueNode);
    if (lowered.type.k === "nil") return lowered;
    const v = convert(ctx, lowered, storage, valueNode);
    return storage.k === "dyn" ? typedForInference(v) : v;
  });
  const parts: string[] = [];
  const keys: string[] = [];
  let declaredOrder = true;
  let lastIndex = -1;
  node.properties.forEach((p, i) => {
    const name = propertyName(ctx, p)!;
    const idx = info.fields.findIndex((f) => f.name === name);
    const field = info.fields[idx]!;
    keys.push(name);
    if (idx < lastIndex) declaredOrder = false;
    lastIndex = idx;
    // An optional property given a value that may be undefined is still present.
    if (field.optional && (values[i]!.type.k === "opt" || values[i]!.code === "nil" || values[i]!.type.k === "dyn")) info.needsKeys = true;
    if (values[i]!.code !== "nil") parts.push(`${field.goName}: ${values[i]!.code}`);
  });
  if (!declaredOrder) info.needsKeys = true;
  ctx.use("js");
  const placeholder = keysPlaceholder(info.goName, keys);
  const literalType = structLiteralType(target, ctx.file.use);
  const multiline = parts.length > 3 || parts.some((p) => p.includes("\n"));
  const body = parts.length === 0 ? `{${placeholder}}` : multiline ? `{\n${parts.join(",\n")}${placeholder.replace(/^/, ", ")},\n}` : `{${parts.join(", ")}, ${placeholder}}`;
  // Built only from constants and stable values, it reads nothing a later call could change.
  const stable = values.every((v) => v.num !== undefined || v.str !== undefined || /^(nil|true|false)$/.test(v.code) || v.stable === true);
  const effectFree = values.every((v) => v.pure || v.effectFree === true);
  return expr(`&${literalType}${body}`, target, Prec.Unary, { pure: false, stable, effectFree });
}

/** An object literal with spreads: built step by step, each spread copying the source's own properties. */
function spreadLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression, target: GoType, info: StructInfo): GoExpr {
  info.needsKeys = true;
  ctx.use("js");
  const v = ctx.temp("obj");
  ctx.addPreceding(simple(`${v} := &${structLiteralType(target, ctx.file.use)}{}`));
  const setLater = propertiesSetLater(ctx, node);
  node.properties.forEach((p, i) => {
    if (ts.isSpreadAssignment(p)) {
      const src = lowerExpr(ctx, p.expression);
      if (src.type.k !== "struct" && src.type.k !== "record" && src.type.k !== "opt" && src.type.k !== "iface") unsupported(p, "MTS2011");
      // Properties the literal sets again after this spread keep only their place in the key
      // order from it: their value here may be of another type ({ ...base, b: 2 }).
      const overridden = ownPropertyNames(ctx, p.expression).filter((n) => setLater[i]!.has(n));
      // On the spread's own line: the copy throws there when it meets an undefined that a
      // required number, string or boolean member cannot hold (js.Spread).
      ctx.addPreceding(simple(`js.Spread(${[v, src.code, ...overridden.map(stringLiteral)].join(", ")})`, ctx.lineOf(p)));
      return;
    }
    const name = propertyName(ctx, p)!;
    const field = info.fields.find((f) => f.name === name);
    if (!field) return unsupported(p, "MTS2020", ctx.checker.typeToString(ctx.checker.getTypeAtLocation(node)), describeGo(target, ctx));
    const valueNode = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined;
    if (!valueNode) return unsupported(p, "MTS2039");
    const lowered = lowerExpr(ctx, valueNode);
    const value = lowered.type.k === "nil" ? lowered : convert(ctx, lowered, fieldStorage(field), valueNode);
    ctx.addPreceding(simple(`${v}.${field.goName} = ${value.code}`), simple(`${v}.keys.Add(${stringLiteral(name)})`));
  });
  return expr(v, target, Prec.Primary, { pure: true });
}

/** The names of the properties a value of node's type has (those a spread of it may copy). */
function ownPropertyNames(ctx: TransformContext, node: ts.Expression): string[] {
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(node));
  return ctx.checker.getPropertiesOfType(type).map((s) => s.name);
}

/**
 * For each member of the literal, the properties certainly set by the members after it:
 * written properties, and required properties of later spreads of values that cannot be
 * null or undefined.
 */
function propertiesSetLater(ctx: TransformContext, node: ts.ObjectLiteralExpression): Set<string>[] {
  const result: Set<string>[] = [];
  const later = new Set<string>();
  for (let i = node.properties.length - 1; i >= 0; i--) {
    result[i] = new Set(later);
    const p = node.properties[i]!;
    if (!ts.isSpreadAssignment(p)) {
      const name = propertyName(ctx, p);
      if (name !== undefined) later.add(name);
      continue;
    }
    const type = ctx.checker.getTypeAtLocation(p.expression);
    if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) || (type.isUnion() && type.types.some((m) => m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)))) continue;
    for (const s of ctx.checker.getPropertiesOfType(type)) if (!(s.flags & ts.SymbolFlags.Optional)) later.add(s.name);
  }
  return result;
}

/** `{ a: 1, [k]: v, ...other }` typed Record<string, V>: an ordered record. */
function recordLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression, target: Extract<GoType, { k: "record" }>): GoExpr {
  ctx.use("js");
  const make = `js.NewRecord[${ctx.render(target.value)}]()`;
  if (node.properties.length === 0) return expr(make, target, Prec.Primary, { call: true });
  const v = ctx.temp("record");
  ctx.addPreceding(simple(`${v} := ${make}`));
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const src = lowerExpr(ctx, p.expression);
      if (src.type.k !== "record" && src.type.k !== "struct") unsupported(p, "MTS2011");
      ctx.addPreceding(simple(`js.Spread(${v}, ${src.code})`, ctx.lineOf(p)));
      continue;
    }
    let key: GoExpr;
    const name = propertyName(ctx, p);
    if (name !== undefined) key = expr(stringLiteral(name), { k: "string" }, Prec.Primary, { pure: true });
    else if (p.name && ts.isComputedPropertyName(p.name)) key = toStringExpr(ctx, lowerExpr(ctx, p.name.expression));
    else return unsupported(p, "MTS2002", "this property");
    const valueNode = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined;
    if (!valueNode) return unsupported(p, "MTS2039");
    const value = convert(ctx, lowerExpr(ctx, valueNode), target.value, valueNode);
    ctx.addPreceding(simple(`${v}.Set(${key.code}, ${typedForInference(value).code})`));
  }
  void optionalOf;
  return expr(v, target, Prec.Primary, { pure: true });
}
