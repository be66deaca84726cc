import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { FLOAT, INT, STRING, type GoType } from "../../go/types.js";
import type { TransformContext } from "../context.js";
import { globalConstant } from "../builtins/globals.js";
import { sdkEnumMember, sdkProperty } from "../sdk/members.js";
import { lowerExpr } from "./index.js";
import { narrowed } from "./identifier.js";

export function lowerPropertyAccess(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr {
  const name = node.name.text;
  if (ts.isPrivateIdentifier(node.name)) unsupported(node.name, "MTS2017", "#private fields", "Use the 'private' modifier.");
  const enumMember = sdkEnumMember(ctx, node);
  if (enumMember) return enumMember;
  if (ts.isIdentifier(node.expression)) {
    const sym = ctx.symbolOf(node.expression);
    if (sym && ctx.isLibSymbol(sym)) return globalConstant(ctx, node.expression.text, name, node);
  }
  const obj = lowerExpr(ctx, node.expression);
  return memberOf(ctx, obj, name, node);
}

/** The property `name` of an already lowered object. */
export function memberOf(ctx: TransformContext, obj: GoExpr, name: string, node: ts.PropertyAccessExpression | ts.ElementAccessExpression): GoExpr {
  const t = obj.type;
  const o = paren(obj, Prec.Primary);
  switch (t.k) {
    case "string":
      if (name === "length") {
        ctx.use("js");
        return expr(`js.Len(${obj.code})`, INT, Prec.Primary, { pure: obj.pure, call: true });
      }
      break;
    case "array":
      if (name === "length") return expr(`${o}.Len()`, INT, Prec.Primary, { pure: obj.pure, call: true });
      break;
    case "map":
    case "set":
      if (name === "size") return expr(`${o}.Size()`, INT, Prec.Primary, { pure: obj.pure, call: true });
      break;
    case "error":
      if (name === "message") return expr(`${o}.Message`, STRING, Prec.Primary, { pure: obj.pure });
      if (name === "name") return expr(`${o}.Name`, STRING, Prec.Primary, { pure: obj.pure });
      break;
    case "bytes":
      if (name === "length") return expr(`len(${obj.code})`, INT, Prec.Primary, { pure: obj.pure });
      break;
    case "api":
      return sdkProperty(ctx, obj, name, node);
    case "struct":
    case "anon": {
      const member = ctx.membersOf(t)?.get(name);
      if (member) {
        const e = expr(`${o}.${member.goName}`, member.type, Prec.Primary, { pure: obj.pure });
        return member.kind === "field" ? narrowed(ctx, e, node) : e;
      }
      break;
    }
  }
  return unsupported(node, "MTS2035", name, describe(t), "See docs/subset.md for the supported members.");
}

export function describe(t: GoType): string {
  switch (t.k) {
    case "float":
    case "int":
      return "number";
    case "string":
      return "string";
    case "bool":
      return "boolean";
    case "array":
      return "Array";
    case "map":
      return "Map";
    case "set":
      return "Set";
    case "error":
      return "Error";
    case "struct":
      return t.name;
    case "api":
      return t.name;
    default:
      return t.k;
  }
}

export { FLOAT };
