import { ts } from "ts-morph";
import type { TransformContext } from "../context.js";
import { HOOKS } from "../declarations/class-members.js";
import { expectsFilter, isFilterSymbol, filterLiteralShape } from "./filter-literal.js";

/**
 * The runtime finds a filter's hooks as Go methods (api.DecodeHeadersHook...). Those exist for an
 * instance of a class that implements Filter, and for an object literal of hooks written where
 * a Filter is expected (filter-literal.ts). Any other value used as a Filter (an object literal
 * typed otherwise, a class that does not implement Filter, a hook written as a function-valued
 * class property) would compile to Go whose hooks the runtime never calls while Node calls
 * them: such values are rejected (MTS3013). Filter itself maps to `any`, so a filter keeps its
 * methods through functions, variables and conditionals.
 */
const checked = new WeakSet<TransformContext>();
const reported = new WeakSet<ts.Node>();

function implementsFilterDirectly(ctx: TransformContext, decl: ts.ClassDeclaration): boolean {
  return (decl.heritageClauses ?? []).some(
    (c) => c.token === ts.SyntaxKind.ImplementsKeyword && c.types.some((t) => isFilterSymbol(ctx, ctx.symbolOf(t.expression))),
  );
}

function baseClass(ctx: TransformContext, decl: ts.ClassDeclaration): ts.ClassDeclaration | undefined {
  const ext = decl.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const d = ext ? ctx.symbolOf(ext.expression)?.valueDeclaration : undefined;
  return d && ts.isClassDeclaration(d) ? d : undefined;
}

function memberName(m: ts.ClassElement): string | undefined {
  return m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined;
}

/** The hook names a class declares itself, and whether each is a method. */
function ownHooks(decl: ts.ClassDeclaration): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const m of decl.members) {
    const name = memberName(m);
    if (name === undefined || !Object.hasOwn(HOOKS, name)) continue;
    if ((ts.getCombinedModifierFlags(m as ts.Declaration) & ts.ModifierFlags.Static) !== 0) continue;
    out.set(name, (out.get(name) ?? true) && ts.isMethodDeclaration(m));
  }
  return out;
}

/** Why instances of a class cannot be filters, or undefined when their hooks are Go methods. */
function classProblem(ctx: TransformContext, decl: ts.ClassDeclaration, depth = 0): string | undefined {
  const name = decl.name?.text ?? "(anonymous)";
  const hooks = ownHooks(decl);
  for (const [hook, isMethod] of hooks) if (!isMethod) return `an instance of '${name}', whose hook '${hook}' is a property, not a method`;
  const base = depth < 64 ? baseClass(ctx, decl) : undefined;
  if (implementsFilterDirectly(ctx, decl)) return base ? baseProblem(ctx, base, depth) : undefined;
  // A subclass of a filter class: its hooks are lowered as the base's; a new one would not be.
  if (base && classProblem(ctx, base, depth + 1) === undefined) {
    const inherited = new Set<string>();
    for (let b: ts.ClassDeclaration | undefined = base, i = 0; b && i < 64; b = baseClass(ctx, b), i++) for (const h of ownHooks(b).keys()) inherited.add(h);
    const added = [...hooks.keys()].find((h) => !inherited.has(h));
    return added === undefined ? undefined : `an instance of '${name}', whose hook '${added}' is not declared by a class that implements Filter`;
  }
  return `an instance of '${name}', which does not implement Filter`;
}

/** A base class of a filter class may only hold its hooks as methods. */
function baseProblem(ctx: TransformContext, decl: ts.ClassDeclaration, depth: number): string | undefined {
  for (let b: ts.ClassDeclaration | undefined = decl, i = depth; b && i < 64; b = baseClass(ctx, b), i++) {
    for (const [hook, isMethod] of ownHooks(b)) if (!isMethod) return `an instance of a subclass of '${b.name?.text ?? "(anonymous)"}', whose hook '${hook}' is a property, not a method`;
  }
  return undefined;
}

