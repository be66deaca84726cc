import { ts } from "ts-morph";
import { snippet, unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { type GoType, DYN, VOID, sameType, tupleElem, variadicElem } from "../../go/types.js";
import { arrayMethod } from "../builtins/array.js";
import { bytesMethod, textCodecMember } from "../builtins/bytes.js";
import { globalCall, globalFunction } from "../builtins/globals.js";
import { mapMethod, setMethod } from "../builtins/map-set.js";
import { numberMethod } from "../builtins/number.js";
import { objectMethodOnRecord } from "../builtins/object.js";
import { matchMethod, regexpMethod } from "../builtins/regexp.js";
import { stringMethod } from "../builtins/string.js";
import { classMember, registerMembers, staticMemberAccess } from "../declarations/class-members.js";
import { toStringExpr } from "../strings.js";
import { box, classOf, convert, describeGo, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { functionInstanceFor } from "../generics.js";
import { sdkCall, sdkFunction, sdkMethod } from "../sdk/members.js";
import { lowerExpr } from "./index.js";
import { lowerThis, receiverStruct } from "./identifier.js";
import { classFields } from "./property-access.js";

/**
 * Lowers call arguments converted to the callee's Go parameter types; absent optional
 * parameters are nil; a spread argument fills a rest parameter (or a tuple's elements).
 */
export function lowerArgs(ctx: TransformContext, args: readonly ts.Expression[], fn: { params: GoType[]; variadic?: boolean }, node: ts.Node): string[] {
  const params = fn.params;
  const fixed = fn.variadic ? params.length - 1 : params.length;
  const out: string[] = [];
  const spreadAt = args.findIndex(ts.isSpreadElement);
  if (fn.variadic && spreadAt >= fixed && !(spreadAt === args.length - 1 && spreadAt === fixed)) return concatenatedArgs(ctx, args, params, fixed);
  const values = ctx.exprList(args, (a, i) => {
    if (ts.isSpreadElement(a)) {
      const v = lowerExpr(ctx, a.expression);
      if (fn.variadic && i === fixed && i === args.length - 1 && (v.type.k === "array" || v.type.k === "tuple")) {
        const elem = variadicElem(params[fixed]!);
        const have = v.type.k === "tuple" ? tupleElem(v.type) : v.type.elem;
        if (!sameType(have, elem)) unsupported(a, "MTS2020", describeGo(v.type, ctx), describeGo(params[fixed]!, ctx));
        return expr(`${paren(v, Prec.Primary)}.Items()...`, v.type, Prec.Primary, { call: true });
      }
      return unsupported(a, "MTS2011");
    }
    const target = i < fixed ? params[i] : fn.variadic ? variadicElem(params[fixed]!) : undefined;
    const v = lowerExpr(ctx, a);
    return target ? convert(ctx, v, target, a) : v;
  });
  for (let i = 0; i < values.length; i++) {
    if (i >= fixed && !fn.variadic) {
      // Extra arguments are evaluated (JavaScript does) and ignored.
      if (!values[i]!.pure) ctx.addPreceding({ kind: "simple", code: values[i]!.call ? values[i]!.code : `_ = ${values[i]!.code}` });
      continue;
    }
    out.push(values[i]!.code);
  }
  for (let i = args.length; i < fixed; i++) out.push("nil");
  void node;
  return out;
}

/** f(a, ...xs, b) for a rest parameter: the rest arguments joined into one slice. */
function concatenatedArgs(ctx: TransformContext, args: readonly ts.Expression[], params: GoType[], fixed: number): string[] {
  const elem = variadicElem(params[fixed]!);
  const goElem = ctx.render(elem);
  const values = ctx.exprList(args, (a, i) => {
    if (i < fixed) return convert(ctx, lowerExpr(ctx, a), params[i]!, a);
    if (ts.isSpreadElement(a)) {
      const v = lowerExpr(ctx, a.expression);
      const have = v.type.k === "tuple" ? tupleElem(v.type) : v.type.k === "array" ? v.type.elem : undefined;
      if (!have || !sameType(have, elem)) return unsupported(a, "MTS2011");
      return expr(`${paren(v, Prec.Primary)}.Items()`, v.type, Prec.Primary, { call: true });
    }
    const v = convert(ctx, lowerExpr(ctx, a), elem, a);
    return expr(`[]${goElem}{${(elem.k === "float" || elem.k === "dyn" ? typedForInference(v) : v).code}}`, v.type, Prec.Primary);
  });
  ctx.use("slices");
  const rest = values.slice(fixed).map((v) => v.code);
  return [...values.slice(0, fixed).map((v) => v.code), `slices.Concat(${rest.join(", ")})...`];
}

function callResult(code: string, result: GoType): GoExpr {
  return expr(code, result, Prec.Primary, { call: true });
}

/** A call whose TypeScript result is a Promise must be awaited where it is made. */
function checkAwaited(ctx: TransformContext, node: ts.CallExpression | ts.NewExpression): void {
  const t = ctx.checker.getTypeAtLocation(node);
  const sym = t.getSymbol();
  if (!sym || sym.name !== "Promise" || !ctx.isLibSymbol(sym)) return;
  let p: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(p)) p = p.parent;
  if (ts.isAwaitExpression(p)) return;
  if (ts.isReturnStatement(p) && ctx.frame?.async) return;
  if (ts.isArrowFunction(p) && p.body === node && ctx.frame?.async) return;
  if (ts.isArrowFunction(p) && p.body === node) {
    // A callback handing back the promise of a call: making it async is the usual fix.
    const params = p.getText().slice(0, p.equalsGreaterThanToken.getStart() - p.getStart()).trim();
    unsupported(node, "MTS2041", `Make the callback async and await the call: 'async ${params} => await ${snippet(node)}'. `);
  }
  unsupported(node, "MTS2041");
}

export function lowerCall(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) return unsupported(callee, "MTS2046");
  if (callee.kind === ts.SyntaxKind.ImportKeyword) unsupported(callee, "MTS2013", "import()");
  checkAwaited(ctx, node);
  const substituted = ctx.substitutions.get(callee);
  if (substituted) {
    if (substituted.type.k !== "func") return unsupported(callee, "MTS2002", "a call of a value that is not a function");
    const args = lowerArgs(ctx, node.arguments, substituted.type, node);
    return callResult(`${paren(substituted, Prec.Primary)}(${args.join(", ")})`, substituted.type.result);
  }
  if (ts.isPropertyAccessExpression(callee)) return methodCall(ctx, node, callee);
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteral(callee.argumentExpression)) {
    return unsupported(callee, "MTS2002", "a method called through a string key");
  }
  if (ts.isIdentifier(callee)) {
    const sym = ctx.symbolOf(callee);
    if (sym && ctx.isLibSymbol(sym) && !ctx.vars.has(sym)) return globalFunction(ctx, callee.text, node);
    if (sym && ctx.isSdkSymbol(sym)) return sdkFunction(ctx, sym.name, node);
    const decl = sym && ctx.functions.get(sym);
    if (decl?.generic) {
      const inst = functionInstanceFor(ctx, decl, node);
      const args = lowerArgs(ctx, node.arguments, inst.type as { params: GoType[]; variadic?: boolean }, node);
      return callResult(`${inst.goName}(${args.join(", ")})`, (inst.type as { result: GoType }).result);
    }
  }
  const fn = lowerExpr(ctx, callee);
  if (fn.type.k !== "func") return unsupported(callee, "MTS2002", "a call of a value that is not a function");
  const args = lowerArgs(ctx, node.arguments, fn.type, node);
  const result = callResult(`${paren(fn, Prec.Primary)}(${args.join(", ")})`, fn.type.result);
  // An overloaded function: the implementation returns the union, the chosen overload says which member.
  const overloaded = ts.isIdentifier(callee) && (ctx.symbolOf(callee)?.declarations?.filter(ts.isFunctionDeclaration).length ?? 0) > 1;
  if (!overloaded || result.type.k !== "dyn") return result;
  const chosen = ctx.attempt<GoType | undefined>(() => ctx.types.typeAt(node), () => undefined);
  return chosen && chosen.k !== "dyn" && chosen.k !== "void" ? convert(ctx, result, chosen, node) : result;
}

