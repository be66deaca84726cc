import { ts } from "ts-morph";
import { snippet, unsupported } from "../../diagnostics/factory.js";
import { lowering } from "../../diagnostics/internal-error.js";
import type { GoStmt } from "../../go/ir.js";
import type { TransformContext } from "../context.js";
import { lowerBlock } from "./block.js";
import { lowerBreakOrContinue } from "./break-continue.js";
import { lowerExpressionStatement } from "./expression-statement.js";
import { hoistFunctions, lowerLocalFunction } from "./function-declaration.js";
import { lowerIf } from "./if.js";
import { lowerDoWhile, lowerFor, lowerForIn, lowerForOf, lowerWhile } from "./loops.js";
import { lowerLabeled } from "./labeled.js";
import { lowerReturn } from "./return.js";
import { lowerSwitch } from "./switch.js";
import { lowerThrow } from "./throw.js";
import { lowerTry } from "./try.js";
import { lowerLocalTypeDeclaration } from "./type-declaration.js";
import { lowerVariableStatement } from "./variable.js";

type Visitor = (ctx: TransformContext, node: never) => GoStmt[];

/** One visitor per statement SyntaxKind. */
const visitors: Partial<Record<ts.SyntaxKind, Visitor>> = {
  [ts.SyntaxKind.VariableStatement]: lowerVariableStatement,
  [ts.SyntaxKind.ExpressionStatement]: lowerExpressionStatement,
  [ts.SyntaxKind.IfStatement]: lowerIf,
  [ts.SyntaxKind.Block]: lowerBlock,
  [ts.SyntaxKind.ForStatement]: lowerFor,
  [ts.SyntaxKind.ForOfStatement]: lowerForOf,
  [ts.SyntaxKind.ForInStatement]: lowerForIn,
  [ts.SyntaxKind.WhileStatement]: lowerWhile,
  [ts.SyntaxKind.DoStatement]: lowerDoWhile,
  [ts.SyntaxKind.BreakStatement]: lowerBreakOrContinue,
  [ts.SyntaxKind.ContinueStatement]: lowerBreakOrContinue,
  [ts.SyntaxKind.ReturnStatement]: lowerReturn,
  [ts.SyntaxKind.ThrowStatement]: lowerThrow,
  [ts.SyntaxKind.TryStatement]: lowerTry,
  [ts.SyntaxKind.SwitchStatement]: lowerSwitch,
  [ts.SyntaxKind.LabeledStatement]: lowerLabeled,
  [ts.SyntaxKind.FunctionDeclaration]: lowerLocalFunction,
  [ts.SyntaxKind.InterfaceDeclaration]: lowerLocalTypeDeclaration,
  [ts.SyntaxKind.TypeAliasDeclaration]: lowerLocalTypeDeclaration,
  [ts.SyntaxKind.EmptyStatement]: () => [],
};

const NAMES: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.ClassDeclaration]: "class declaration inside a function",
  [ts.SyntaxKind.EnumDeclaration]: "enum",
  [ts.SyntaxKind.WithStatement]: "with",
  [ts.SyntaxKind.DebuggerStatement]: "debugger",
  [ts.SyntaxKind.ModuleDeclaration]: "namespace",
};

/** Lowers one statement; an unsupported construct is reported and skipped. */
export function lowerStatement(ctx: TransformContext, node: ts.Statement): GoStmt[] {
  return ctx.guard(
    () =>
      lowering(node, () => {
        if (ts.isEnumDeclaration(node)) unsupported(node, "MTS2024");
        if (ts.isClassDeclaration(node)) unsupported(node, "MTS2038", "a block");
        const visit = visitors[node.kind];
        if (!visit) return unsupported(node, "MTS2001", NAMES[node.kind] ?? snippet(node));
        return visit(ctx, node as never);
      }),
    [],
  );
}

/** Lowers the statements of a block, hoisting function declarations as JavaScript does. */
export function lowerBlockBody(ctx: TransformContext, statements: readonly ts.Statement[]): GoStmt[] {
  const out: GoStmt[] = [...hoistFunctions(ctx, statements)];
  for (const s of statements) out.push(...lowerStatement(ctx, s));
  return out;
}

/** Lowers a statement that must become a Go block (if/loop bodies). */
export function lowerAsBlock(ctx: TransformContext, node: ts.Statement): GoStmt[] {
  if (ts.isBlock(node)) return lowerBlockBody(ctx, node.statements);
  return lowerBlockBody(ctx, [node]);
}
