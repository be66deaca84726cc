import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { type GoType, VOID } from "../../go/types.js";
import { arrayMethod } from "../builtins/array.js";
import { globalCall, globalFunction } from "../builtins/globals.js";
import { mapMethod, setMethod } from "../builtins/map-set.js";
import { numberMethod } from "../builtins/number.js";
import { stringMethod } from "../builtins/string.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { sdkCall, sdkMethod } from "../sdk/members.js";
import { lowerExpr } from "./index.js";
import { describe } from "./property-access.js";

/** Lowers call arguments converted to the callee's Go parameter types; absent optionals are nil. */
export function lowerArgs(ctx: TransformContext, args: readonly ts.Expression[], params: GoType[], node: ts.Node): string[] {
  if (args.some(ts.isSpreadElement)) unsupported(args.find(ts.isSpreadElement)!, "MTS2011");
  const values = ctx.exprList(args, (a, i) => {
    const target = params[i];
    const v = lowerExpr(ctx, a);
    return target ? convert(ctx, v, target, a) : v;
  });
  const out = values.map((v) => v.code);
  for (let i = args.length; i < params.length; i++) out.push("nil");
  void node;
  return out;
}

function callResult(code: string, result: GoType): GoExpr {
  return expr(code, result, Prec.Primary, { call: true });
}

export function lowerCall(ctx: TransformContext, node: ts.CallExpression): GoExpr {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) unsupported(callee, "MTS2007");
  if (callee.kind === ts.SyntaxKind.ImportKeyword) unsupported(callee, "MTS2013", "import()");
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    if (ts.isIdentifier(callee.expression)) {
      const sym = ctx.symbolOf(callee.expression);
      if (sym && ctx.isLibSymbol(sym) && !ctx.vars.has(sym)) return globalCall(ctx, callee.expression.text, name, node);
    }
    const sdk = sdkCall(ctx, node, callee);
    if (sdk) return sdk;
    const obj = lowerExpr(ctx, callee.expression);
    switch (obj.type.k) {
      case "string":
        return stringMethod(ctx, obj, name, node);
      case "array":
        return arrayMethod(ctx, obj, name, node);
      case "map":
        return mapMethod(ctx, obj, name, node);
      case "set":
        return setMethod(ctx, obj, name, node);
      case "float":
      case "int":
        return numberMethod(ctx, obj, name, node);
      case "api":
        return sdkMethod(ctx, obj, name, node);
      case "error":
        if (name === "toString" && node.arguments.length === 0) return callResult(`${paren(obj, Prec.Primary)}.String()`, { k: "string" });
        break;
      case "struct":
      case "anon": {
        const member = ctx.membersOf(obj.type)?.get(name);
        if (member && member.type.k === "func") {
          const args = lowerArgs(ctx, node.arguments, member.type.params, node);
          return callResult(`${paren(obj, Prec.Primary)}.${member.goName}(${args.join(", ")})`, member.type.result);
        }
        break;
      }
      case "iface":
        return interfaceCall(ctx, obj, name, node);
    }
    return unsupported(callee.name, "MTS2035", `${name}()`, describe(obj.type), "See docs/subset.md for the supported methods.");
  }
  if (ts.isIdentifier(callee)) {
    const sym = ctx.symbolOf(callee);
    if (sym && ctx.isLibSymbol(sym) && !ctx.vars.has(sym)) return globalFunction(ctx, callee.text, node);
    if (sym && ctx.isSdkSymbol(sym)) unsupported(node, "MTS3002", node.getSourceFile().fileName);
  }
  const fn = lowerExpr(ctx, callee);
  if (fn.type.k !== "func") return unsupported(callee, "MTS2002", "call of a non-function");
  const args = lowerArgs(ctx, node.arguments, fn.type.params, node);
  return callResult(`${paren(fn, Prec.Primary)}(${args.join(", ")})`, fn.type.result);
}

function interfaceCall(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const sig = ctx.checker.getResolvedSignature(node);
  if (!sig) return unsupported(node, "MTS2002", "call");
  const fnType = ctx.types.signatureType(sig, node);
  if (fnType.k !== "func") return unsupported(node, "MTS2002", "call");
  const args = lowerArgs(ctx, node.arguments, fnType.params, node);
  const goName = name[0]!.toUpperCase() + name.slice(1);
  return callResult(`${paren(obj, Prec.Primary)}.${goName}(${args.join(", ")})`, fnType.result ?? VOID);
}
