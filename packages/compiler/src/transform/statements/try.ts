import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoStmt, type SourceLine, simple } from "../../go/ir.js";
import { printBody } from "../../go/printer.js";
import { DYN } from "../../go/types.js";
import type { TransformContext } from "../context.js";
import type { Breakable, TryControl } from "../scope.js";
import { lowerBlockBody } from "./index.js";
import { goLabel } from "./jumps.js";

type Exit = { kind: "return"; value?: string } | { kind: "break" | "continue"; target: Breakable };

/**
 * Leaves a try block's closure: records why in the exit flag and returns from the
 * closure; code after js.Try performs the jump (return, break, continue).
 */
export function exitTry(ctx: TransformContext, control: TryControl, exit: Exit, line: SourceLine): GoStmt[] {
  const out: GoStmt[] = [];
  if (control.inFinally) control.finallyLeaves = true;
  let code: number;
  if (exit.kind === "return") {
    code = 1;
    if (exit.value !== undefined) out.push(simple(`${control.resultVar} = ${exit.value}`, line));
    control.exits.set(1, "return");
  } else {
    const key = `${exit.kind}:${control.outer.indexOf(exit.target)}`;
    const existing = [...control.exits.entries()].find(([, v]) => v === key);
    code = existing ? existing[0] : control.exits.size + 2;
    control.exits.set(code, key);
  }
  out.push(simple(`${control.flag} = ${code}`, line), simple("return"));
  return out;
}

/** The statements after js.Try that carry out the recorded exits. */
function afterTry(ctx: TransformContext, control: TryControl): GoStmt[] {
  const out: GoStmt[] = [];
  const frame = ctx.frame!;
  for (const [code, what] of control.exits) {
    let then: GoStmt[];
    if (what === "return") {
      const value = control.resultVar;
      if (control.parent) {
        then = exitTry(ctx, control.parent, value ? { kind: "return", value } : { kind: "return" }, { file: "", line: 0 });
        then = then.map((s) => (s.kind === "simple" ? simple(s.code) : s));
      } else {
        then = [simple(value ? `return ${value}` : frame.hook ? "return api.Continue" : "return")];
        if (frame.hook && !value) ctx.use("api");
      }
    } else {
      const [kind, index] = what.split(":") as ["break" | "continue", string];
      const target = control.outer[Number(index)]!;
      if (frame.breakables.includes(target)) {
        const innermost = [...frame.breakables].reverse().find((b) => kind === "break" || b.kind === "loop");
        const direct = target === innermost && (kind === "continue" || frame.breakables[frame.breakables.length - 1] === target);
        then = [simple(direct ? kind : `${kind} ${goLabel(ctx, target)}`)];
      } else if (control.parent) {
        then = exitTry(ctx, control.parent, { kind, target }, { file: "", line: 0 }).map((s) => (s.kind === "simple" ? simple(s.code) : s));
      } else {
        throw new Error("jump target not found");
      }
    }
    out.push({ kind: "if", cond: `${control.flag} == ${code}`, then });
  }
  return out;
}

/**
 * try/catch/finally → js.Try(body, catch, finally): Go's panic/recover carries the
 * exception; `finally` runs from a defer, so it also runs when the exception propagates.
 */
export function lowerTry(ctx: TransformContext, node: ts.TryStatement): GoStmt[] {
  const frame = ctx.frame;
  if (!frame) return unsupported(node, "MTS2001", "try at module level in a plugin");
  const resultType = frame.hook ? { k: "api" as const, name: "Status" } : frame.result;
  const control: TryControl = {
    flag: ctx.temp("exit"),
    exits: new Map(),
    outer: [...frame.breakables, ...(frame.tryControl?.outer ?? [])],
  };
  if (frame.tryControl) control.parent = frame.tryControl;
  if (resultType.k !== "void") control.resultVar = ctx.temp("result");
  const savedBreakables = frame.breakables;
  const savedControl = frame.tryControl;
  const inClosure = <T>(fn: () => T): T => {
    frame.breakables = [];
    frame.tryControl = control;
    try {
      return fn();
    } finally {
      frame.breakables = savedBreakables;
      frame.tryControl = savedControl;
    }
  };
  const body = inClosure(() => lowerBlockBody(ctx, node.tryBlock.statements));
  let catchCode = "nil";
  if (node.catchClause) {
    const clause = node.catchClause;
    let param = "_ any";
    if (clause.variableDeclaration) {
      const name = clause.variableDeclaration.name;
      if (!ts.isIdentifier(name)) unsupported(name, "MTS2010");
      const goName = ctx.localName((name as ts.Identifier).text);
      ctx.declareVar(ctx.symbolOf(name)!, goName, DYN);
      param = `${goName} any`;
    }
    const catchBody = inClosure(() => lowerBlockBody(ctx, clause.block.statements));
    catchCode = `func(${param}) {\n${printBody(catchBody)}\n}`;
  }
  let finallyCode = "nil";
  if (node.finallyBlock) {
    control.inFinally = true;
    const finallyBody = inClosure(() => lowerBlockBody(ctx, node.finallyBlock!.statements));
    control.inFinally = false;
    finallyCode = `func() {\n${printBody(finallyBody)}\n}`;
  }
  ctx.use("js");
  const out: GoStmt[] = [];
  const needsFlag = control.exits.size > 0;
  if (needsFlag) {
    out.push(simple(`${control.flag} := 0`));
    if (control.exits.has(1) && control.resultVar) out.push(simple(`var ${control.resultVar} ${ctx.render(resultType)}`));
  }
  // A finally that leaves the statement discards a pending exception, as in JavaScript.
  const call = control.finallyLeaves ? `js.TryFinallyLeaves(&${control.flag}, ` : "js.Try(";
  out.push(simple(`${call}func() {\n${printBody(body)}\n}, ${catchCode}, ${finallyCode})`, ctx.lineOf(node)));
  out.push(...afterTry(ctx, control));
  return out;
}
