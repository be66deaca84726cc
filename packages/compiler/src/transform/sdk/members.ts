import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { type GoExpr, Prec, expr, paren, stringLiteral } from "../../go/expr.js";
import { simple } from "../../go/ir.js";
import { BOOL, FLOAT, INT, STRING, type GoType, VOID, optionalOf } from "../../go/types.js";
import { lowerCallback } from "../builtins/callbacks.js";
import { convert, toFloat } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { lowerExpr } from "../expressions/index.js";

const ENUM_PREFIX: Record<string, string> = { Status: "", DestroyReason: "", LogLevel: "Log", LifeSpan: "LifeSpan", StreamSharing: "StreamSharing" };
const LOG_LEVELS = new Set(["trace", "debug", "info", "warn", "error", "critical"]);

function api(name: string): GoType {
  return { k: "api", name };
}

const CONSUMER: GoType = { k: "api", name: "Consumer", ref: true };

function call(code: string, type: GoType, pure = false): GoExpr {
  return expr(code, type, Prec.Primary, { call: true, pure });
}

/** `Status.Continue` → api.Continue, `LogLevel.Info` → api.LogInfo, `LifeSpan.Request` → api.LifeSpanRequest. */
export function sdkEnumMember(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr | undefined {
  const sym = ctx.symbolOf(node.expression);
  if (!sym || !ctx.isSdkSymbol(sym) || !(sym.flags & ts.SymbolFlags.Enum)) return undefined;
  const prefix = ENUM_PREFIX[sym.name];
  if (prefix === undefined) return unsupported(node, "MTS3009", `${sym.name}.${node.name.text}`);
  ctx.use("api");
  return expr(`api.${prefix}${node.name.text}`, api(sym.name), Prec.Primary, { pure: true });
}

/** Whether an expression is `x.log` where x is a FilterContext or a ConfigEnv. */
function isLogger(ctx: TransformContext, node: ts.Expression): node is ts.PropertyAccessExpression {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== "log") return false;
  const t = ctx.types.typeAt(node.expression);
  return t.k === "api" && (t.name === "Context" || t.name === "ConfigEnv");
}

/** A number passed where Envoy takes an integer: a constant must be one; a variable is truncated toward zero. */
function integer(ctx: TransformContext, node: ts.Expression, goType: "int" | "int64" | "uint64"): string {
  const v = lowerExpr(ctx, node);
  const n = convert(ctx, v, FLOAT, node);
  if (n.num !== undefined) {
    const ok = Number.isInteger(n.num) && (goType !== "uint64" || n.num >= 0) && Math.abs(n.num) <= Number.MAX_SAFE_INTEGER;
    if (!ok) unsupported(node, "MTS2049", String(n.num), goType === "uint64" ? "non-negative integer" : "integer");
    return goType === "int" ? String(n.num) : `${goType}(${n.num})`;
  }
  if (v.type.k === "int") return goType === "int" ? v.code : `${goType}(${v.code})`;
  ctx.use("js");
  const fn = goType === "int" ? "js.ToInteger" : goType === "int64" ? "js.ToInt64" : "js.ToUint64";
  return `${fn}(${toFloat(n).code})`;
}

/** `ctx.log.level`: the property of the logger objects (their methods are calls, see sdkCall). */
export function sdkLoggerProperty(ctx: TransformContext, node: ts.PropertyAccessExpression): GoExpr | undefined {
  if (!isLogger(ctx, node.expression)) return undefined;
  if (node.name.text !== "level") return unsupported(node, "MTS3009", `log.${node.name.text}`);
  const owner = lowerExpr(ctx, node.expression.expression);
  if ((owner.type as { name?: string }).name === "ConfigEnv") return unsupported(node, "MTS3009", "env.log.level");
  return call(`${paren(owner, Prec.Primary)}.LogLevel()`, api("LogLevel"));
}

