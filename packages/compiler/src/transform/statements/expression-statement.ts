import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { type GoStmt, simple } from "../../go/ir.js";
import { type GoType, FLOAT, isPrimitive, tupleElem } from "../../go/types.js";
import type { StaticMember } from "../../model/classes.js";
import { fieldStorage } from "../../model/structs.js";
import { classOf, convert, deref, describeGo, not, toIndex, toInt, truthy, typedForInference } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { classMember, staticMember } from "../declarations/class-members.js";
import { binaryOp, isAssignmentOperator, isNullish } from "../expressions/binary.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerThis, narrowed, receiverStruct } from "../expressions/identifier.js";
import { numberConstant } from "../expressions/literals.js";
import { isChainHead, lowerOptionalChainEffect } from "../expressions/optional-chain.js";
import { keyedFields, keyedRead, keyedWrite } from "../expressions/keyed-struct.js";
import { accessorRead, classFields, recordGet } from "../expressions/property-access.js";
import { toStringExpr } from "../strings.js";
import { bindPattern, setTargetWriter } from "./destructuring.js";
import { attachLine } from "./line.js";

export function lowerExpressionStatement(ctx: TransformContext, node: ts.ExpressionStatement): GoStmt[] {
  const line = ctx.lineOf(node);
  const [pre, stmts] = ctx.capture(() => lowerEffect(ctx, node.expression));
  return attachLine([...pre, ...stmts], line);
}


/** An expression evaluated for its effect: assignments, increments, calls. */
export function lowerEffect(ctx: TransformContext, e: ts.Expression): GoStmt[] {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isBinaryExpression(e) && isAssignmentOperator(e.operatorToken.kind)) return lowerAssignment(ctx, e);
  if ((ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) && (e.operator === ts.SyntaxKind.PlusPlusToken || e.operator === ts.SyntaxKind.MinusMinusToken)) {
    return lowerIncrement(ctx, e.operand, e.operator === ts.SyntaxKind.PlusPlusToken);
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken) return [...lowerEffect(ctx, e.left), ...lowerEffect(ctx, e.right)];
  if (ts.isVoidExpression(e)) return lowerEffect(ctx, e.expression);
  if (ts.isAwaitExpression(e)) {
    const v = lowerExpr(ctx, e);
    return v.pure ? [] : [simple(v.statement ?? (v.call ? v.code : `_ = ${v.code}`))];
  }
  if (ts.isDeleteExpression(e)) return lowerDeleteTarget(ctx, e.expression);
  if (isChainHead(ctx, e)) return lowerOptionalChainEffect(ctx, e);
  const v = lowerExpr(ctx, e);
  if (v.statement) return [simple(v.statement)];
  if (v.call) return [simple(v.code)];
  if (v.pure) return [];
  return [simple(`_ = ${v.code}`)];
}

/** An assignment target: how to read it and how to write a value to it. */
export interface Target {
  type: GoType;
  read: () => GoExpr;
  write: (value: GoExpr) => GoStmt[];
  /** A plain Go variable or field (Go's own compound operators apply). */
  plain?: string;
}

function stableObj(ctx: TransformContext, e: GoExpr, base: string): GoExpr {
  return e.pure ? e : ctx.saveInTemp(e, base);
}

export function lowerTarget(ctx: TransformContext, node: ts.Expression): Target {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  if (ts.isIdentifier(node)) {
    const sym = ctx.symbolOf(node);
    const v = sym && ctx.vars.get(sym);
    if (!v) return unsupported(node, "MTS2002", node.text);
    return {
      type: v.type,
      read: () => {
        v.reads++;
        return narrowed(ctx, expr(v.goName, v.type, Prec.Primary, { pure: true }), node);
      },
      write: (value) => [simple(`${v.goName} = ${value.code}`)],
      plain: v.goName,
    };
  }
  if (ts.isPropertyAccessExpression(node)) return propertyTarget(ctx, node);
  if (ts.isElementAccessExpression(node)) return elementTarget(ctx, node);
  return unsupported(node, "MTS2002", "this assignment target");
}

function fieldTarget(ref: string, type: GoType, node: ts.Node, ctx: TransformContext): Target {
  return {
    type,
    read: () => narrowed(ctx, expr(ref, type, Prec.Primary, { pure: true }), node),
    write: (value) => [simple(`${ref} = ${value.code}`)],
    plain: ref,
  };
}

