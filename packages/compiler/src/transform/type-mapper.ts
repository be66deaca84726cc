import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { exported, uniqueName } from "../go/names.js";
import { type AnonField, type GoType, ANY, BOOL, ERROR, FLOAT, STRING, VOID, optionalOf, renderType } from "../go/types.js";
import type { TransformContext } from "./context.js";

/** A generated Go struct for a TypeScript interface or object type alias. */
export interface StructInfo {
  goName: string;
  tsName: string;
  fields: AnonField[];
  declaration: ts.Declaration;
}

const SDK_TYPES: Record<string, GoType> = {
  RequestHeaders: { k: "api", name: "RequestHeaderMap" },
  ResponseHeaders: { k: "api", name: "ResponseHeaderMap" },
  HeaderMap: { k: "api", name: "HeaderMap" },
  FilterContext: { k: "api", name: "Context" },
  BodyBuffer: { k: "api", name: "BodyBuffer" },
  LogEntry: { k: "api", name: "LogEntry", ref: true },
  Logger: { k: "api", name: "Logger" },
  Filter: ANY,
  Status: { k: "api", name: "Status" },
  LogLevel: { k: "api", name: "LogLevel" },
  DestroyReason: { k: "api", name: "DestroyReason" },
};

/** Maps TypeScript types to Go types, generating struct and interface declarations. */
export class TypeMapper {
  readonly structs = new Map<ts.Symbol, StructInfo>();
  readonly interfaces = new Map<ts.Symbol, string>();
  private readonly structNames = new Map<ts.Symbol, string>();

  constructor(private readonly ctx: TransformContext) {}

  private get checker(): ts.TypeChecker {
    return this.ctx.checker;
  }

  /** Reserves the Go name of a module-level interface or type alias. */
  nameTypeDeclaration(sym: ts.Symbol, tsName: string): string {
    const existing = this.structNames.get(sym);
    if (existing) return existing;
    const name = uniqueName(exported(tsName), this.ctx.packageNames);
    this.structNames.set(sym, name);
    return name;
  }

  /** The Go type of the TypeScript type of `node`, as flow analysis sees it there. */
  typeAt(node: ts.Node): GoType {
    return this.map(this.checker.getTypeAtLocation(node), node);
  }

