import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { printBody } from "../go/printer.js";
import { type GoType, typeKey, typeNameFragment } from "../go/types.js";
import type { TransformContext } from "./context.js";
import { docComment } from "./declarations/types.js";
import { lowerFunction } from "./functions.js";

/** A generic function declared at module level: one Go function per set of type arguments. */
export interface FunctionDecl {
  sym: ts.Symbol;
  node: ts.FunctionDeclaration;
  generic: boolean;
  instances: Map<string, FunctionInstance>;
}

export interface FunctionInstance {
  goName: string;
  type: GoType;
  bindings: Map<ts.Type, GoType>;
}

const MAX_INSTANCE_DEPTH = 8;
let depth = 0;

/** The instance a call of a generic function needs (its type arguments as inferred by TypeScript). */
export function functionInstanceFor(ctx: TransformContext, decl: FunctionDecl, call: ts.CallExpression): FunctionInstance {
  const sig = ctx.checker.getResolvedSignature(call);
  const typeArgs = sig ? ctx.checker.getTypeArgumentsForResolvedSignature(sig) : undefined;
  if (!typeArgs) return unsupported(call, "MTS2009", "a call whose type arguments cannot be inferred");
  const args = typeArgs.map((t) => ctx.types.map(t, call));
  return functionInstance(ctx, decl, args, call);
}

export function functionInstance(ctx: TransformContext, decl: FunctionDecl, args: GoType[], at: ts.Node): FunctionInstance {
  const key = args.map(typeKey).join(",");
  const existing = decl.instances.get(key);
  if (existing) return existing;
  if (depth > MAX_INSTANCE_DEPTH) unsupported(at, "MTS2009", "a generic function instantiated with ever-growing type arguments");
  const bindings = new Map<ts.Type, GoType>();
  (decl.node.typeParameters ?? []).forEach((tp, i) => bindings.set(ctx.checker.getTypeAtLocation(tp.name), args[i]!));
  const goName = ctx.generatedName(`${decl.node.name!.text}${args.map(typeNameFragment).join("")}`);
  const type = ctx.types.withSubst(bindings, () => ctx.types.signatureType(ctx.checker.getSignatureFromDeclaration(decl.node)!, decl.node));
  const inst: FunctionInstance = { goName, type, bindings };
  decl.instances.set(key, inst);
  ctx.pending.push(() => emitInstance(ctx, decl, inst));
  return inst;
}

function emitInstance(ctx: TransformContext, decl: FunctionDecl, inst: FunctionInstance): void {
  const file = ctx.fileOf(decl.node);
  const saved = { file: ctx.file, frame: ctx.frame, receiver: ctx.receiver, cls: ctx.currentClass };
  ctx.file = file;
  ctx.frame = undefined;
  ctx.receiver = undefined;
  ctx.currentClass = undefined;
  depth++;
  try {
    ctx.guard(() => {
      const fn = ctx.types.withSubst(inst.bindings, () => lowerFunction(ctx, decl.node));
      const result = fn.result ? ` ${fn.result}` : "";
      const line = ctx.lineOf(decl.node);
      file.addDecl(
        decl.node.getStart(),
        `//line ${line.file}:${line.line}\n${docComment(decl.node, inst.goName)}func ${inst.goName}(${fn.params})${result} {\n${printBody(fn.body)}\n}\n`,
      );
    }, undefined);
  } finally {
    depth--;
    ctx.file = saved.file;
    ctx.frame = saved.frame;
    ctx.receiver = saved.receiver;
    ctx.currentClass = saved.cls;
  }
}
