import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { type GoStmt, isTerminating, simple } from "../go/ir.js";
import { printBody } from "../go/printer.js";
import { type GoType, isNilable, optionalOf } from "../go/types.js";
import { convert, truthy, typedForInference } from "./coerce.js";
import type { TransformContext } from "./context.js";
import { lowerExpr } from "./expressions/index.js";
import type { FunctionFrame } from "./scope.js";
import { lowerBlockBody } from "./statements/index.js";

export interface FunctionOptions {
  /** Go types forced for the parameters (filter hooks, callbacks), by position. */
  paramTypes?: GoType[];
  /** Pad the Go parameter list to this many (unused `_` parameters). */
  paramCount?: number;
  /** Forced Go result type. */
  result?: GoType;
  /** The result is a truthiness test (filter/some/every/find callbacks). */
  boolResult?: boolean;
  hook?: boolean;
  /** Name of `this` inside (methods). */
  receiver?: string;
  /** Constructors: the object a `return` gives back. */
  ctorReturn?: string;
  /** Statements run first (after parameter defaults), lowered in the function's frame. */
  prologue?: () => GoStmt[];
}

export interface LoweredFunction {
  params: string;
  result: string;
  resultType: GoType;
  paramTypes: GoType[];
  body: GoStmt[];
}

type FunctionNode = ts.FunctionLikeDeclaration;

function collectNames(node: ts.Node, into: Set<string>): void {
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) into.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** The Go result type of a function from its TypeScript signature. */
export function resultTypeOf(ctx: TransformContext, node: FunctionNode): GoType {
  const sig = ctx.checker.getSignatureFromDeclaration(node);
  if (!sig) return { k: "void" };
  return ctx.types.map(sig.getReturnType(), node.type ?? node);
}

/** Lowers parameters and body of a function-like declaration in a fresh frame. */
export function lowerFunction(ctx: TransformContext, node: FunctionNode, opts: FunctionOptions = {}): LoweredFunction {
  if (node.asteriskToken) unsupported(node, "MTS2013", "function*");
  if (node.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) unsupported(node, "MTS2013", "async");
  if (node.typeParameters?.length) unsupported(node.typeParameters[0]!, "MTS2009");
  const names = new Set<string>(ctx.frame?.names ?? []);
  collectNames(node, names);
  if (opts.receiver) names.add(opts.receiver);
  const resultType = opts.result ?? resultTypeOf(ctx, node);
  const frame: FunctionFrame = { result: resultType, hook: opts.hook ?? false, names, breakables: [] };
  if (opts.ctorReturn) frame.ctorReturn = opts.ctorReturn;
  const savedFrame = ctx.frame;
  const savedReceiver = ctx.receiver;
  ctx.frame = frame;
  if (opts.receiver !== undefined) ctx.receiver = opts.receiver;
  try {
    const params: string[] = [];
    const paramTypes: GoType[] = [];
    const prologue: GoStmt[] = [];
    node.parameters.forEach((p, i) => {
      if (!ts.isIdentifier(p.name)) unsupported(p.name, "MTS2010");
      if (p.dotDotDotToken) unsupported(p, "MTS2027");
      if (ts.isIdentifier(p.name) && p.name.text === "this") unsupported(p, "MTS2033");
      let t = opts.paramTypes?.[i] ?? ctx.types.map(ctx.checker.getTypeAtLocation(p), p);
      if ((p.questionToken || p.initializer) && !opts.paramTypes) t = optionalOf(t);
      const sym = ctx.symbolOf(p.name)!;
      const goName = ctx.localName(p.name.text);
      const v = ctx.declareVar(sym, goName, t);
      params.push(`${goName} ${ctx.render(t)}`);
      paramTypes.push(t);
      if (p.initializer) {
        const [pre, init] = ctx.capture(() => lowerExpr(ctx, p.initializer!));
        const value = convert(ctx, typedForInference(init), t, p.initializer);
        prologue.push({ kind: "if", cond: `${goName} == nil`, then: [...pre, simple(`${goName} = ${value.code}`)], line: ctx.lineOf(p) });
        v.reads++;
      }
    });
    for (let i = node.parameters.length; i < (opts.paramCount ?? 0); i++) {
      const t = opts.paramTypes![i]!;
      params.push(`_ ${ctx.render(t)}`);
      paramTypes.push(t);
    }
    if (opts.prologue) prologue.push(...opts.prologue());
    let body: GoStmt[];
    const fnBody = node.body;
    if (!fnBody) body = [];
    else if (ts.isBlock(fnBody)) body = lowerBlockBody(ctx, fnBody.statements);
    else {
      const [pre, value] = ctx.capture(() => lowerExpr(ctx, fnBody));
      if (resultType.k === "void") {
        body = [...pre, ...(value.call ? [simple(value.code, ctx.lineOf(fnBody))] : value.pure ? [] : [simple(`_ = ${value.code}`)])];
      } else {
        const v = opts.boolResult ? truthy(ctx, value) : convert(ctx, value, resultType, fnBody);
        body = [...pre, simple(`return ${v.code}`, ctx.lineOf(fnBody))];
      }
    }
    body = [...prologue, ...body];
    if (!isTerminating(body)) {
      if (opts.hook) {
        ctx.use("api");
        body.push(simple("return api.Continue"));
      } else if (resultType.k !== "void") {
        body.push(simple(isNilable(resultType) || resultType.k === "opt" ? "return nil" : 'panic("unreachable")'));
      }
    }
    const result = resultType.k === "void" ? "" : ctx.render(resultType);
    return { params: params.join(", "), result, resultType, paramTypes, body };
  } finally {
    ctx.frame = savedFrame;
    ctx.receiver = savedReceiver;
  }
}

/** `func(params) result {\n body \n}` as an expression. */
export function funcLiteral(fn: LoweredFunction): string {
  return `func(${fn.params})${fn.result ? ` ${fn.result}` : ""} {\n${printBody(fn.body)}\n}`;
}