/** Properties of SDK objects. */
export function sdkProperty(ctx: TransformContext, obj: GoExpr, name: string, node: ts.Node): GoExpr {
  const t = obj.type as { k: "api"; name: string };
  const o = paren(obj, Prec.Primary);
  const pure = obj.pure;
  const opt = (code: string, type: GoType) => {
    ctx.use("js");
    return call(`js.Opt(${code})`, optionalOf(type));
  };
  switch (t.name) {
    case "RequestHeaderMap": {
      const getters: Record<string, string> = { method: "Method", path: "Path", host: "Host", scheme: "Scheme" };
      if (getters[name]) return call(`${o}.${getters[name]}()`, STRING, pure);
      break;
    }
    case "ResponseHeaderMap":
      if (name === "status") return call(`float64(${o}.Status())`, FLOAT, pure);
      break;
    case "BodyBuffer":
      if (name === "length") return call(`${o}.Len()`, INT, pure);
      break;
    case "LogEntry": {
      const fields: Record<string, string> = {
        requestHeaders: "RequestHeaders", requestTrailers: "RequestTrailers", responseHeaders: "ResponseHeaders", responseTrailers: "ResponseTrailers",
      };
      if (fields[name]) return expr(`${o}.${fields[name]}`, optionalOf(api("HeaderMap")), Prec.Primary, { pure });
      break;
    }
    case "Context": {
      const getters: Record<string, string> = { streamInfo: "StreamInfo", metadata: "Metadata", filterState: "FilterState", decoder: "Decoder", encoder: "Encoder" };
      const types: Record<string, string> = { streamInfo: "StreamInfo", metadata: "DynamicMetadata", filterState: "FilterState", decoder: "DecoderControls", encoder: "DirectionControls" };
      if (getters[name]) return call(`${o}.${getters[name]}()`, api(types[name]!), pure);
      if (name === "consumer") return call(`${o}.Consumer()`, optionalOf(CONSUMER));
      if (name === "log") return unsupported(node, "MTS3006", node.getText());
      break;
    }
    case "Consumer":
      if (name === "name") return expr(`${o}.Name`, STRING, Prec.Primary, { pure, stable: obj.stable === true });
      break;
    case "ConfigEnv":
      if (name === "log") return unsupported(node, "MTS3006", node.getText());
      break;
    case "StreamInfo":
      switch (name) {
        case "routeName":
          return call(`${o}.RouteName()`, STRING);
        case "filterChainName":
          return call(`${o}.FilterChainName()`, STRING);
        case "downstreamLocalAddress":
          return call(`${o}.DownstreamLocalAddress()`, STRING);
        case "downstreamRemoteAddress":
          return call(`${o}.DownstreamRemoteAddress()`, STRING);
        case "attemptCount":
          return call(`float64(${o}.AttemptCount())`, FLOAT);
        case "workerId":
          return call(`float64(${o}.WorkerID())`, FLOAT);
        case "protocol":
          return opt(`${o}.Protocol()`, STRING);
        case "responseCodeDetails":
          return opt(`${o}.ResponseCodeDetails()`, STRING);
        case "upstreamLocalAddress":
          return opt(`${o}.UpstreamLocalAddress()`, STRING);
        case "upstreamRemoteAddress":
          return opt(`${o}.UpstreamRemoteAddress()`, STRING);
        case "upstreamClusterName":
          return opt(`${o}.UpstreamClusterName()`, STRING);
        case "virtualClusterName":
          return opt(`${o}.VirtualClusterName()`, STRING);
        case "responseCode":
          ctx.use("js");
          return call(`js.OptInt(${o}.ResponseCode())`, optionalOf(FLOAT));
      }
      break;
  }
  return unsupported(node, "MTS3009", `${t.name}.${name}`);
}

/** `ctx.log.info(message)` → ctx.Log(api.LogInfo, message); env.log likewise. */
export function sdkCall(ctx: TransformContext, node: ts.CallExpression, callee: ts.PropertyAccessExpression): GoExpr | undefined {
  const inner = callee.expression;
  if (!isLogger(ctx, inner)) return undefined;
  const level = callee.name.text;
  if (!LOG_LEVELS.has(level)) return unsupported(callee.name, "MTS3009", `log.${level}`);
  const [target, message] = ctx.exprList([inner.expression, node.arguments[0]!], (n, i) => (i === 0 ? lowerExpr(ctx, n) : convert(ctx, lowerExpr(ctx, n), STRING, n)));
  ctx.use("api");
  const levelName = `Log${level[0]!.toUpperCase()}${level.slice(1)}`;
  return call(`${paren(target!, Prec.Primary)}.Log(api.${levelName}, ${message!.code})`, VOID);
}

/** Calls of SDK functions: `sleep(ms)` (awaited). */
export function sdkFunction(ctx: TransformContext, name: string, node: ts.CallExpression): GoExpr {
  if (name === "sleep") {
    const [ms] = ctx.exprList(node.arguments, (a) => convert(ctx, lowerExpr(ctx, a), FLOAT, a));
    ctx.use("api");
    return call(`api.Sleep(${ms!.code})`, VOID);
  }
  if (name === "definePlugin") return unsupported(node, "MTS3002", node.getSourceFile().fileName);
  return unsupported(node.expression, "MTS3009", name);
}