/** Why a value of this type cannot be a filter (undefined: it can). */
function typeProblem(ctx: TransformContext, t: ts.Type, node: ts.Expression): string | undefined {
  if (t.isUnion()) {
    for (const c of t.types) {
      const p = typeProblem(ctx, c, node);
      if (p) return p;
    }
    return undefined;
  }
  // `this` in a class, T extends Filter: what the value must be.
  if (t.flags & ts.TypeFlags.TypeParameter) {
    const constraint = ctx.checker.getBaseConstraintOfType(t);
    return constraint && constraint !== t ? typeProblem(ctx, constraint, node) : undefined;
  }
  // Filter & X gives a literal no Filter context: it would be a plain struct.
  if (t.isIntersection()) return `a value of type '${ctx.checker.typeToString(t)}'`;
  // Not objects: TypeScript already refuses them, or other diagnostics (any) do.
  if (!(t.flags & ts.TypeFlags.Object)) return undefined;
  const s = t.getSymbol();
  if (isFilterSymbol(ctx, s)) return undefined;
  if (s && s.flags & ts.SymbolFlags.Class) {
    const decl = s.valueDeclaration;
    if (decl && ts.isClassDeclaration(decl)) return classProblem(ctx, decl);
  }
  let inner: ts.Expression = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
  if (ts.isObjectLiteralExpression(inner) || (s && s.flags & ts.SymbolFlags.ObjectLiteral)) return "an object literal";
  return `a value of type '${ctx.checker.typeToString(t)}'`;
}

function report(ctx: TransformContext, node: ts.Node, problem: string): void {
  if (reported.has(node)) return;
  reported.add(node);
  ctx.report(node, "MTS3013", problem);
}

function checkLiteral(ctx: TransformContext, node: ts.ObjectLiteralExpression): void {
  const shape = filterLiteralShape(ctx, node);
  if ("problem" in shape) report(ctx, shape.at, shape.problem);
}

/** Checks a value whose type tells where it comes from; object literals made where a Filter is expected are checked by their shape. */
function check(ctx: TransformContext, node: ts.Expression): boolean {
  let inner: ts.Expression = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isTypeAssertionExpression(inner)) inner = inner.expression;
  if (ts.isObjectLiteralExpression(inner) && expectsFilter(ctx, ctx.checker.getContextualType(inner))) return false;
  if (ts.isConditionalExpression(inner)) return check(ctx, inner.whenTrue) || check(ctx, inner.whenFalse);
  const problem = typeProblem(ctx, ctx.checker.getTypeAtLocation(node), node);
  if (problem) report(ctx, node, problem);
  return problem !== undefined;
}

function isDeclarationName(n: ts.Node): boolean {
  return n.parent !== undefined && (n.parent as { name?: ts.Node }).name === n;
}

/** Every expression of the project's files that is used where a Filter is expected. */
function checkFile(ctx: TransformContext, sf: ts.SourceFile): void {
  const visit = (n: ts.Node): void => {
    if (ts.isExpression(n) && !isDeclarationName(n) && expectsFilter(ctx, ctx.checker.getContextualType(n))) {
      // Where the value is made here, its parts are checked: the literal's hooks, each branch.
      const made = ts.isObjectLiteralExpression(n) || ts.isParenthesizedExpression(n) || ts.isConditionalExpression(n) || ts.isAsExpression(n) || ts.isSatisfiesExpression(n);
      if (ts.isObjectLiteralExpression(n)) checkLiteral(ctx, n);
      // One report per value, not again for its parts.
      else if (!made && check(ctx, n)) return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}

/** The values `create` returns, when nothing gives them a contextual type (create: makeFilter). */
function checkReturns(ctx: TransformContext, create: ts.FunctionLikeDeclaration): void {
  if (create.body && !ts.isBlock(create.body)) {
    check(ctx, create.body);
    return;
  }
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) check(ctx, n.expression);
    ts.forEachChild(n, visit);
  };
  if (create.body) ts.forEachChild(create.body, visit);
}

/** Reports every value used as a Filter that would not be one natively (once per compile). */
export function checkFilterValues(ctx: TransformContext, create: ts.FunctionLikeDeclaration): void {
  if (!checked.has(ctx)) {
    checked.add(ctx);
    for (const emitter of ctx.files.values()) checkFile(ctx, emitter.source);
  }
  // A create declared elsewhere is not contextually typed: its returns are checked here.
  checkReturns(ctx, create);
}