function methodCall(ctx: TransformContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): GoExpr {
  const name = callee.name.text;
  const target = callee.expression;
  if (ts.isIdentifier(target)) {
    const sym = ctx.symbolOf(target);
    if (sym && ctx.isLibSymbol(sym) && !ctx.vars.has(sym) && target.text !== "NaN" && target.text !== "Infinity") return globalCall(ctx, target.text, name, node);
    if (sym && sym.flags & ts.SymbolFlags.Class) {
      const s = staticMemberAccess(ctx, sym, name, callee);
      if (s.type.k !== "func") return unsupported(callee, "MTS2002", "a call of a static field");
      const args = lowerArgs(ctx, node.arguments, s.type, node);
      return callResult(`${s.code}(${args.join(", ")})`, s.type.result);
    }
  }
  if (target.kind === ts.SyntaxKind.SuperKeyword) {
    const cls = ctx.currentClass;
    if (!cls?.base) return unsupported(target, "MTS2033");
    const m = classMember(ctx, cls.base, name, callee);
    if (m.kind !== "method" || m.type.k !== "func") return unsupported(callee, "MTS2043", name);
    const args = lowerArgs(ctx, node.arguments, m.type, node);
    return callResult(`${ctx.receiver}.${cls.base.goName}.${m.goName}(${args.join(", ")})`, m.type.result);
  }
  if (target.kind === ts.SyntaxKind.ThisKeyword && ctx.currentClass) {
    const cls = ctx.currentClass;
    const m = classMember(ctx, cls, name, callee);
    if (m.kind === "method" && m.type.k === "func") {
      const recv = m.virtual ? lowerThis(ctx, target) : receiverStruct(ctx, target);
      const args = lowerArgs(ctx, node.arguments, m.type, node);
      return callResult(`${paren(recv, Prec.Primary)}.${m.goName}(${args.join(", ")})`, m.type.result);
    }
  }
  const sdk = sdkCall(ctx, node, callee);
  if (sdk) return sdk;
  const obj = lowerExpr(ctx, target);
  switch (obj.type.k) {
    case "string":
      return stringMethod(ctx, obj, name, node);
    case "array":
    case "tuple":
      return arrayMethod(ctx, obj, name, node);
    case "map":
      return mapMethod(ctx, obj, name, node);
    case "set":
      return setMethod(ctx, obj, name, node);
    case "float":
    case "int":
      return numberMethod(ctx, obj, name, node);
    case "bool":
      if ((name === "toString" || name === "valueOf") && node.arguments.length === 0) {
        if (name === "valueOf") return obj;
        ctx.use("strconv");
        return callResult(`strconv.FormatBool(${obj.code})`, { k: "string" });
      }
      break;
    case "api":
      return sdkMethod(ctx, obj, name, node);
    case "error":
      if (name === "toString" && node.arguments.length === 0) return callResult(`${paren(obj, Prec.Primary)}.String()`, { k: "string" });
      break;
    case "regexp":
      return regexpMethod(ctx, obj, name, node);
    case "match":
      return matchMethod(ctx, obj, name, node);
    case "bytes":
      return bytesMethod(ctx, obj, name, node);
    case "record":
      return objectMethodOnRecord(ctx, obj, name, node);
    case "struct":
    case "iface":
      return objectMethod(ctx, obj, name, node, callee);
    case "dyn":
      return unionMethod(ctx, obj, name, node, callee);
  }
  return unsupported(callee.name, "MTS2035", `${name}()`, describeGo(obj.type, ctx), "See docs/subset.md for the supported methods.");
}

