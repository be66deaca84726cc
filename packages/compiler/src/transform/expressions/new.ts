import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { ERROR, STRING } from "../../go/types.js";
import { newBuiltin } from "../builtins/globals.js";
import { convert } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerArgs } from "./call.js";
import { lowerExpr } from "./index.js";

/** `new C(args)` → newC(args); built-ins (Map, Set, Error) → their js constructors. */
export function lowerNew(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const sym = ctx.symbolOf(node.expression);
  const args = node.arguments ?? [];
  if (sym && ctx.isLibSymbol(sym)) {
    if (["Error", "TypeError", "RangeError", "SyntaxError"].includes(sym.name)) {
      ctx.use("js");
      const msg = args[0] ? convert(ctx, lowerExpr(ctx, args[0]), STRING, args[0]).code : '""';
      return expr(`js.New${sym.name}(${msg})`, ERROR, Prec.Primary, { call: true });
    }
    return newBuiltin(ctx, sym.name, node);
  }
  const info = sym && ctx.classes.get(sym);
  if (!info) return unsupported(node, "MTS2002", `new ${node.expression.getText()}`);
  const ctor = ctx.members.get(info.goName)?.get("constructor");
  const params = ctor && ctor.type.k === "func" ? ctor.type.params : [];
  const values = lowerArgs(ctx, args, params, node);
  return expr(`${info.ctorName}(${values.join(", ")})`, { k: "struct", name: info.goName }, Prec.Primary, { call: true });
}
