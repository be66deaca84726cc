import { ts } from "ts-morph";
import { unsupported } from "../../diagnostics/factory.js";
import { camelFromKebab, uniqueName } from "../../go/names.js";
import { printBody } from "../../go/printer.js";
import { ANY } from "../../go/types.js";
import type { CompiledPlugin } from "../../types.js";
import type { TransformContext } from "../context.js";
import { describeType } from "../config/descriptor.js";
import { schemaVar } from "../builtins/json.js";
import { lowerFunction } from "../functions.js";

export interface LoweredPlugin extends CompiledPlugin {
  /** The Go variable holding the *api.Plugin. */
  goVar: string;
}

export function isDefinePluginCall(ctx: TransformContext, e: ts.Expression): e is ts.CallExpression {
  if (!ts.isCallExpression(e)) return false;
  const sym = ctx.symbolOf(e.expression);
  return sym !== undefined && ctx.isSdkSymbol(sym) && sym.name === "definePlugin";
}

/**
 * `export default definePlugin<Config>({ name: "x", create })` →
 * `var xPlugin = &api.Plugin{Name, DecodeConfig, NewFilter}` and the config schema.
 */
export function lowerPlugin(ctx: TransformContext, node: ts.ExportAssignment, call: ts.CallExpression): LoweredPlugin {
  const arg = call.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return unsupported(call, "MTS3003", "name");
  const prop = (name: string) => arg.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
  const nameProp = prop("name");
  if (!nameProp || !ts.isPropertyAssignment(nameProp)) return unsupported(arg, "MTS3003", "name");
  const nameInit = nameProp.initializer;
  if (!ts.isStringLiteral(nameInit) && !ts.isNoSubstitutionTemplateLiteral(nameInit)) return unsupported(nameInit, "MTS3001");
  const pluginName = nameInit.text;
  const createProp = prop("create");
  let create: ts.FunctionLikeDeclaration | undefined;
  if (createProp && ts.isMethodDeclaration(createProp)) create = createProp;
  else if (createProp && ts.isPropertyAssignment(createProp) && (ts.isArrowFunction(createProp.initializer) || ts.isFunctionExpression(createProp.initializer))) {
    create = createProp.initializer;
  }
  if (!create) return unsupported(createProp ?? arg, "MTS3003", "create");

  // The Config type: the type argument of definePlugin (explicit or inferred).
  const defType = ctx.checker.getTypeAtLocation(call);
  const configType = defType.aliasTypeArguments?.[0] ?? ctx.checker.getTypeArguments(defType as ts.TypeReference)[0];
  if (!configType || configType.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return unsupported(call, "MTS3008");
  const configAt = call.typeArguments?.[0] ?? call;
  const schema = describeType(ctx, configType, configAt);
  const configGoType = ctx.types.map(configType, configAt);
  const base = camelFromKebab(pluginName);
  const schemaName = schemaVar(ctx, configType, configAt, `${base}ConfigSchema`);
  const fn = lowerFunction(ctx, create, { paramTypes: [{ k: "api", name: "Context" }, ANY], paramCount: 2, result: ANY });
  const goVar = uniqueName(`${base}Plugin`, ctx.packageNames);
  ctx.use("api");
  ctx.use("js");
  const text =
    `//line ${node.getSourceFile().fileName}:${ctx.lineOf(node).line}\n` +
    `// ${goVar} is the plugin ${JSON.stringify(pluginName)}, the default export of ${node.getSourceFile().fileName.split("/").pop()}.\n` +
    `var ${goVar} = &api.Plugin{\n` +
    `Name: ${JSON.stringify(pluginName)},\n` +
    `DecodeConfig: func(data []byte) (any, error) {\n` +
    `return js.DecodeJSON[${ctx.render(configGoType)}](data, ${schemaName})\n},\n` +
    `NewFilter: func(${fn.params}) any {\n${printBody(fn.body)}\n},\n}\n`;
  ctx.file.addDecl(node.getStart(), text);
  return { name: pluginName, entry: node.getSourceFile().fileName, schema, goVar };
}