  map(type: ts.Type, at: ts.Node): GoType {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) unsupported(at, "MTS2004", "any");
    if (f & ts.TypeFlags.Unknown) return ANY;
    if (f & ts.TypeFlags.Never) return VOID;
    if (f & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return VOID;
    if (f & ts.TypeFlags.Null) unsupported(at, "MTS2006");
    if (f & ts.TypeFlags.EnumLike) return this.mapEnum(type, at);
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return FLOAT;
    if (f & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral)) return STRING;
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return BOOL;
    if (f & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.ESSymbolLike)) {
      unsupported(at, "MTS2004", this.checker.typeToString(type));
    }
    if (type.isUnion()) return this.mapUnion(type, at);
    if (type.isIntersection()) unsupported(at, "MTS2004", this.checker.typeToString(type));
    if (f & ts.TypeFlags.TypeParameter) unsupported(at, "MTS2009");
    if (f & ts.TypeFlags.Object) return this.mapObject(type as ts.ObjectType, at);
    return unsupported(at, "MTS2004", this.checker.typeToString(type));
  }

  private mapEnum(type: ts.Type, at: ts.Node): GoType {
    const sym = type.symbol ?? type.aliasSymbol;
    const enumSym = sym && sym.flags & ts.SymbolFlags.EnumMember ? (sym as ts.Symbol & { parent?: ts.Symbol }).parent : sym;
    if (enumSym && this.ctx.isSdkSymbol(enumSym)) {
      const t = SDK_TYPES[enumSym.name];
      if (t) return t;
    }
    return unsupported(at, "MTS2024");
  }

  private mapUnion(type: ts.UnionType, at: ts.Node): GoType {
    let optional = false;
    const rest: ts.Type[] = [];
    for (const t of type.types) {
      if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) optional = true;
      else if (t.flags & ts.TypeFlags.Null) unsupported(at, "MTS2006");
      else rest.push(t);
    }
    let inner: GoType;
    if (rest.length === 0) return VOID;
    if (rest.length === 1) inner = this.map(rest[0]!, at);
    else if (rest.every((t) => t.flags & (ts.TypeFlags.StringLike))) inner = STRING;
    else if (rest.every((t) => t.flags & ts.TypeFlags.BooleanLike)) inner = BOOL;
    else if (rest.every((t) => t.flags & ts.TypeFlags.EnumLike)) inner = this.mapEnum(rest[0]!, at);
    else if (rest.every((t) => t.flags & ts.TypeFlags.NumberLike)) inner = FLOAT;
    else return unsupported(at, "MTS2005", this.checker.typeToString(type));
    return optional ? optionalOf(inner) : inner;
  }

  private mapObject(type: ts.ObjectType, at: ts.Node): GoType {
    const checker = this.checker;
    if (checker.isTupleType(type)) unsupported(at, "MTS2021");
    if (checker.isArrayType(type)) {
      const [elem] = checker.getTypeArguments(type as ts.TypeReference);
      return { k: "array", elem: this.map(elem!, at) };
    }
    const sym = type.aliasSymbol && this.ctx.isSdkSymbol(type.aliasSymbol) ? type.aliasSymbol : type.getSymbol();
    if (sym && this.ctx.isSdkSymbol(sym)) {
      const t = SDK_TYPES[sym.name];
      if (!t) unsupported(at, "MTS3009", sym.name);
      return t;
    }
    if (sym && this.ctx.isLibSymbol(sym)) {
      const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
      switch (sym.name) {
        case "Map":
        case "ReadonlyMap":
          return { k: "map", key: this.map(args[0]!, at), value: this.map(args[1]!, at) };
        case "Set":
        case "ReadonlySet":
          return { k: "set", elem: this.map(args[0]!, at) };
        case "ReadonlyArray":
          return { k: "array", elem: this.map(args[0]!, at) };
        case "Error":
        case "TypeError":
        case "RangeError":
        case "SyntaxError":
          return ERROR;
        case "Uint8Array":
          return { k: "bytes" };
      }
      if (sym.name !== "__type" && sym.name !== "__object") unsupported(at, "MTS2004", checker.typeToString(type));
    }
    const callSigs = type.getCallSignatures();
    const props = checker.getPropertiesOfType(type);
    if (callSigs.length > 0) {
      if (props.length > 0 || callSigs.length > 1) unsupported(at, "MTS2004", checker.typeToString(type));
      return this.signatureType(callSigs[0]!, at);
    }
    if (type.getStringIndexType() || type.getNumberIndexType()) unsupported(at, "MTS2004", checker.typeToString(type));
    if (sym && sym.flags & ts.SymbolFlags.Class) {
      return { k: "struct", name: this.ctx.vars.get(sym)?.goName ?? this.classNameOf(sym, at) };
    }
    const methods = props.filter((p) => p.flags & ts.SymbolFlags.Method);
    const named = this.namedSymbol(type);
    if (methods.length > 0) {
      if (methods.length !== props.length || !named) unsupported(at, "MTS2034", checker.typeToString(type));
      return this.interfaceFor(named!, at);
    }
    if (named) return { k: "struct", name: this.structFor(named, type, at).goName };
    return { k: "anon", fields: this.fieldsOf(type, at) };
  }

  private classNameOf(sym: ts.Symbol, at: ts.Node): string {
    const name = this.structNames.get(sym);
    if (!name) unsupported(at, "MTS2032", "class (declared outside the module level)");
    return name;
  }

  /** Records the Go name of a class (its struct). */
  nameClass(sym: ts.Symbol, goName: string): void {
    this.structNames.set(sym, goName);
  }

  /** The interface or type-alias symbol that names an object type, if any. */
  private namedSymbol(type: ts.Type): ts.Symbol | undefined {
    if (type.aliasSymbol) return type.aliasSymbol;
    const sym = type.getSymbol();
    if (sym && sym.flags & ts.SymbolFlags.Interface) return sym;
    return undefined;
  }

  signatureType(sig: ts.Signature, at: ts.Node): GoType {
    if (sig.typeParameters?.length) unsupported(sig.declaration?.typeParameters?.[0] ?? at, "MTS2009");
    const params = sig.getParameters().map((p) => {
      const decl = p.valueDeclaration;
      const t = this.map(this.checker.getTypeOfSymbol(p), decl ?? at);
      const optional = decl && ts.isParameter(decl) && (decl.questionToken || decl.initializer);
      return optional ? optionalOf(t) : t;
    });
    return { k: "func", params, result: this.map(sig.getReturnType(), at) };
  }

  fieldsOf(type: ts.Type, at: ts.Node): AnonField[] {
    const taken = new Set<string>();
    return this.checker.getPropertiesOfType(type).map((p) => {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      let t = this.map(this.checker.getTypeOfSymbol(p), p.valueDeclaration ?? at);
      if (optional && t.k === "opt") t = t.inner;
      return { name: p.name, goName: uniqueName(exported(p.name.replace(/[^A-Za-z0-9_]/g, "_")), taken), type: t, optional };
    });
  }

  /** The struct generated for a named data interface or alias, declared on first use. */
  structFor(sym: ts.Symbol, type: ts.Type, at: ts.Node): StructInfo {
    const existing = this.structs.get(sym);
    if (existing) return existing;
    const declaration = sym.declarations![0]!;
    const goName = this.nameTypeDeclaration(sym, sym.name);
    const info: StructInfo = { goName, tsName: sym.name, fields: [], declaration };
    this.structs.set(sym, info);
    info.fields = this.fieldsOf(type, at);
    return info;
  }

  private interfaceFor(sym: ts.Symbol, at: ts.Node): GoType {
    const existing = this.interfaces.get(sym);
    if (existing) return { k: "iface", name: existing };
    const goName = this.nameTypeDeclaration(sym, sym.name);
    this.interfaces.set(sym, goName);
    void at;
    return { k: "iface", name: goName };
  }

  /** Go source of a struct declaration. */
  renderStruct(info: StructInfo, use: (pkg: string) => void, doc: string): string {
    const lines = info.fields.map((f) => `\t${f.goName} ${renderType(f.optional ? optionalOf(f.type) : f.type, use)} \`js:"${f.name}"\``);
    return `${doc}type ${info.goName} struct {\n${lines.join("\n")}\n}\n`;
  }
}

export { FLOAT, STRING, BOOL };