/** string → XString method, Uint8Array → X method, by the static type of the data. */
function dataMethod(ctx: TransformContext, arg: ts.Expression, method: string): { method: string; value: GoExpr } {
  const v = lowerExpr(ctx, arg);
  if (v.type.k === "string") return { method: `${method}String`, value: v };
  if (v.type.k === "bytes") return { method, value: v };
  return unsupported(arg, "MTS3011", `${method}`);
}

/** Methods of SDK objects: header maps, body buffers, the filter context, metadata, metrics... */
export function sdkMethod(ctx: TransformContext, obj: GoExpr, name: string, node: ts.CallExpression): GoExpr {
  const t = obj.type as { k: "api"; name: string };
  const o = paren(obj, Prec.Primary);
  const argNodes = node.arguments;
  const strings = () => ctx.exprList(argNodes, (a) => convert(ctx, lowerExpr(ctx, a), STRING, a)).map((v) => v.code);
  const opt = (code: string, type: GoType) => {
    ctx.use("js");
    return call(`js.Opt(${code})`, optionalOf(type));
  };
  switch (t.name) {
    case "HeaderMap":
    case "RequestHeaderMap":
    case "ResponseHeaderMap":
      return headerMethod(ctx, o, name, node);
    case "BodyBuffer":
      switch (name) {
        case "bytes":
          return call(`${o}.Bytes()`, { k: "bytes" });
        case "text":
          return call(`${o}.String()`, STRING);
        case "set":
        case "append":
        case "prepend": {
          const method = name[0]!.toUpperCase() + name.slice(1);
          const d = dataMethod(ctx, argNodes[0]!, method);
          return call(`${o}.${d.method}(${d.value.code})`, VOID);
        }
        case "drain":
          return call(`${o}.Drain(${integer(ctx, argNodes[0]!, "int")})`, VOID);
      }
      break;
    case "Context":
      switch (name) {
        case "sendLocalReply":
          return sendLocalReply(ctx, obj, node);
        case "getProperty":
          return opt(`${o}.Property(${strings()[0]})`, STRING);
        case "getSecret":
          return opt(`${o}.Secret(${strings()[0]})`, STRING);
        case "clearRouteCache":
          return call(`${o}.ClearRouteCache()`, VOID);
        case "refreshRouteCache":
          return call(`${o}.RefreshRouteCache()`, VOID);
        case "lookupConsumer":
          return call(`${o}.LookupConsumer(${strings().join(", ")})`, optionalOf(CONSUMER));
        case "setConsumer": {
          const c = convert(ctx, lowerExpr(ctx, argNodes[0]!), CONSUMER, argNodes[0]!);
          return call(`${o}.SetConsumer(${c.code})`, VOID);
        }
      }
      break;
    case "Consumer":
      if (name === "setting") return opt(`${o}.Setting(${strings()[0]})`, STRING);
      break;
    case "StreamInfo":
      if (name === "drainConnectionUponCompletion") return call(`${o}.DrainConnectionUponCompletion()`, VOID);
      break;
    case "DynamicMetadata":
      switch (name) {
        case "getString":
          return opt(`${o}.GetString(${strings().join(", ")})`, STRING);
        case "getNumber":
          return opt(`${o}.GetNumber(${strings().join(", ")})`, FLOAT);
        case "getBoolean":
          return opt(`${o}.GetBool(${strings().join(", ")})`, BOOL);
        case "set": {
          const [ns, key, value] = ctx.exprList(argNodes, (a, i) => (i < 2 ? convert(ctx, lowerExpr(ctx, a), STRING, a) : lowerExpr(ctx, a)));
          const v = value!;
          if (v.type.k === "string") return call(`${o}.SetString(${ns!.code}, ${key!.code}, ${v.code})`, VOID);
          if (v.type.k === "float" || v.type.k === "int") return call(`${o}.SetNumber(${ns!.code}, ${key!.code}, ${toFloat(v).code})`, VOID);
          if (v.type.k === "bool") return call(`${o}.SetBool(${ns!.code}, ${key!.code}, ${v.code})`, VOID);
          return unsupported(argNodes[2]!, "MTS3011", "metadata.set");
        }
      }
      break;
    case "FilterState":
      switch (name) {
        case "get":
          return opt(`${o}.Get(${strings()[0]})`, STRING);
        case "set":
          return filterStateSet(ctx, o, node);
      }
      break;
    case "DirectionControls":
    case "DecoderControls":
      switch (name) {
        case "addData": {
          const d = dataMethod(ctx, argNodes[0]!, "AddData");
          const streaming = convert(ctx, lowerExpr(ctx, argNodes[1]!), BOOL, argNodes[1]!);
          return call(`${o}.${d.method}(${d.value.code}, ${streaming.code})`, VOID);
        }
        case "injectData": {
          const d = dataMethod(ctx, argNodes[0]!, "InjectData");
          return call(`${o}.${d.method}(${d.value.code})`, VOID);
        }
        case "setUpstreamOverrideHost": {
          if (t.name !== "DecoderControls") break;
          const [host, strict] = ctx.exprList(argNodes, (a, i) => convert(ctx, lowerExpr(ctx, a), i === 0 ? STRING : BOOL, a));
          return call(`${o}.SetUpstreamOverrideHost(${host!.code}, ${strict!.code})`, VOID);
        }
      }
      break;
    case "ConfigEnv":
      if (name === "counter" || name === "gauge" || name === "histogram") {
        const method = name[0]!.toUpperCase() + name.slice(1);
        return call(`${o}.${method}(${strings()[0]})`, api(method));
      }
      break;
    case "Counter":
    case "Gauge":
    case "Histogram":
      return metricMethod(ctx, t.name, o, name, node);
  }
  return unsupported(node.expression, "MTS3009", `${t.name}.${name}()`);
}

