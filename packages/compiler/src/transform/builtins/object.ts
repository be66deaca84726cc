import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, STRING, type GoType, structLiteralType, tupleElem } from "../../go/types.js";
import { box, convert, describeGo } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { toStringExpr } from "../strings.js";
import { enumNamed, enumObjectCall } from "./enum-object.js";

function call(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}

/** Object.keys / values / entries / assign / fromEntries / hasOwn / is. */
export function objectCall(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  const argNodes = node.arguments;
  ctx.use("js");
  const result = () => ctx.types.typeAt(node);
  const enumArg = argNodes[0] && (name === "keys" || name === "values" || name === "entries") ? enumNamed(ctx, argNodes[0]) : undefined;
  if (enumArg) return enumObjectCall(ctx, enumArg, name, node);
  switch (name) {
    case "keys": {
      const v = lowerExpr(ctx, argNodes[0]!);
      return call(`js.ObjectKeys(${box(ctx, v).code})`, { k: "array", elem: STRING });
    }
    case "values": {
      const v = lowerExpr(ctx, argNodes[0]!);
      const r = result();
      // An object (an `as const` literal, a spread of a Record with more properties): its own properties, read reflectively.
      if (v.type.k === "struct" && r.k === "array") return call(`js.ObjectValues[${ctx.render(r.elem)}](${box(ctx, v).code})`, r);
      if (v.type.k !== "record" || r.k !== "array") return unsupported(argNodes[0]!, "MTS2017", `Object.values of ${describeGo(v.type, ctx)}`, "Object.values works on Records and objects; read a class instance's properties by name.");
      return call(`${paren(v, Prec.Primary)}.ValuesArray()`, r);
    }
    case "entries": {
      const v = lowerExpr(ctx, argNodes[0]!);
      const r = result();
      if (v.type.k === "struct" && r.k === "array" && r.elem.k === "tuple") return call(`js.ObjectEntries[${ctx.render(tupleElem(r.elem))}](${box(ctx, v).code})`, r);
      if (v.type.k !== "record" || r.k !== "array" || r.elem.k !== "tuple") return unsupported(argNodes[0]!, "MTS2017", `Object.entries of ${describeGo(v.type, ctx)}`, "Object.entries works on Records and objects; read a class instance's properties by name.");
      return call(`js.RecordEntries[${ctx.render(tupleElem(r.elem))}](${v.code})`, r);
    }
    case "fromEntries": {
      const v = lowerExpr(ctx, argNodes[0]!);
      const r = result();
      if (r.k !== "record") return unsupported(node, "MTS2017", "Object.fromEntries into this type", "The result must be a Record<string, V>.");
      if (v.type.k === "map") return call(`js.RecordFromMap[${ctx.render(r.value)}](${v.code}.All())`, r);
      if (v.type.k !== "array" || v.type.elem.k !== "tuple") return unsupported(argNodes[0]!, "MTS2017", `Object.fromEntries of ${describeGo(v.type, ctx)}`, "Pass an array of [key, value] tuples or a Map.");
      return call(`js.RecordFromEntries[${ctx.render(r.value)}](${v.code})`, r);
    }
    case "assign": {
      const parts = ctx.exprList(argNodes, (a, i) => {
        // Object.assign({}, a, b): the fresh target is built as the result's type.
        if (i === 0 && ts.isObjectLiteralExpression(a) && a.properties.length === 0) {
          const result = ctx.types.typeAt(node);
          if (result.k === "record") return expr(`js.NewRecord[${ctx.render(result.value)}]()`, result, Prec.Primary, { call: true });
          if (result.k === "struct") return expr(`&${structLiteralType(result, ctx.file.use)}{}`, result, Prec.Unary);
        }
        return lowerExpr(ctx, a);
      });
      const target = parts[0]!;
      if (target.type.k !== "struct" && target.type.k !== "record") return unsupported(argNodes[0]!, "MTS2017", `Object.assign into ${describeGo(target.type, ctx)}`, "Assign into an object of an interface type or a Record.");
      const info = ctx.types.structOf(target.type);
      if (info) info.needsKeys = true;
      for (let i = 1; i < parts.length; i++) {
        const src = parts[i]!;
        if (src.type.k !== "struct" && src.type.k !== "record" && src.type.k !== "opt") unsupported(argNodes[i]!, "MTS2017", `Object.assign from ${describeGo(src.type, ctx)}`, "Sources must be objects or Records.");
      }
      const t = target.pure ? target : ctx.saveInTemp(target, "target");
      // On the call's line: the copy may throw there (an undefined into a required number, string or boolean).
      ctx.addPreceding({ kind: "simple", code: `js.Assign(${[t.code, ...parts.slice(1).map((p) => p.code)].join(", ")})`, line: ctx.lineOf(node) });
      return t;
    }
    case "hasOwn": {
      const [o, k] = ctx.exprList(argNodes, (a) => lowerExpr(ctx, a));
      return call(`js.HasOwn(${box(ctx, o!).code}, ${toStringExpr(ctx, k!).code})`, BOOL);
    }
    case "is": {
      const [a, b] = ctx.exprList(argNodes, (x) => lowerExpr(ctx, x));
      return call(`js.SameValue(${box(ctx, a!).code}, ${box(ctx, b!).code})`, BOOL);
    }
  }
  return unsupported(node.expression, "MTS2018", `Object.${name}`);
}

/** Methods every object has: hasOwnProperty, toString. */
export function objectMethodOnRecord(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  ctx.use("js");
  switch (name) {
    case "hasOwnProperty": {
      const [k] = ctx.exprList(node.arguments, (a) => toStringExpr(ctx, lowerExpr(ctx, a)));
      if (obj.type.k === "record") return call(`${paren(obj, Prec.Primary)}.Has(${k!.code})`, BOOL);
      return call(`js.HasOwn(${box(ctx, obj).code}, ${k!.code})`, BOOL);
    }
    case "toString":
      if (node.arguments.length === 0) return expr(stringLiteral("[object Object]"), STRING, Prec.Primary, { pure: true, str: "[object Object]" });
      break;
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, describeGo(obj.type, ctx), "Read and write Record entries with [key]; see docs/subset.md.");
}

/** The rest of an object in destructuring (`const { a, ...rest } = obj`): a copy without the named keys. */
export function restOfObject(ctx: TransformContext, obj: GoExpr, used: string[], at: ts.Node): GoExpr {
  const target = ctx.types.map(ctx.checker.getTypeAtLocation(ts.isBindingElement(at) ? at.name : at), at);
  if (target.k !== "struct" && target.k !== "record") return unsupported(at, "MTS2010");
  const info = ctx.types.structOf(target);
  if (info) info.needsKeys = true;
  ctx.use("js");
  void convert;
  return call(`js.Rest[${ctx.render(target)}](${box(ctx, obj).code}${used.map((u) => `, ${stringLiteral(u)}`).join("")})`, target);
}
