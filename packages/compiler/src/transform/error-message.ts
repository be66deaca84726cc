import type { ts } from "ts-morph";
import { type GoExpr, Prec, expr } from "../go/expr.js";
import { STRING } from "../go/types.js";
import { convert } from "./coerce.js";
import type { TransformContext } from "./context.js";
import { lowerExpr } from "./expressions/index.js";

/**
 * The message argument of `new Error(m)` or of `super(m)` in an Error subclass. An
 * undefined message is the empty string (`new Error(undefined).message === ""`), so an
 * optional string reads as its value or "" rather than being dereferenced.
 */
export function lowerErrorMessage(ctx: TransformContext, arg: ts.Expression): GoExpr {
  const v = lowerExpr(ctx, arg);
  if (v.type.k === "nil") return expr('""', STRING);
  if (v.type.k === "opt" && v.type.nil === "undefined" && v.type.inner.k === "string") return expr(`js.Deref(${v.code})`, STRING, Prec.Primary, { call: true });
  return convert(ctx, v, STRING, arg);
}
