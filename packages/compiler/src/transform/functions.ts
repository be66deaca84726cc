import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { Prec, expr } from "../go/expr.js";
import { type GoStmt, isTerminating, simple } from "../go/ir.js";
import { goIdent, unexported } from "../go/names.js";
import { printBody } from "../go/printer.js";
import { type GoType, VOID, isNilable, isPrimitive, optionalOf, renderType, variadicElem } from "../go/types.js";
import type { ClassInstance } from "../model/classes.js";
import { convert, truthy, typedForInference } from "./coerce.js";
import type { TransformContext } from "./context.js";
import { lowerExpr } from "./expressions/index.js";
import type { FunctionFrame } from "./scope.js";
import { bindPattern } from "./statements/destructuring.js";
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
  /** A filter hook: a bare `return` means `return api.Continue`. */
  hook?: boolean;
  /** Name of `this` inside (methods), and its class. */
  receiver?: string;
  cls?: ClassInstance;
  /** Static methods: the class `this` names. */
  staticClass?: ClassInstance;
  /** Constructors: the object a `return` gives back. */
  ctorReturn?: string;
  /** Statements run first (after parameter defaults), lowered in the function's frame. */
  prologue?: () => GoStmt[];
  /** Replaces the lowering of the body statements (constructors: super() handling). */
  body?: (statements: readonly ts.Statement[]) => GoStmt[];
}

export interface LoweredFunction {
  params: string;
  result: string;
  resultType: GoType;
  paramTypes: GoType[];
  variadic: boolean;
  body: GoStmt[];
}

type FunctionNode = ts.FunctionLikeDeclaration;

function collectNames(node: ts.Node, into: Set<string>): void {
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) into.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
}

