import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren } from "../../go/expr.js";
import { FLOAT, INT, STRING, type GoType } from "../../go/types.js";
import { convert, toInt, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

const BYTES: GoType = { k: "bytes" };
export const TEXT_ENCODER: GoType = { k: "struct", name: "js.TextEncoder" };
export const TEXT_DECODER: GoType = { k: "struct", name: "js.TextDecoder" };

function call(code: string, type: GoType): GoExpr {
  return expr(code, type, Prec.Primary, { call: true });
}

/** `new Uint8Array(n)`, `new Uint8Array([1, 2])`, `new Uint8Array(numbers)`, `new Uint8Array(otherBytes)`. */
export function newBytes(ctx: TransformContext, node: ts.NewExpression): GoExpr {
  const args = node.arguments ?? [];
  ctx.use("js");
  if (args.length === 0) return call("[]byte{}", BYTES);
  if (args.length > 1) return unsupported(args[1]!, "MTS2017", "a Uint8Array view over a buffer", "Use subarray() on a Uint8Array.");
  const init = args[0]!;
  if (ts.isArrayLiteralExpression(init) && !init.elements.some(ts.isSpreadElement)) {
    const values = ctx.exprList(init.elements, (e) => convert(ctx, lowerExpr(ctx, e), FLOAT, e));
    if (values.every((v) => v.num !== undefined)) return call(`[]byte{${values.map((v) => ((v.num! % 256) + 256) % 256).join(", ")}}`, BYTES);
    return call(`js.BytesOf(${values.map((v) => typedForInference(v).code).join(", ")})`, BYTES);
  }
  const v = lowerExpr(ctx, init);
  switch (v.type.k) {
    case "float":
    case "int":
      return call(`js.NewBytes(${convert(ctx, v, FLOAT, init).code})`, BYTES);
    case "array":
      if (v.type.elem.k === "float") return call(`js.BytesFromArray(${v.code})`, BYTES);
      break;
    case "bytes":
      return call(`append([]byte{}, ${v.code}...)`, BYTES);
  }
  return unsupported(init, "MTS2017", "new Uint8Array of this value", "Pass a length, an array of numbers or another Uint8Array.");
}

/** Uint8Array methods. */
export function bytesMethod(ctx: TransformContext, b: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const args = ctx.exprList(node.arguments, (a) => lowerExpr(ctx, a));
  ctx.use("js");
  const ints = () => args.map((a) => toInt(ctx, a).code);
  switch (name) {
    case "subarray": {
      const [s, e] = ints();
      return call(`js.Subarray(${b.code}, ${s ?? "0"}, ${e ?? `len(${b.code})`})`, BYTES);
    }
    case "slice": {
      const [s, e] = ints();
      return call(`js.SliceBytes(${b.code}, ${s ?? "0"}, ${e ?? `len(${b.code})`})`, BYTES);
    }
    case "set": {
      const src = args[0]!;
      const offset = args[1] ? toInt(ctx, args[1]).code : "0";
      if (src.type.k === "bytes") return call(`js.SetBytes(${b.code}, ${src.code}, ${offset})`, { k: "void" });
      if (src.type.k === "array") return call(`js.SetBytes(${b.code}, js.BytesFromArray(${src.code}), ${offset})`, { k: "void" });
      break;
    }
    case "fill": {
      const [v, s, e] = args;
      return call(`js.FillBytes(${b.code}, ${convert(ctx, v!, FLOAT, node.arguments[0]!).code}, ${s ? toInt(ctx, s).code : "0"}, ${e ? toInt(ctx, e).code : `len(${b.code})`})`, BYTES);
    }
    case "indexOf":
    case "includes": {
      const v = convert(ctx, args[0]!, FLOAT, node.arguments[0]!);
      const idx = `js.IndexOfByte(${b.code}, ${v.code})`;
      return name === "includes" ? call(`${idx} >= 0`, { k: "bool" }) : call(idx, INT);
    }
    case "join":
      return call(`js.JoinBytes(${b.code}, ${args[0] ? convert(ctx, args[0], STRING, node.arguments[0]!).code : '","'})`, STRING);
    case "toString":
      return call(`js.JoinBytes(${b.code}, ",")`, STRING);
  }
  return unsupported(node.expression, "MTS2035", `${name}()`, "Uint8Array", "subarray, slice, set, fill, indexOf, includes and join are supported.");
}

/** `new TextEncoder()`, `new TextDecoder()` (UTF-8 only; { fatal } supported). */
export function newTextCodec(ctx: TransformContext, name: string, node: ts.NewExpression): GoExpr {
  ctx.use("js");
  if (name === "TextEncoder") return call("js.NewTextEncoder()", TEXT_ENCODER);
  const args = node.arguments ?? [];
  let fatal = "false";
  const opts = args[1];
  if (opts) {
    if (!ts.isObjectLiteralExpression(opts)) return unsupported(opts, "MTS2017", "TextDecoder options that are not an object literal", "Write { fatal: true } inline.");
    for (const p of opts.properties) {
      if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || p.name.text !== "fatal") unsupported(p, "MTS2017", "this TextDecoder option", "Only { fatal } is supported.");
      fatal = convert(ctx, lowerExpr(ctx, (p as ts.PropertyAssignment).initializer), { k: "bool" }, p).code;
    }
  }
  return call(`js.NewTextDecoder(${fatal})`, TEXT_DECODER);
}

/** encode / decode / encoding / fatal. */
export function textCodecMember(ctx: TransformContext, obj: GoExpr, name: string, node: ts.Node, args: readonly ts.Expression[] | undefined): GoExpr {
  const o = paren(obj, Prec.Primary);
  ctx.use("js");
  if (name === "encoding") return expr(`${o}.Encoding()`, STRING, Prec.Primary, { call: true });
  if (name === "fatal" && obj.type.k === "struct" && obj.type.name === "js.TextDecoder") return expr(`${o}.Fatal`, { k: "bool" }, Prec.Primary);
  if (args) {
    const values = ctx.exprList(args, (a) => lowerExpr(ctx, a));
    if (name === "encode") return call(`${o}.Encode(${values[0] ? convert(ctx, values[0], STRING, args[0]!).code : '""'})`, BYTES);
    if (name === "decode") return call(`${o}.Decode(${values[0] ? convert(ctx, values[0], BYTES, args[0]!).code : "nil"})`, STRING);
  }
  return unsupported(node, "MTS2035", name, obj.type.k === "struct" ? obj.type.name.replace("js.", "") : "codec", "encode, decode and encoding are supported.");
}