/** `Class.x = v` where x is a static accessor: its setter function (and getter for x += v). */
function staticAccessorTarget(ctx: TransformContext, s: StaticMember): Target {
  return {
    type: s.type,
    read: () => (s.getter ? expr(`${s.getter}()`, s.type, Prec.Primary, { call: true }) : expr("nil", { k: "nil" }, Prec.Primary, { pure: true })),
    write: (value) => [simple(`${s.setter}(${value.code})`)],
  };
}

function propertyTarget(ctx: TransformContext, node: ts.PropertyAccessExpression): Target {
  const name = node.name.text;
  if (ts.isIdentifier(node.expression)) {
    const sym = ctx.symbolOf(node.expression);
    if (sym && sym.flags & ts.SymbolFlags.Class) {
      const s = staticMember(ctx, sym, name, node);
      if (s.kind === "method") return unsupported(node, "MTS2002", "assignment to a static method");
      return s.kind === "accessor" ? staticAccessorTarget(ctx, s) : fieldTarget(s.goName, s.type, node, ctx);
    }
  }
  if (ctx.staticClass && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const s = staticMember(ctx, ctx.staticClass.decl.sym, name, node);
    if (s.kind === "method") return unsupported(node, "MTS2002", "assignment to a static method");
    return s.kind === "accessor" ? staticAccessorTarget(ctx, s) : fieldTarget(s.goName, s.type, node, ctx);
  }
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword && ctx.currentClass?.base) {
    const base = ctx.currentClass.base;
    const m = classMember(ctx, base, name, node);
    const obj = expr(`${ctx.receiver}.${base.goName}`, { k: "struct", name: base.goName }, Prec.Primary, { pure: true });
    if (m.kind === "field") return fieldTarget(`${obj.code}.${m.goName}`, m.type, node, ctx);
    if (m.kind === "accessor") return accessorTarget(ctx, obj, m, node);
    return unsupported(node, "MTS2043", name);
  }
  if (node.expression.kind === ts.SyntaxKind.ThisKeyword && ctx.currentClass) {
    const m = classMember(ctx, ctx.currentClass, name, node);
    if (m.kind === "field") return fieldTarget(`${ctx.receiver}.${m.goName}`, m.type, node, ctx);
    if (m.kind === "accessor") return accessorTarget(ctx, m.virtual ? lowerThis(ctx, node) : receiverStruct(ctx, node), m, node);
    return unsupported(node, "MTS2043", name);
  }
  const obj = stableObj(ctx, lowerExpr(ctx, node.expression), "obj");
  const o = paren(obj, Prec.Primary);
  const t = obj.type;
  const cls = classOf(ctx, t);
  if (cls) {
    const m = classMember(ctx, cls, name, node);
    if (m.kind === "field") return fieldTarget(`${paren(classFields(ctx, obj, cls), Prec.Primary)}.${m.goName}`, m.type, node, ctx);
    if (m.kind === "accessor") return accessorTarget(ctx, obj, m, node);
    return unsupported(node, "MTS2043", name);
  }
  const info = ctx.types.structOf(t);
  const field = info?.fields.find((f) => f.name === name);
  if (field) {
    const ref = `${o}.${field.goName}`;
    const type = fieldStorage(field);
    if (!field.optional) return fieldTarget(ref, type, node, ctx);
    // An optional property becomes present (appended to the key order when it was absent).
    return {
      type,
      read: () => narrowed(ctx, expr(ref, type, Prec.Primary, { pure: true }), node),
      write: (value) => [simple(`${ref} = ${value.code}`), simple(`${o}.keys.Add(${stringLiteral(name)})`)],
    };
  }
  switch (t.k) {
    case "record": {
      const key = expr(stringLiteral(name), { k: "string" }, Prec.Primary, { pure: true, str: name });
      return recordTarget(ctx, obj, key, node);
    }
    case "regexp":
      if (name === "lastIndex") return fieldTarget(`${o}.LastIndex`, FLOAT, node, ctx);
      break;
    case "error":
      if (name === "message") return fieldTarget(`${o}.Message`, { k: "string" }, node, ctx);
      if (name === "name") return fieldTarget(`${o}.Name`, { k: "string" }, node, ctx);
      break;
    case "array":
      if (name === "length") {
        return {
          type: { k: "int" },
          read: () => expr(`${o}.Len()`, { k: "int" }, Prec.Primary, { call: true }),
          write: (value) => [simple(`${o}.SetLength(${toInt(ctx, value).code})`)],
        };
      }
      break;
  }
  return unsupported(node, "MTS2035", `assignment to ${name}`, describeGo(t, ctx), "Only fields, accessors and Record entries can be assigned.");
}

