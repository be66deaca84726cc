import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { Prec, expr } from "../../go/expr.js";
import { camelFromKebab, uniqueName } from "../../go/names.js";
import { printBody } from "../../go/printer.js";
import { DYN, type GoType, sameType } from "../../go/types.js";
import type { CompiledPlugin } from "../../types.js";
import { configSchemaVar } from "../builtins/json.js";
import { box } from "../coerce.js";
import type { TransformContext } from "../context.js";
import { describeType } from "../config/descriptor.js";
import { funcLiteral, lowerFunction } from "../functions.js";
import { checkFilterValues } from "./filter-values.js";

export interface LoweredPlugin extends CompiledPlugin {
  /** The Go variable holding the *api.Plugin. */
  goVar: string;
}

export function isDefinePluginCall(ctx: TransformContext, e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const sym = ctx.symbolOf(e.expression);
  return sym !== undefined && ctx.isSdkSymbol(sym) && sym.name === "definePlugin";
}

function functionProperty(ctx: TransformContext, arg: ts.ObjectLiteralExpression, name: string): ts.FunctionLikeDeclaration | undefined {
  const p = arg.properties.find((x) => x.name && ts.isIdentifier(x.name) && x.name.text === name);
  if (!p) return undefined;
  if (ts.isMethodDeclaration(p)) return p;
  if (ts.isPropertyAssignment(p) && (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer))) return p.initializer;
  // `configure,` or `configure: prepare`: a function declared in the module.
  const id = ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) && ts.isIdentifier(p.initializer) ? p.initializer : undefined;
  const decl = id ? ctx.symbolOf(id)?.valueDeclaration : undefined;
  if (decl && ts.isFunctionDeclaration(decl) && decl.body && !decl.typeParameters?.length) return decl;
  return unsupported(p, "MTS3003", name);
}

/**
 * `export default definePlugin<Config, Parsed>({ name, configure?, create })` →
 * `var xPlugin = &api.Plugin{Name, DecodeConfig, Configure, NewFilter}` and the config schema.
 */
export function lowerPlugin(ctx: TransformContext, node: ts.ExportAssignment, call: ts.CallExpression): LoweredPlugin {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return unsupported(call, "MTS3003", "name");
  const nameProp = arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === "name");
  if (!nameProp || !ts.isPropertyAssignment(nameProp)) return unsupported(arg, "MTS3003", "name");
  const nameInit = nameProp.initializer;
  if (!ts.isStringLiteral(nameInit) && !ts.isNoSubstitutionTemplateLiteral(nameInit)) return unsupported(nameInit, "MTS3001");
  const pluginName = nameInit.text;
  // The runtime's built-in consumers plugin owns this name (api.ConsumersPluginName).
  if (pluginName === "mosn-ts-consumers") return unsupported(nameInit, "MTS3012", pluginName);
  const create = functionProperty(ctx, arg, "create");
  if (!create) return unsupported(arg, "MTS3003", "create");
  const configure = functionProperty(ctx, arg, "configure");
  checkFilterValues(ctx, create);

  // The Config and Parsed types: the type arguments of definePlugin (explicit or inferred).
  const defType = ctx.checker.getTypeAtLocation(call);
  const typeArgs = defType.aliasTypeArguments ?? ctx.checker.getTypeArguments(defType as ts.TypeReference);
  const configType = typeArgs[0];
  if (!configType || configType.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return unsupported(call, "MTS3008");
  const parsedType = typeArgs[1] ?? configType;
  const configAt = call.typeArguments?.[0] ?? call;
  const schema = describeType(ctx, configType, configAt);
  const configGoType = ctx.types.map(configType, configAt);
  const parsedGoType: GoType = configure ? ctx.types.map(parsedType, call.typeArguments?.[1] ?? configure) : configGoType;
  const base = camelFromKebab(pluginName);
  const schemaName = configSchemaVar(ctx, configType, configAt, `${base}ConfigSchema`);
  const goVar = uniqueName(`${base}Plugin`, ctx.packageNames);
  ctx.use("api");
  ctx.use("js");
  const line = ctx.lineOf(node);
  let configureField = "";
  if (configure) {
    // A module function of the right Go signature is called by name; an inline one is a literal.
    const declared = ts.isFunctionDeclaration(configure) && configure.name ? ctx.vars.get(ctx.symbolOf(configure.name)!) : undefined;
    const wanted: GoType = { k: "func", params: [configGoType, { k: "api", name: "ConfigEnv" }], result: parsedGoType };
    const byName = declared && sameType(declared.type, wanted) ? declared.goName : undefined;
    const callee = byName ?? "configure";
    const result = box(ctx, expr(`${callee}(config.(${ctx.render(configGoType)}), env)`, parsedGoType, Prec.Primary, { call: true }));
    const local = byName ? "" : `configure := ${funcLiteral(lowerFunction(ctx, configure, { paramTypes: [configGoType, { k: "api", name: "ConfigEnv" }], paramCount: 2, result: parsedGoType }))}\n`;
    configureField =
      `Configure: func(config any, env api.ConfigEnv) (any, error) {\n` +
      local +
      `return js.Configure(func() any {\nreturn ${result.code}\n})\n},\n`;
  }
  const fn = lowerFunction(ctx, create, { paramTypes: [{ k: "api", name: "Context" }, parsedGoType], paramCount: 2, result: DYN });
  const createLit = funcLiteral(fn);
  const text =
    `// ${goVar} is the plugin ${JSON.stringify(pluginName)}, the default export of ${node.getSourceFile().fileName.split("/").pop()}.\n` +
    `var ${goVar} = &api.Plugin{\n` +
    `//line ${line.file}:${line.line}\n` +
    `Name: ${JSON.stringify(pluginName)},\n` +
    `DecodeConfig: func(data []byte) (any, error) {\n` +
    `return js.DecodeJSON[${ctx.render(configGoType)}](data, ${schemaName})\n},\n` +
    configureField +
    `NewFilter: func(ctx api.Context, config any) any {\n` +
    `create := ${createLit}\n` +
    `return create(ctx, config.(${ctx.render(parsedGoType)}))\n},\n}\n`;
  ctx.file.addDecl(node.getStart(), text);
  void printBody;
  return { name: pluginName, entry: node.getSourceFile().fileName, schema, goVar };
}