/** A method of a class, a TypeScript interface of methods, or a function-valued property. */
function objectMethod(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression, callee: ts.PropertyAccessExpression): GoExpr {
  const t = obj.type;
  if (t.k === "struct" && t.name.startsWith("js.")) return textCodecMember(ctx, obj, name, callee, node.arguments);
  const cls = classOf(ctx, t);
  if (cls) {
    registerMembers(ctx, cls);
    // Object.prototype.toString / Error.prototype.toString where the class declares none.
    if (name === "toString" && node.arguments.length === 0 && !cls.members.has("toString")) return toStringExpr(ctx, obj);
    const m = classMember(ctx, cls, name, callee);
    if (m.kind === "method" && m.type.k === "func") {
      const args = lowerArgs(ctx, node.arguments, m.type, node);
      return callResult(`${paren(obj, Prec.Primary)}.${m.goName}(${args.join(", ")})`, m.type.result);
    }
    if (m.kind === "field" && m.type.k === "func") {
      const args = lowerArgs(ctx, node.arguments, m.type, node);
      return callResult(`${paren(classFields(ctx, obj, cls), Prec.Primary)}.${m.goName}(${args.join(", ")})`, m.type.result);
    }
    return unsupported(callee, "MTS2002", `a call of ${name}`);
  }
  if (t.k === "iface") {
    const info = [...ctx.types.ifaces.values()].find((i) => i.goName === t.name);
    const m = info?.methods.find((x) => x.name === name);
    if (m && m.type.k === "func") {
      const args = lowerArgs(ctx, node.arguments, m.type, node);
      return callResult(`${paren(obj, Prec.Primary)}.${m.goName}(${args.join(", ")})`, m.type.result);
    }
  }
  const info = ctx.types.structOf(t);
  const field = info?.fields.find((f) => f.name === name);
  if (field && field.type.k === "func") {
    const args = lowerArgs(ctx, node.arguments, field.type, node);
    if (field.optional) unsupported(callee, "MTS2017", "calling an optional function property", "Check it first: if (obj.f) obj.f(), or obj.f?.().");
    return callResult(`${paren(obj, Prec.Primary)}.${field.goName}(${args.join(", ")})`, field.type.result);
  }
  if (name === "hasOwnProperty" && node.arguments.length === 1) return objectMethodOnRecord(ctx, obj, name, node);
  return unsupported(callee.name, "MTS2035", `${name}()`, describeGo(t, ctx), "See docs/subset.md for the supported methods.");
}