function accessorTarget(ctx: TransformContext, obj: GoExpr, m: { goName: string; type: GoType; getter?: string; setter?: string }, node: ts.Node): Target {
  const o = paren(obj, Prec.Primary);
  return {
    type: m.type,
    read: () => accessorRead(ctx, obj, m as never, node),
    write: (value) => {
      if (!m.setter) return unsupported(node, "MTS2047", node.getText());
      return [simple(`${o}.${m.setter}(${value.code})`)];
    },
  };
}

function recordTarget(ctx: TransformContext, rec: GoExpr, key: GoExpr, node: ts.Node): Target {
  if (rec.type.k !== "record") throw new Error("recordTarget on a non-record");
  const o = paren(rec, Prec.Primary);
  const k = key.pure ? key : ctx.saveInTemp(key, "key");
  ctx.use("js");
  return {
    type: rec.type.value,
    read: () => recordGet(ctx, rec, k, node),
    write: (value) => [simple(`${o}.Set(${k.code}, ${typedForInference(value).code})`)],
  };
}

function elementTarget(ctx: TransformContext, node: ts.ElementAccessExpression): Target {
  const objType = ctx.types.typeAt(node.expression);
  if ((ts.isStringLiteral(node.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(node.argumentExpression)) && objType.k !== "record") {
    const fake = ts.factory.createPropertyAccessExpression(node.expression, node.argumentExpression.text);
    void fake;
    return unsupported(node, "MTS2017", "assignment through a string key", "Write obj.name = value.");
  }
  const [arr, index] = ctx.exprList([node.expression, node.argumentExpression], (n) => lowerExpr(ctx, n));
  const a = stableObj(ctx, arr!, "arr");
  const t = a.type;
  switch (t.k) {
    case "array": {
      const i = index!.pure ? toIndex(ctx, index!) : ctx.saveInTemp(toIndex(ctx, index!), "i");
      const elem = t.elem;
      ctx.use("js");
      return {
        type: elem,
        read: () => expr(`${paren(a, Prec.Primary)}.Get(${i.code})`, elem, Prec.Primary, { call: true }),
        write: (value) => [simple(`${paren(a, Prec.Primary)}.Set(${i.code}, ${value.code})`)],
      };
    }
    case "tuple": {
      if (index!.num === undefined || !t.elems[index!.num]) return unsupported(node, "MTS2021", "a tuple written with a computed index");
      const n = index!.num;
      const goElem = tupleElem(t);
      return {
        type: t.elems[n]!,
        read: () => convert(ctx, expr(`${paren(a, Prec.Primary)}.Get(${n})`, goElem, Prec.Primary, { call: true }), t.elems[n]!, node),
        write: (value) => [simple(`${paren(a, Prec.Primary)}.Set(${n}, ${convert(ctx, value, goElem, node).code})`)],
      };
    }
    case "record":
      return recordTarget(ctx, a, toStringExpr(ctx, index!), node);
    case "struct": {
      if (index!.type.k !== "string") break;
      const key = index!.pure ? index! : ctx.saveInTemp(index!, "key");
      const { info, type } = keyedFields(ctx, a, node.argumentExpression, node);
      return {
        type,
        read: () => keyedRead(ctx, a, key, node.argumentExpression, node),
        write: (value) => [simple(keyedWrite(ctx, a, key, value, type, info))],
      };
    }
    case "bytes": {
      const i = index!.pure ? toIndex(ctx, index!) : ctx.saveInTemp(toIndex(ctx, index!), "i");
      ctx.use("js");
      return {
        type: FLOAT,
        read: () => expr(`js.Deref(js.Opt(js.ByteAt(${a.code}, ${i.code})))`, FLOAT, Prec.Primary, { call: true }),
        write: (value) => [simple(`js.SetByte(${a.code}, ${i.code}, ${convert(ctx, value, FLOAT, node).code})`)],
      };
    }
  }
  return unsupported(node, "MTS2035", "index assignment", describeGo(t, ctx), "Arrays, tuples, Records and Uint8Array elements can be assigned by index.");
}

const COMPOUND: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
};

