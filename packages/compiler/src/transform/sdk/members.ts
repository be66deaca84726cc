import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { BOOL, FLOAT, INT, STRING, type GoType, optionalOf } from "../../go/types.js";
import { convert, toInt } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";
import { lowerCallback } from "../builtins/callbacks.js";

const ENUM_PREFIX: Record<string, string> = { Status: "", DestroyReason: "", LogLevel: "Log" };
const LOG_LEVELS = new Set(["trace", "debug", "info", "warn", "error", "critical"]);

/** `Status.Continue` → api.Continue, `LogLevel.Info` → api.LogInfo. */
export function sdkEnumMember(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr | undefined {
  const sym = ctx.symbolOf(node.expression);
  if (!sym || !ctx.isSdkSymbol(sym) || !(sym.flags & ts.SymbolFlags.Enum)) return undefined;
  const prefix = ENUM_PREFIX[sym.name];
  if (prefix === undefined) return undefined;
  ctx.use("api");
  return expr(`api.${prefix}${node.name.text}`, { k: "api", name: sym.name }, Prec.Primary, { pure: true });
}

function api(name: string): GoType {
  return { k: "api", name };
}

/** Properties of SDK objects: request pseudo-headers, response status, buffer length, log entry maps. */
export function sdkProperty(ctx: TransformContext, obj: GoExpr, name: string, node: ts.Node): GoExpr {
  const t = obj.type as { k: "api"; name: string };
  const o = paren(obj, Prec.Primary);
  const call = (code: string, type: GoType) => expr(code, type, Prec.Primary, { call: true, pure: obj.pure });
  switch (t.name) {
    case "RequestHeaderMap": {
      const getters: Record<string, string> = { method: "Method", path: "Path", host: "Host", scheme: "Scheme" };
      if (getters[name]) return call(`${o}.${getters[name]}()`, STRING);
      break;
    }
    case "ResponseHeaderMap":
      if (name === "status") return call(`float64(${o}.Status())`, FLOAT);
      break;
    case "BodyBuffer":
      if (name === "length") return call(`${o}.Len()`, INT);
      break;
    case "LogEntry": {
      const fields: Record<string, string> = {
        requestHeaders: "RequestHeaders", requestTrailers: "RequestTrailers", responseHeaders: "ResponseHeaders", responseTrailers: "ResponseTrailers",
      };
      if (fields[name]) return expr(`${o}.${fields[name]}`, api("HeaderMap"), Prec.Primary, { pure: obj.pure });
      break;
    }
    case "Context":
      if (name === "log") return unsupported(node, "MTS3006", `${node.getText()}`);
      break;
  }
  return unsupported(node, "MTS3009", `${t.name}.${name}`);
}

/** `ctx.log.info(message)` → ctx.Log(api.LogInfo, message). */
export function sdkCall(ctx: TransformContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): GoExpr | undefined {
  const inner = callee.expression;
  if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== "log") return undefined;
  const ctxType = ctx.checker.getTypeAtLocation(inner.expression);
  const sym = ctxType.getSymbol();
  if (!sym || !ctx.isSdkSymbol(sym) || sym.name !== "FilterContext") return undefined;
  const level = callee.name.text;
  if (!LOG_LEVELS.has(level)) return unsupported(callee.name, "MTS3009", `log.${level}`);
  const [target, message] = ctx.exprList([inner.expression, node.arguments[0]!], (n, i) =>
    i === 0 ? lowerExpr(ctx, n) : convert(ctx, lowerExpr(ctx, n), STRING, n),
  );
  ctx.use("api");
  const levelName = `Log${level[0]!.toUpperCase()}${level.slice(1)}`;
  return expr(`${paren(target!, Prec.Primary)}.Log(api.${levelName}, ${message!.code})`, { k: "void" }, Prec.Primary, { call: true });
}