/** A method called on a union of class values: a generated type switch. */
function unionMethod(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression, callee: ts.PropertyAccessExpression): GoExpr {
  const unionType = ctx.checker.getTypeAtLocation(callee.expression);
  const members = unionType.isUnion() ? unionType.types.filter((m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) : [];
  const sig = ctx.checker.getResolvedSignature(node);
  if (members.length === 0 || !sig) return unsupported(callee, "MTS2035", `${name}()`, ctx.checker.typeToString(unionType), "Narrow the value to one type first.");
  const fnType = ctx.types.signatureType(sig, node);
  if (fnType.k !== "func" || fnType.variadic) return unsupported(callee, "MTS2035", `${name}()`, ctx.checker.typeToString(unionType), "Narrow the value first.");
  const all = members.map((m) => {
    const goType = ctx.types.map(m, node);
    const cls = classOf(ctx, goType);
    const member = cls ? classMember(ctx, cls, name, callee) : undefined;
    if (!member || member.kind !== "method") unsupported(callee, "MTS2035", `${name}()`, ctx.checker.typeToString(unionType), "Narrow the value first.");
    return { goType: ctx.render(goType), goName: member!.goName };
  });
  const cases = all.filter((c, i) => all.findIndex((d) => d.goType === c.goType) === i);
  const args = lowerArgs(ctx, node.arguments, fnType, node);
  const params = fnType.params.map((p, i) => `a${i} ${ctx.render(p)}`);
  const argNames = fnType.params.map((_, i) => `a${i}`).join(", ");
  const result = fnType.result.k === "void" ? "" : ` ${ctx.render(fnType.result)}`;
  const key = `method:${name}:${cases.map((c) => c.goType).join("|")}:${result}`;
  ctx.use("js");
  const fn = ctx.helper(key, `call${name[0]!.toUpperCase()}${name.slice(1)}`, (fnName) => {
    const body = cases.map((c) => `\tcase ${c.goType}:\n\t\t${result ? "return " : ""}v.${c.goName}(${argNames})${result ? "" : "\n\t\treturn"}`).join("\n");
    return `// ${fnName} calls the method ${name} of a value of a union type.\nfunc ${fnName}(value any${params.length ? ", " : ""}${params.join(", ")})${result} {\n\tswitch v := value.(type) {\n${body}\n\t}\n\tpanic(js.NewTypeError("value." + ${JSON.stringify(name)} + " is not a function"))\n}\n`;
  });
  void box;
  void DYN;
  return callResult(`${fn}(${[obj.code, ...args].join(", ")})`, fnType.result ?? VOID);
}