/** Converts the right side of an assignment to the target's storage. */
function assigned(ctx: TransformContext, value: GoExpr, target: Target, at: ts.Node): GoExpr {
  if (value.type.k === "nil" && (target.type.k === "opt" || target.type.k === "dyn")) return expr("nil", target.type, Prec.Primary, { pure: true });
  const v = convert(ctx, value, target.type, at);
  return target.type.k === "float" || target.type.k === "dyn" ? typedForInference(v) : v;
}

function lowerAssignment(ctx: TransformContext, node: ts.BinaryExpression): GoStmt[] {
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.EqualsToken && (ts.isArrayLiteralExpression(node.left) || ts.isObjectLiteralExpression(node.left))) {
    return destructuringAssignment(ctx, node);
  }
  const target = lowerTarget(ctx, node.left);
  if (op === ts.SyntaxKind.EqualsToken) {
    const v = lowerExpr(ctx, node.right);
    return target.write(assigned(ctx, v, target, node.right));
  }
  if (op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken || op === ts.SyntaxKind.AmpersandAmpersandEqualsToken) {
    const current = target.read();
    const cur = current.pure ? current : ctx.saveInTemp(current, "current");
    const [pre, v] = ctx.capture(() => assigned(ctx, lowerExpr(ctx, node.right), target, node.right));
    const cond =
      op === ts.SyntaxKind.QuestionQuestionEqualsToken ? isNullish(ctx, cur).code : op === ts.SyntaxKind.BarBarEqualsToken ? not(truthy(ctx, cur)).code : truthy(ctx, cur).code;
    return [{ kind: "if", cond, then: [...pre, ...target.write(v)] }];
  }
  const binary = COMPOUND[op];
  if (binary === undefined) return unsupported(node, "MTS2015", node.operatorToken.getText());
  const [rightPre, right] = ctx.capture(() => lowerExpr(ctx, node.right));
  const sym = ts.isIdentifier(node.left) ? ctx.symbolOf(node.left) : undefined;
  const stableTarget = sym !== undefined && ctx.isStableVariable(sym);
  if (rightPre.length > 0 || (!right.pure && !stableTarget)) {
    // JavaScript reads the target before it evaluates the right side, which may change it.
    const [savePre, current] = ctx.capture(() => ctx.saveInTemp(target.read(), "current"));
    const result = binaryOp(ctx, binary, current, right, node);
    return [...savePre, ...rightPre, ...target.write(assigned(ctx, result, target, node))];
  }
  const t = target.type;
  // Go's own compound operators where they mean the same thing.
  if (target.plain && (op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken || op === ts.SyntaxKind.AsteriskEqualsToken || op === ts.SyntaxKind.SlashEqualsToken)) {
    const goOp = node.operatorToken.getText();
    if (t.k === "float" && (right.type.k === "float" || right.type.k === "int") && !right.product) {
      const r = right.num !== undefined ? numberConstant(ctx, right.num) : convert(ctx, right, FLOAT, node.right);
      return [simple(`${target.plain} ${goOp} ${r.code}`)];
    }
    if (t.k === "int" && (op === ts.SyntaxKind.PlusEqualsToken || op === ts.SyntaxKind.MinusEqualsToken) && (right.type.k === "int" || (right.untyped && /^-?\d+$/.test(right.code)))) {
      return [simple(`${target.plain} ${goOp} ${right.code}`)];
    }
    if (t.k === "string" && op === ts.SyntaxKind.PlusEqualsToken) {
      return [simple(`${target.plain} += ${toStringExpr(ctx, right).code}`)];
    }
  }
  const current = target.read();
  const result = binaryOp(ctx, binary, current, right, node);
  return target.write(assigned(ctx, result, target, node));
}