export function isAsync(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** The Go result type of a function from its TypeScript signature (Promise<T> of an async function: T). */
export function resultTypeOf(ctx: TransformContext, node: FunctionNode): GoType {
  const sig = ctx.checker.getSignatureFromDeclaration(node);
  if (!sig) return VOID;
  const t = ctx.types.returnType(sig.getReturnType(), node.type ?? node);
  return t.k === "promise" ? t.inner : t;
}

/** A Go parameter name for a destructured parameter: from its type, else argN. */
function patternParamName(ctx: TransformContext, p: ts.ParameterDeclaration, i: number): string {
  const t = ctx.checker.getTypeAtLocation(p);
  const name = t.aliasSymbol?.name ?? t.getSymbol()?.name;
  const base = name && /^[A-Za-z_]\w*$/.test(name) && !name.startsWith("__") ? unexported(name) : `arg${i}`;
  return ctx.temp(base);
}

/** Lowers parameters and body of a function-like declaration in a fresh frame. */
export function lowerFunction(ctx: TransformContext, node: FunctionNode, opts: FunctionOptions = {}): LoweredFunction {
  if (node.asteriskToken) unsupported(node, "MTS2013", "function*");
  const names = new Set<string>(ctx.frame?.names ?? []);
  collectNames(node, names);
  for (const id of ctx.programIdentifiers) void id;
  if (opts.receiver) names.add(opts.receiver);
  const resultType = opts.result ?? resultTypeOf(ctx, node);
  const frame: FunctionFrame = { result: resultType, hook: opts.hook ?? false, names, breakables: [] };
  if (isAsync(node)) frame.async = true;
  if (opts.ctorReturn) frame.ctorReturn = opts.ctorReturn;
  const savedFrame = ctx.frame;
  const savedReceiver = ctx.receiver;
  const savedClass = ctx.currentClass;
  const savedStatic = ctx.staticClass;
  ctx.frame = frame;
  if (opts.receiver !== undefined) {
    ctx.receiver = opts.receiver;
    ctx.currentClass = opts.cls;
  }
  if (opts.staticClass) {
    ctx.staticClass = opts.staticClass;
    ctx.receiver = undefined;
    ctx.currentClass = undefined;
  }
  try {
    const params: string[] = [];
    const paramTypes: GoType[] = [];
    const prologue: GoStmt[] = [];
    let variadic = false;
    node.parameters.forEach((p, i) => {
      if (ts.isIdentifier(p.name) && p.name.text === "this") unsupported(p, "MTS2033");
      let t = opts.paramTypes?.[i] ?? ctx.types.map(ctx.checker.getTypeAtLocation(p), p);
      const isRest = p.dotDotDotToken !== undefined;
      if ((p.questionToken || p.initializer) && !opts.paramTypes) t = optionalOf(t);
      if (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier && !opts.receiver) unsupported(p, "MTS2026");
      if (isRest) {
        if (opts.paramTypes) unsupported(p, "MTS2027");
        variadic = true;
        const elem = variadicElem(t);
        const base = ts.isIdentifier(p.name) ? p.name.text : "rest";
        const goParam = ctx.temp(`${base}Args`);
        params.push(`${goParam} ...${ctx.render(elem)}`);
        paramTypes.push(t);
        ctx.use("js");
        const arr = expr(`js.ArrayCopy(${goParam})`, t, Prec.Primary, { call: true });
        if (ts.isIdentifier(p.name)) {
          const goName = ctx.localName(p.name.text);
          const v = ctx.declareVar(ctx.symbolOf(p.name)!, goName, t);
          v.reads++;
          prologue.push(simple(`${goName} := ${arr.code}`, ctx.lineOf(p)));
        } else {
          prologue.push(...bindPattern(ctx, p.name, arr, "declare"));
        }
        return;
      }
      if (!ts.isIdentifier(p.name)) {
        const goName = patternParamName(ctx, p, i);
        params.push(`${goName} ${ctx.render(t)}`);
        paramTypes.push(t);
        let value = expr(goName, t, Prec.Primary, { pure: true });
        if (p.initializer) {
          const [pre, init] = ctx.capture(() => lowerExpr(ctx, p.initializer!));
          const dv = convert(ctx, typedForInference(init), t, p.initializer);
          prologue.push({ kind: "if", cond: `${goName} == nil`, then: [...pre, simple(`${goName} = ${dv.code}`)], line: ctx.lineOf(p) });
          value = expr(goName, t.k === "opt" ? t.inner : t, Prec.Primary, { pure: true });
        }
        prologue.push(...bindPattern(ctx, p.name, value, "declare"));
        return;
      }
      // A parameter property names two symbols: the parameter (what the body reads) and the field.
      const sym = ts.isParameterPropertyDeclaration(p, p.parent) ? ctx.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text)[0]! : ctx.symbolOf(p.name)!;
      if (p.initializer && t.k === "opt" && isPrimitive(t.inner)) {
        // A defaulted primitive: the Go parameter is *T, the body sees a plain T.
        const goParam = ctx.temp(`${p.name.text}Arg`);
        const goName = ctx.localName(p.name.text);
        const v = ctx.declareVar(sym, goName, t.inner);
        v.reads++;
        params.push(`${goParam} ${ctx.render(t)}`);
        paramTypes.push(t);
        const [pre, init] = ctx.capture(() => lowerExpr(ctx, p.initializer!));
        const dv = convert(ctx, typedForInference(init), t.inner, p.initializer);
        if (pre.length === 0 && dv.pure) {
          prologue.push(simple(`${goName} := ${typedForInference(dv).code}`, ctx.lineOf(p)));
          prologue.push({ kind: "if", cond: `${goParam} != nil`, then: [simple(`${goName} = *${goParam}`)] });
        } else {
          prologue.push(simple(`var ${goName} ${ctx.render(t.inner)}`, ctx.lineOf(p)));
          prologue.push({ kind: "if", cond: `${goParam} != nil`, then: [simple(`${goName} = *${goParam}`)], else: [...pre, simple(`${goName} = ${dv.code}`)] });
        }
        return;
      }
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
    else if (ts.isBlock(fnBody)) body = opts.body ? opts.body(fnBody.statements) : lowerBlockBody(ctx, fnBody.statements);
    else {
      const [pre, value] = ctx.capture(() => lowerExpr(ctx, fnBody));
      if (resultType.k === "void") {
        body = [...pre, ...(value.call ? [simple(value.statement ?? value.code, ctx.lineOf(fnBody))] : value.pure ? [] : [simple(`_ = ${value.code}`)])];
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
    return { params: params.join(", "), result, resultType, paramTypes, variadic, body };
  } finally {
    ctx.frame = savedFrame;
    ctx.receiver = savedReceiver;
    ctx.currentClass = savedClass;
    ctx.staticClass = savedStatic;
  }
}

/** The Go func type of a lowered function. */
export function funcType(fn: LoweredFunction): GoType {
  const t: GoType = { k: "func", params: fn.paramTypes, result: fn.resultType };
  if (fn.variadic) t.variadic = true;
  return t;
}

/** `func(params) result {\n body \n}` as an expression. */
export function funcLiteral(fn: LoweredFunction): string {
  return `func(${fn.params})${fn.result ? ` ${fn.result}` : ""} {\n${printBody(fn.body)}\n}`;
}

export { goIdent, renderType };