function metricMethod(ctx: TransformContext, kind: string, o: string, name: string, node: ts.CallExpression): GoExpr {
  // Metric amounts stay JavaScript numbers: the backend checks them as the TypeScript host does.
  const arg = node.arguments[0];
  const amount = () => (arg ? toFloat(convert(ctx, lowerExpr(ctx, arg), FLOAT, arg)).code : "1");
  switch (name) {
    case "increment":
      if (kind === "Histogram") break;
      return call(`${o}.Increment(${amount()})`, VOID);
    case "decrement":
      if (kind !== "Gauge") break;
      return call(`${o}.Decrement(${amount()})`, VOID);
    case "set":
      if (kind !== "Gauge") break;
      return call(`${o}.Set(${amount()})`, VOID);
    case "record":
      if (kind !== "Histogram") break;
      return call(`${o}.Record(${amount()})`, VOID);
    case "value":
      if (kind === "Histogram") break;
      return call(`${o}.Value()`, FLOAT);
  }
  return unsupported(node.expression, "MTS3009", `${kind}.${name}()`);
}

function headerMethod(ctx: TransformContext, o: string, name: string, node: ts.CallExpression): GoExpr {
  const argNodes = node.arguments;
  const strings = () => ctx.exprList(argNodes, (a) => convert(ctx, lowerExpr(ctx, a), STRING, a)).map((v) => v.code);
  ctx.use("js");
  switch (name) {
    case "get":
      return call(`js.Opt(${o}.Get(${strings()[0]}))`, optionalOf(STRING));
    case "getAll":
      return call(`js.ArrayOf(${o}.GetAll(${strings()[0]}))`, { k: "array", elem: STRING });
    case "has":
      return call(`${o}.Has(${strings()[0]})`, BOOL);
    case "set":
    case "add":
    case "remove": {
      const args = strings();
      return call(`${o}.${name[0]!.toUpperCase()}${name.slice(1)}(${args.join(", ")})`, VOID);
    }
    case "keys":
      return call(`js.ArrayOf(${o}.Keys())`, { k: "array", elem: STRING });
    case "entries": {
      ctx.use("api");
      const fn = ctx.helper("headerEntries", "headerEntries", (n) =>
        `// ${n} is headers.entries(): every [name, value] pair, repeats included.\nfunc ${n}(h api.HeaderMap) *js.Array[*js.Array[string]] {\n\tout := js.NewArray[*js.Array[string]]()\n\th.Range(func(name, value string) bool {\n\t\tout.Push(js.NewArray(name, value))\n\t\treturn true\n\t})\n\treturn out\n}\n`,
      );
      return call(`${fn}(${o})`, { k: "array", elem: { k: "tuple", elems: [STRING, STRING] } });
    }
    case "forEach": {
      const cb = lowerCallback(ctx, argNodes[0]!, [STRING, STRING], { result: VOID });
      const fn = ctx.temp("fn");
      const args = cb.arity === 2 ? "value, name" : "value";
      return call(`${o}.Range(func(name, value string) bool {\n${fn} := ${cb.code}\n${fn}(${args})\nreturn true\n})`, VOID);
    }
  }
  return unsupported(node.expression, "MTS3009", `HeaderMap.${name}()`);
}