/** `[a, b] = [b, a]`, `({ x, y } = point)`. */
function destructuringAssignment(ctx: TransformContext, node: ts.BinaryExpression): GoStmt[] {
  const left = node.left;
  const right = node.right;
  // A swap of plain variables: Go's parallel assignment.
  if (ts.isArrayLiteralExpression(left) && ts.isArrayLiteralExpression(right) && left.elements.length === right.elements.length && left.elements.every(ts.isIdentifier)) {
    const targets = left.elements.map((e) => lowerTarget(ctx, e));
    const values = ctx.exprList(right.elements, (e, i) => assigned(ctx, lowerExpr(ctx, e), targets[i]!, e));
    if (targets.every((t) => t.plain)) return [simple(`${targets.map((t) => t.plain).join(", ")} = ${values.map((v) => v.code).join(", ")}`)];
  }
  const value = lowerExpr(ctx, right);
  return bindPattern(ctx, left, value, "assign");
}

setTargetWriter((ctx, target, value) => {
  const t = lowerTarget(ctx, target);
  return t.write(assigned(ctx, value, t, target));
});

function lowerIncrement(ctx: TransformContext, operand: ts.Expression, up: boolean): GoStmt[] {
  const target = lowerTarget(ctx, operand);
  const op = up ? "++" : "--";
  if (target.plain && (target.type.k === "float" || target.type.k === "int")) return [simple(`${target.plain}${op}`)];
  const current = deref(target.read());
  const next = expr(`${paren(current, Prec.Add)} ${up ? "+" : "-"} 1`, current.type, Prec.Add);
  return target.write(assigned(ctx, next, target, operand));
}

/** `x = v` used as a value: the assignment first, then the target's value. */
export function lowerAssignmentValue(ctx: TransformContext, node: ts.BinaryExpression): GoExpr {
  const target = ts.isIdentifier(node.left) ? lowerTarget(ctx, node.left) : undefined;
  ctx.addPreceding(...lowerAssignment(ctx, node));
  const value = target ? target.read() : lowerExpr(ctx, node.left);
  // The value of the assignment is what was stored (x ??= [] is never undefined).
  const after = ctx.attempt<GoType | undefined>(() => ctx.types.typeAt(node), () => undefined);
  return after && after.k !== "dyn" ? ctx.attempt(() => convert(ctx, value, after, node), () => value) : value;
}

/** `i++` / `++i` used as a value. */
export function lowerIncrementValue(ctx: TransformContext, operand: ts.Expression, up: boolean, prefix: boolean): GoExpr {
  const target = lowerTarget(ctx, operand);
  if (prefix) {
    ctx.addPreceding(...lowerIncrementOn(ctx, target, operand, up));
    return target.read();
  }
  const old = ctx.saveInTemp(deref(target.read()), "old");
  ctx.addPreceding(...lowerIncrementOn(ctx, target, operand, up));
  return old;
}

function lowerIncrementOn(ctx: TransformContext, target: Target, operand: ts.Node, up: boolean): GoStmt[] {
  if (target.plain && (target.type.k === "float" || target.type.k === "int")) return [simple(`${target.plain}${up ? "++" : "--"}`)];
  const current = deref(target.read());
  const next = expr(`${paren(current, Prec.Add)} ${up ? "+" : "-"} 1`, current.type, Prec.Add);
  return target.write(assigned(ctx, next, target, operand));
}

/** `delete obj.optionalProp`, `delete record[key]`. */
export function lowerDeleteTarget(ctx: TransformContext, node: ts.Expression): GoStmt[] {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const keyNode = ts.isPropertyAccessExpression(node) ? undefined : node.argumentExpression;
    const obj = stableObj(ctx, lowerExpr(ctx, node.expression), "obj");
    const o = paren(obj, Prec.Primary);
    if (obj.type.k === "record") {
      const key = keyNode ? toStringExpr(ctx, lowerExpr(ctx, keyNode)) : expr(stringLiteral((node as ts.PropertyAccessExpression).name.text), { k: "string" });
      return [simple(`${o}.Delete(${key.code})`)];
    }
    const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : undefined;
    const info = ctx.types.structOf(obj.type);
    const field = name !== undefined ? info?.fields.find((f) => f.name === name) : undefined;
    if (field && field.optional) {
      info!.needsKeys = true;
      const zero = isPrimitive(field.type) || field.type.k !== "dyn" ? "nil" : "nil";
      return [simple(`${o}.${field.goName} = ${zero}`), simple(`${o}.keys.Remove(${stringLiteral(name!)})`)];
    }
  }
  return unsupported(node, "MTS2015", "delete (only optional properties and Record entries can be deleted)");
}
