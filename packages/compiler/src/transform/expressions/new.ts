import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr } from "../../go/expr.js";
import { type GoType, ERROR, STRING } from "../../go/types.js";
import { newBuiltin } from "../builtins/globals.js";
import type { TransformContext } from "../context.js";
import { classInstance, registerMembers } from "../declarations/class-members.js";
import { lowerErrorMessage } from "../error-message.js";
import { lowerArgs } from "./call.js";

const ERROR_CONSTRUCTORS = new Set(["Error", "TypeError", "RangeError", "SyntaxError", "URIError", "EvalError", "ReferenceError"]);

/** `new C(args)` → newC(args); built-ins (Map, Set, Error, RegExp...) → their js constructors. */
export function lowerNew(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const sym = ctx.symbolOf(node.expression);
  const args = node.arguments ?? [];
  if (sym && ctx.isLibSymbol(sym)) {
    if (ERROR_CONSTRUCTORS.has(sym.name)) {
      ctx.use("js");
      const msg = args[0] ? lowerErrorMessage(ctx, args[0]).code : '""';
      if (args[1]) unsupported(args[1], "MTS2017", "the options of an Error (cause)", "Keep the cause in a field of an Error subclass.");
      const fn = sym.name === "Error" ? "js.NewError" : `js.New${sym.name}`;
      return expr(`${fn}(${msg})`, ERROR, Prec.Primary, { call: true });
    }
    return newBuiltin(ctx, sym.name, node);
  }
  const decl = sym && ctx.classes.get(sym);
  if (!decl) return unsupported(node, "MTS2002", `new ${node.expression.getText()}`);
  if (decl.abstract) return unsupported(node, "MTS2002", `new of the abstract class ${decl.name}`);
  const instanceType = ctx.checker.getTypeAtLocation(node);
  const typeArgs = decl.generic ? ctx.checker.getTypeArguments(instanceType as ts.TypeReference).map((t) => ctx.types.map(t, node)) : [];
  const inst = classInstance(ctx, decl, typeArgs);
  registerMembers(ctx, inst);
  const params = ctorParams(ctx, inst.decl.node, inst.bindings);
  const values = lowerArgs(ctx, args, params, node);
  return expr(`${inst.ctorName}(${values.join(", ")})`, { k: "struct", name: inst.goName }, Prec.Primary, { call: true });
}

/** The constructor's Go parameter types (the nearest declared constructor up the hierarchy). */
export function ctorParams(ctx: TransformContext, node: ts.ClassDeclaration, bindings: Map<ts.Type, GoType>): { params: GoType[]; variadic?: boolean } {
  for (let c: ts.ClassDeclaration | undefined = node; c; ) {
    const ctor = c.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
    if (ctor) {
      const t = ctx.types.withSubst(bindings, () => ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(ctor)!, ctor));
      return t.k === "func" ? t : { params: [] };
    }
    const baseDecl = [...ctx.classes.values()].find((d) => d.node === c)?.base;
    if (baseDecl) {
      c = baseDecl.node;
      continue;
    }
    const d = [...ctx.classes.values()].find((x) => x.node === c);
    if (d?.errorBase) return { params: [{ k: "opt", inner: STRING, nil: "undefined" }] };
    c = undefined;
  }
  return { params: [] };
}