/** `filterState.set(key, value, { lifeSpan: LifeSpan.Connection })`: options from the defaults plus the given fields. */
function filterStateSet(ctx: TransformContext, o: string, node: ts.CallExpression): GoExpr {
  const [keyNode, valueNode, optionsNode] = node.arguments;
  const [key, value] = ctx.exprList([keyNode!, valueNode!], (a) => convert(ctx, lowerExpr(ctx, a), STRING, a));
  ctx.use("api");
  if (!optionsNode) return call(`${o}.Set(${key!.code}, ${value!.code}, api.DefaultFilterStateOptions)`, VOID);
  if (!ts.isObjectLiteralExpression(optionsNode)) {
    return unsupported(optionsNode, "MTS2017", "filter state options that are not an object literal", "Write the options inline: { lifeSpan: LifeSpan.Connection }.");
  }
  const fields: Record<string, { go: string; type: GoType }> = {
    readOnly: { go: "ReadOnly", type: BOOL },
    lifeSpan: { go: "LifeSpan", type: api("LifeSpan") },
    streamSharing: { go: "StreamSharing", type: api("StreamSharing") },
  };
  const given = new Map<string, string>();
  for (const p of optionsNode.properties) {
    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name) || !fields[p.name.text]) return unsupported(p, "MTS3009", `FilterStateOptions.${p.name?.getText() ?? "?"}`);
    const f = fields[p.name.text]!;
    given.set(f.go, convert(ctx, lowerExpr(ctx, p.initializer), f.type, p.initializer).code);
  }
  const parts = Object.values(fields).map((f) => `${f.go}: ${given.get(f.go) ?? `api.DefaultFilterStateOptions.${f.go}`}`);
  return call(`${o}.Set(${key!.code}, ${value!.code}, api.FilterStateOptions{${parts.join(", ")}})`, VOID);
}

/** `ctx.sendLocalReply(status, body, headers?, details?, grpcStatus?)`; headers in their JavaScript key order. */
function sendLocalReply(ctx: TransformContext, target: GoExpr, node: ts.CallExpression): GoExpr {
  const [statusNode, bodyNode, headersNode, detailsNode, grpcNode] = node.arguments;
  ctx.use("api");
  const status = integer(ctx, statusNode!, "int");
  const body = convert(ctx, lowerExpr(ctx, bodyNode!), STRING, bodyNode!);
  let headerCode = "nil";
  if (headersNode && !(ts.isIdentifier(headersNode) && headersNode.text === "undefined")) {
    if (ts.isObjectLiteralExpression(headersNode) && headersNode.properties.every((p) => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))) {
      const props = headersNode.properties as ts.NodeArray<ts.PropertyAssignment>;
      const names = props.map((p) => (p.name as ts.Identifier | ts.StringLiteral).text);
      if (new Set(names).size !== names.length || names.some((n) => /^\d+$/.test(n))) {
        return unsupported(headersNode, "MTS3004");
      }
      const values = ctx.exprList(props.map((p) => p.initializer), (n) => convert(ctx, lowerExpr(ctx, n), STRING, n));
      const headers = props.map((p, i) => `{Name: ${stringLiteral(names[i]!)}, Value: ${values[i]!.code}}`);
      headerCode = headers.length === 0 ? "nil" : `[]api.Header{${headers.join(", ")}}`;
    } else {
      const h = lowerExpr(ctx, headersNode);
      // A Record<string, string>, or one that may be undefined (an optional config field).
      const record = h.type.k === "opt" && h.type.nil === "undefined" ? h.type.inner : h.type;
      if (record.k !== "record" || record.value.k !== "string") return unsupported(headersNode, "MTS3004");
      const fn = ctx.helper("recordHeaders", "recordHeaders", (n) =>
        `// ${n} turns a Record<string, string> into reply headers, in the record's key order (none for undefined).\nfunc ${n}(r *js.Record[string]) []api.Header {\n\tif r == nil {\n\t\treturn nil\n\t}\n\tvar out []api.Header\n\tfor name, value := range r.All() {\n\t\tout = append(out, api.Header{Name: name, Value: value})\n\t}\n\treturn out\n}\n`,
      );
      ctx.use("js");
      headerCode = `${fn}(${h.code})`;
    }
  }
  const details = detailsNode && !(ts.isIdentifier(detailsNode) && detailsNode.text === "undefined") ? convert(ctx, lowerExpr(ctx, detailsNode), STRING, detailsNode).code : '""';
  const t = paren(target, Prec.Primary);
  if (grpcNode) {
    const grpc = integer(ctx, grpcNode, "int");
    return call(`${t}.SendGrpcLocalReply(${status}, ${body.code}, ${headerCode}, ${details}, ${grpc})`, api("Status"));
  }
  void simple;
  return call(`${t}.SendLocalReply(${status}, ${body.code}, ${headerCode}, ${details})`, api("Status"));
}