/** Methods of SDK objects: header maps, body buffers, the filter context. */
export function sdkMethod(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const t = obj.type as { k: "api"; name: string };
  const o = paren(obj, Prec.Primary);
  const argNodes = node.arguments;
  const call = (code: string, type: GoType) => expr(code, type, Prec.Primary, { call: true });
  const strings = () => ctx.exprList(argNodes, (a) => convert(ctx, lowerExpr(ctx, a), STRING, a)).map((v) => v.code);
  if (t.name === "HeaderMap" || t.name === "RequestHeaderMap" || t.name === "ResponseHeaderMap") {
    switch (name) {
      case "get":
        ctx.use("js");
        return expr(`js.Opt(${o}.Get(${strings()[0]}))`, optionalOf(STRING), Prec.Primary, { call: true });
      case "getAll":
        ctx.use("js");
        return call(`js.ArrayOf(${o}.GetAll(${strings()[0]}))`, { k: "array", elem: STRING });
      case "has":
        return call(`${o}.Has(${strings()[0]})`, BOOL);
      case "set":
      case "add":
      case "remove": {
        const args = strings();
        return call(`${o}.${name[0]!.toUpperCase()}${name.slice(1)}(${args.join(", ")})`, { k: "void" });
      }
      case "keys":
        ctx.use("js");
        return call(`js.ArrayOf(${o}.Keys())`, { k: "array", elem: STRING });
      case "forEach": {
        const cb = lowerCallback(ctx, argNodes[0]!, [STRING, STRING], { result: { k: "void" } });
        const fn = ctx.temp("fn");
        const args = cb.arity === 2 ? "value, name" : "value";
        return call(`${o}.Range(func(name, value string) bool {\n${fn} := ${cb.code}\n${fn}(${args})\nreturn true\n})`, { k: "void" });
      }
    }
  }
  if (t.name === "BodyBuffer") {
    switch (name) {
      case "bytes":
        return call(`${o}.Bytes()`, { k: "bytes" });
      case "text":
        return call(`${o}.String()`, STRING);
      case "set":
      case "append":
      case "prepend": {
        const [data] = ctx.exprList(argNodes, (a) => lowerExpr(ctx, a));
        const method = name[0]!.toUpperCase() + name.slice(1);
        if (data!.type.k === "string") return call(`${o}.${method === "Set" ? "SetString" : `${method}String`}(${data!.code})`, { k: "void" });
        if (data!.type.k === "bytes") return call(`${o}.${method}(${data!.code})`, { k: "void" });
        return unsupported(argNodes[0]!, "MTS2017", `BodyBuffer.${name} of a value that may be a string or bytes`, "Narrow the value to string or Uint8Array first.");
      }
      case "drain": {
        const [n] = ctx.exprList(argNodes, (a) => toInt(lowerExpr(ctx, a)));
        return call(`${o}.Drain(${n!.code})`, { k: "void" });
      }
    }
  }
  if (t.name === "Context" && name === "sendLocalReply") return sendLocalReply(ctx, obj, node);
  return unsupported(node.expression, "MTS3009", `${t.name}.${name}()`);
}

/** `ctx.sendLocalReply(status, body, { "h": v }, details)` with headers in literal key order. */
function sendLocalReply(ctx: TransformContext, target: GoExpr, node: ts.CallExpression): GoExpr {
  const [statusNode, bodyNode, headersNode, detailsNode] = node.arguments;
  if (headersNode && !ts.isObjectLiteralExpression(headersNode) && !(ts.isIdentifier(headersNode) && headersNode.text === "undefined")) {
    unsupported(headersNode, "MTS3004");
  }
  const headerProps = headersNode && ts.isObjectLiteralExpression(headersNode) ? headersNode.properties : ts.factory.createNodeArray<ts.ObjectLiteralElementLike>();
  for (const p of headerProps) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) unsupported(p, "MTS3004");
  }
  const nodes: ts.Expression[] = [statusNode!, bodyNode!, ...headerProps.map((p) => (p as ts.PropertyAssignment).initializer)];
  if (detailsNode) nodes.push(detailsNode);
  const values = ctx.exprList(nodes, (n, i) => (i === 0 ? toInt(lowerExpr(ctx, n)) : convert(ctx, lowerExpr(ctx, n), STRING, n)));
  ctx.use("api");
  const headers = headerProps.map((p, i) => {
    const name = ((p as ts.PropertyAssignment).name as ts.Identifier | ts.StringLiteral).text;
    return `{Name: ${stringLiteral(name)}, Value: ${values[2 + i]!.code}}`;
  });
  const headerCode = headers.length === 0 ? "nil" : `[]api.Header{${headers.join(", ")}}`;
  const details = detailsNode ? values[values.length - 1]!.code : '""';
  return expr(
    `${paren(target, Prec.Primary)}.SendLocalReply(${values[0]!.code}, ${values[1]!.code}, ${headerCode}, ${details})`,
    { k: "api", name: "Status" },
    Prec.Primary,
    { call: true },
  );
}
