import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, DYN, optionalOf, sameType } from "../../go/types.js";
import { type ClassInstance, type Member, isPolymorphic } from "../../model/classes.js";
import { fieldStorage } from "../../model/structs.js";
import { textCodecMember } from "../builtins/bytes.js";
import { globalConstant } from "../builtins/globals.js";
import { classMember, staticMemberAccess } from "../declarations/class-members.js";
import { box, classOf, convert, describeGo } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { sdkEnumMember, sdkLoggerProperty, sdkProperty } from "../sdk/members.js";
import { lowerExpr } from "./index.js";
import { lowerThis, narrowed, receiverStruct } from "./identifier.js";
import { stringConstant } from "./literals.js";

export function lowerPropertyAccess(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr {
  const name = node.name.text;
  const logger = sdkLoggerProperty(ctx, node);
  if (logger) return logger;
  const enumMember = sdkEnumMember(ctx, node) ?? userEnumMember(ctx, node);
  if (enumMember) return enumMember;
  if (ts.isIdentifier(node.expression)) {
    const sym = ctx.symbolOf(node.expression);
    const isValue = node.expression.text === "NaN" || node.expression.text === "Infinity";
    if (sym && ctx.isLibSymbol(sym) && !ctx.vars.has(sym) && !isValue) return globalConstant(ctx, node.expression.text, name, node);
    if (sym && sym.flags & ts.SymbolFlags.Class) return staticMemberAccess(ctx, sym, name, node);
  }
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword) return superMember(ctx, name, node);
  if (node.expression.kind === ts.SyntaxKind.ThisKeyword && ctx.currentClass) {
    const m = classMember(ctx, ctx.currentClass, name, node);
    if (m.kind === "field") return narrowed(ctx, fieldRead(ctx, receiverStruct(ctx, node), m), node);
    if (m.kind === "accessor") return accessorRead(ctx, m.virtual ? lowerThis(ctx, node) : receiverStruct(ctx, node), m, node);
    return unsupported(node, "MTS2043", name);
  }
  if (ctx.staticClass && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    return staticMemberAccess(ctx, ctx.staticClass.decl.sym, name, node);
  }
  const obj = lowerExpr(ctx, node.expression);
  return memberOf(ctx, obj, name, node);
}

/** `Color.Red` for a user enum. */
function userEnumMember(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr | undefined {
  const sym = ctx.symbolOf(node.expression);
  if (!sym || !(sym.flags & ts.SymbolFlags.Enum) || ctx.isSdkSymbol(sym)) return undefined;
  const info = ctx.types.enumFor(sym, node);
  const m = info.members.get(node.name.text);
  if (!m) return unsupported(node, "MTS2024", node.getText());
  const type: GoType = info.kind === "float" ? { k: "float", alias: info.goName } : { k: "string", alias: info.goName };
  return expr(m.goName, type, Prec.Primary, { pure: true, ...(typeof m.value === "number" ? { num: m.value } : { str: m.value }) });
}

function superMember(ctx: TransformContext, name: string, node: ts.Node): GoExpr {
  const cls = ctx.currentClass;
  if (!cls?.base) return unsupported(node, "MTS2033");
  const m = classMember(ctx, cls.base, name, node);
  const base = expr(`${ctx.receiver}.${cls.base.goName}`, { k: "struct", name: cls.base.goName }, Prec.Primary, { pure: true });
  if (m.kind === "accessor") return accessorRead(ctx, base, m, node);
  if (m.kind === "field") return fieldRead(ctx, base, m);
  return unsupported(node, "MTS2043", name);
}

export function fieldRead(ctx: TransformContext, obj: GoExpr, m: Member): GoExpr {
  void ctx;
  return expr(`${paren(obj, Prec.Primary)}.${m.goName}`, m.type, Prec.Primary, { pure: obj.pure, stable: obj.stable === true && m.readonly === true });
}

export function accessorRead(ctx: TransformContext, obj: GoExpr, m: Member, node: ts.Node): GoExpr {
  if (!m.getter) return expr("nil", { k: "nil" }, Prec.Primary, { pure: true }); // a setter without a getter reads undefined
  void ctx;
  void node;
  return expr(`${paren(obj, Prec.Primary)}.${m.getter}()`, m.type, Prec.Primary, { call: true });
}

/** A class value (struct or interface) seen as the struct declaring its fields. */
export function classFields(ctx: TransformContext, obj: GoExpr, cls: ClassInstance): GoExpr {
  if (obj.type.k === "struct") return obj;
  return expr(`${paren(obj, Prec.Primary)}.As${cls.goName}()`, { k: "struct", name: cls.goName }, Prec.Primary, { call: true, pure: obj.pure });
}

/** The property `name` of an already lowered object. */
export function memberOf(ctx: TransformContext, obj: GoExpr, name: string, node: ts.Node, opts: { narrow?: boolean } = {}): GoExpr {
  const t = obj.type;
  const narrow = (e: GoExpr): GoExpr => (opts.narrow === false ? e : narrowed(ctx, e, node));
  const o = paren(obj, Prec.Primary);
  const pure = obj.pure;
  switch (t.k) {
    case "string":
      if (name === "length") {
        if (obj.str !== undefined) return expr(String(obj.str.length), INT, Prec.Primary, { pure: true, untyped: true, num: obj.str.length });
        ctx.use("js");
        return expr(`js.Len(${obj.code})`, INT, Prec.Primary, { pure, call: true });
      }
      break;
    case "array":
    case "tuple":
      if (name === "length") return expr(`${o}.Len()`, INT, Prec.Primary, { pure, call: true });
      break;
    case "map":
    case "set":
      if (name === "size") return expr(`${o}.Size()`, INT, Prec.Primary, { pure, call: true });
      break;
    case "error":
      if (name === "message") return expr(`${o}.Message`, STRING, Prec.Primary, { pure });
      if (name === "name") return expr(`${o}.Name`, STRING, Prec.Primary, { pure });
      if (name === "stack") unsupported(node, "MTS2035", "stack", "Error", "Stack traces differ between Node and Go; log the message.");
      break;
    case "bytes":
      if (name === "length" || name === "byteLength") return expr(`len(${obj.code})`, INT, Prec.Primary, { pure });
      break;
    case "regexp":
      return regexpProperty(ctx, obj, name, node);
    case "match":
      if (name === "index") {
        const flow = ctx.attempt<GoType | undefined>(() => ctx.types.typeAt(node), () => undefined);
        if (flow?.k === "opt") {
          ctx.use("js");
          return expr(`js.MatchIndex(${obj.code})`, flow, Prec.Primary, { call: true, pure });
        }
        return expr(`${o}.Index`, INT, Prec.Primary, { pure });
      }
      if (name === "input") return expr(`${o}.Input`, STRING, Prec.Primary, { pure });
      if (name === "length") return expr(`${o}.Len()`, INT, Prec.Primary, { pure, call: true });
      if (name === "groups") return expr(`${o}.Groups`, optionalOf({ k: "record", value: optionalOf(STRING) }), Prec.Primary, { pure });
      break;
    case "record": {
      ctx.use("js");
      const key = stringLiteral(name);
      return recordGet(ctx, obj, expr(key, STRING, Prec.Primary, { pure: true, str: name }), node);
    }
    case "api":
      return sdkProperty(ctx, obj, name, node);
    case "struct":
    case "iface": {
      if (t.k === "struct" && t.name.startsWith("js.")) return textCodecMember(ctx, obj, name, node, undefined);
      const cls = classOf(ctx, t);
      if (cls) {
        const m = classMember(ctx, cls, name, node);
        if (m.kind === "field") return narrow(fieldRead(ctx, classFields(ctx, obj, cls), m));
        if (m.kind === "accessor") return accessorRead(ctx, obj, m, node);
        return unsupported(node, "MTS2043", name);
      }
      const info = ctx.types.structOf(t);
      const field = info?.fields.find((f) => f.name === name);
      if (field) return narrow(expr(`${o}.${field.goName}`, fieldStorage(field), Prec.Primary, { pure }));
      break;
    }
    case "dyn":
      if (name === "length") {
        const flow = ctx.attempt<GoType | undefined>(() => ctx.types.typeAt(node), () => undefined);
        if (flow?.k === "float") {
          ctx.use("js");
          return expr(`js.LengthOf(${obj.code})`, FLOAT, Prec.Primary, { call: true, pure });
        }
      }
      if (objectTypeOf(ctx, node)) return unionMember(ctx, obj, name, node);
      break;
  }
  const objectType = objectTypeOf(ctx, node);
  // The TypeScript type as written: the Go name of a generated type means nothing to the user.
  const shown = objectType ? ctx.checker.typeToString(objectType) : describeGo(t, ctx);
  return unsupported(node, "MTS2035", name, shown, "See docs/subset.md for the supported members.");
}

/**
 * The TypeScript type of the object whose member `node` reads: `o` in `o.k` and `o[k]`, the
 * destructured value in `const { k } = o`; undefined where node is not such a read.
 */
function objectTypeOf(ctx: TransformContext, node: ts.Node): ts.Type | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return ctx.checker.getTypeAtLocation(node.expression);
  if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) return ctx.checker.getTypeAtLocation(node.parent);
  return undefined;
}

/** `rec[key]`: the value, or undefined (a missing key). */
export function recordGet(ctx: TransformContext, rec: GoExpr, key: GoExpr, node: ts.Node): GoExpr {
  if (rec.type.k !== "record") throw new Error("recordGet on a non-record");
  const value = rec.type.value;
  const t = optionalOf(value);
  ctx.use("js");
  const call = `${paren(rec, Prec.Primary)}.Get(${key.code})`;
  void node;
  if (value.k !== "opt" && t.k === "opt" && ["float", "string", "bool", "int"].includes(t.inner.k)) return expr(`js.Opt(${call})`, t, Prec.Primary, { call: true, statement: call });
  return expr(`js.OrZero(${call})`, t, Prec.Primary, { call: true, statement: call });
}

function regexpProperty(ctx: TransformContext, re: GoExpr, name: string, node: ts.Node): GoExpr {
  const o = paren(re, Prec.Primary);
  switch (name) {
    case "source":
      return expr(`${o}.Source`, STRING, Prec.Primary, { pure: re.pure });
    case "flags":
      return expr(`${o}.Flags`, STRING, Prec.Primary, { pure: re.pure });
    case "lastIndex":
      return expr(`${o}.LastIndex`, FLOAT, Prec.Primary, { pure: re.pure });
    case "global":
    case "ignoreCase":
    case "multiline":
    case "sticky":
    case "unicode":
    case "dotAll":
    case "hasIndices": {
      const flag = { global: "g", ignoreCase: "i", multiline: "m", sticky: "y", unicode: "u", dotAll: "s", hasIndices: "d" }[name];
      ctx.use("strings");
      return expr(`strings.Contains(${o}.Flags, "${flag}")`, BOOL, Prec.Primary, { call: true, pure: re.pure });
    }
  }
  return unsupported(node, "MTS2035", name, "RegExp", "See docs/subset.md for the supported RegExp members.");
}

/**
 * `shape.kind` on a union of object types: a generated function switching on the Go type
 * of the value (every member of the union has the property).
 */
function unionMember(ctx: TransformContext, obj: GoExpr, name: string, node: ts.Node): GoExpr {
  const unionType = objectTypeOf(ctx, node)!;
  const members = unionType.isUnion() ? unionType.types : [unionType];
  const cases: { goType: string; code: (v: string) => GoExpr }[] = [];
  let result: GoType | undefined;
  for (const m of members) {
    if (m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) continue;
    const goType = ctx.types.map(m, node);
    const value = (v: string) => memberOf(ctx, expr(v, goType, Prec.Primary, { pure: true }), name, node);
    const probe = ctx.attempt<GoExpr | undefined>(() => value("v"), () => undefined);
    if (!probe) return unsupported(node, "MTS2035", name, ctx.checker.typeToString(unionType), "Narrow the value to one type first.");
    result = result === undefined || sameType(result, probe.type) ? probe.type : DYN;
    if (!cases.some((c) => c.goType === ctx.render(goType))) cases.push({ goType: ctx.render(goType), code: value });
  }
  if (!result || cases.length === 0) return unsupported(node, "MTS2035", name, ctx.checker.typeToString(unionType), "Narrow the value first.");
  const resultType = result;
  const key = `member:${name}:${cases.map((c) => c.goType).join("|")}:${ctx.render(resultType)}`;
  ctx.use("js");
  const fn = ctx.helper(key, `${name.replace(/[^A-Za-z0-9_]/g, "_")}Of`, (fnName) => {
    const body = cases
      .map((c) => {
        const e = c.code("v");
        const value = resultType.k === "dyn" ? box(ctx, e) : convert(ctx, e, resultType, node);
        return `\tcase ${c.goType}:\n\t\treturn ${value.code}`;
      })
      .join("\n");
    return `// ${fnName} reads the property ${JSON.stringify(name)} of a value of the union type ${ctx.checker.typeToString(unionType).replace(/\n/g, " ")}.\nfunc ${fnName}(value any) ${ctx.render(resultType)} {\n\tswitch v := value.(type) {\n${body}\n\t}\n\tpanic(js.NewTypeError("Cannot read properties of " + js.ToString(value) + " (reading '${name}')"))\n}\n`;
  });
  return expr(`${fn}(${obj.code})`, resultType, Prec.Primary, { call: true });
}

export { stringConstant };
