import { ts } from "ts-morph";
import { unsupported } from "../diagnostics/factory.js";
import { exported, uniqueName } from "../go/names.js";
import {
  type GoType,
  BOOL,
  DYN,
  ERROR,
  FLOAT,
  NULL,
  STRING,
  VOID,
  optionalOf,
  sameType,
  typeKey,
  typeNameFragment,
} from "../go/types.js";
import { type EnumInfo, readEnum } from "./enums.js";
import { nameHint } from "./naming.js";
import { type FieldInfo, type StructInfo, StructRegistry, fieldStorage, structuralKey } from "./structs.js";

/** What the mapper needs from the compilation. */
export interface MapperHost {
  readonly checker: ts.TypeChecker;
  readonly packageNames: Set<string>;
  isSdkSymbol(s: ts.Symbol | undefined): boolean;
  isLibSymbol(s: ts.Symbol | undefined): boolean;
  /** The Go type of an instance of a user class (struct, or interface when it has subclasses). */
  classInstanceType(sym: ts.Symbol, typeArgs: readonly ts.Type[], at: ts.Node): GoType;
}

/** A Go interface generated for a TypeScript interface of methods only. */
export interface IfaceInfo {
  goName: string;
  methods: { name: string; goName: string; type: GoType }[];
  declaration?: ts.Node;
  emitted: boolean;
}

/** A Go alias (`type Shape = any`) naming a union type alias. */
export interface DynAlias {
  goName: string;
  declaration: ts.Node;
  emitted: boolean;
}

const SDK_TYPES: Record<string, GoType> = {
  RequestHeaders: { k: "api", name: "RequestHeaderMap" },
  ResponseHeaders: { k: "api", name: "ResponseHeaderMap" },
  HeaderMap: { k: "api", name: "HeaderMap" },
  FilterContext: { k: "api", name: "Context" },
  BodyBuffer: { k: "api", name: "BodyBuffer" },
  LogEntry: { k: "api", name: "LogEntry", ref: true },
  Consumer: { k: "api", name: "Consumer", ref: true },
  Filter: DYN,
  Status: { k: "api", name: "Status" },
  LogLevel: { k: "api", name: "LogLevel" },
  DestroyReason: { k: "api", name: "DestroyReason" },
  LifeSpan: { k: "api", name: "LifeSpan" },
  StreamSharing: { k: "api", name: "StreamSharing" },
  StreamInfo: { k: "api", name: "StreamInfo" },
  DynamicMetadata: { k: "api", name: "DynamicMetadata" },
  FilterState: { k: "api", name: "FilterState" },
  ConfigEnv: { k: "api", name: "ConfigEnv" },
  Counter: { k: "api", name: "Counter" },
  Gauge: { k: "api", name: "Gauge" },
  Histogram: { k: "api", name: "Histogram" },
  DirectionControls: { k: "api", name: "DirectionControls" },
  DecoderControls: { k: "api", name: "DecoderControls" },
};

const ERROR_CLASSES = new Set(["Error", "TypeError", "RangeError", "SyntaxError", "URIError", "EvalError", "ReferenceError"]);

/** Maps TypeScript types to Go types, registering the structs, interfaces and enums they need. */
export class TypeMapper {
  readonly structs = new StructRegistry();
  readonly ifaces = new Map<string, IfaceInfo>();
  readonly enums = new Map<ts.Symbol, EnumInfo>();
  readonly dynAliases = new Map<ts.Symbol, DynAlias>();
  /** Type parameter → Go type, while a generic instance is being lowered. */
  private subst = new Map<ts.Type, GoType>();
  /** Structs whose fields are being mapped (a reference back to one makes it recursive). */
  private readonly inProgress = new Set<StructInfo>();
  private substKey = "";
  private elementDepth = 0;

  constructor(private readonly host: MapperHost) {}

  private get checker(): ts.TypeChecker {
    return this.host.checker;
  }

  /** Runs fn with type parameters bound to Go types (a generic instance). */
  withSubst<T>(bindings: Map<ts.Type, GoType>, fn: () => T): T {
    const saved = this.subst;
    const savedKey = this.substKey;
    this.subst = new Map([...saved, ...bindings]);
    this.substKey = [...this.subst.entries()].map(([t, g]) => `${(t as { id?: number }).id}=${typeKey(g)}`).join(",");
    try {
      return fn();
    } finally {
      this.subst = saved;
      this.substKey = savedKey;
    }
  }

  /** The current binding of a type parameter. */
  bound(t: ts.Type): GoType | undefined {
    return this.subst.get(t);
  }

  /** The Go type of the TypeScript type of `node`, as flow analysis sees it there. */
  typeAt(node: ts.Node): GoType {
    return this.map(this.checker.getTypeAtLocation(node), node);
  }

  map(type: ts.Type, at: ts.Node): GoType {
    const f = type.flags;
    if (f & ts.TypeFlags.Any) unsupported(at, "MTS2004", "any");
    if (f & ts.TypeFlags.Unknown) return DYN;
    // A value typed never exists at run time only when the types were wrong (an exhaustive
    // switch's default reached with unchecked data): it is whatever JavaScript value it is.
    if (f & ts.TypeFlags.Never) return DYN;
    if (f & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return VOID;
    if (f & ts.TypeFlags.Null) return NULL;
    if (f & ts.TypeFlags.TypeParameter) return this.mapTypeParameter(type, at);
    if (f & ts.TypeFlags.EnumLike) return this.mapEnum(type, at);
    if (f & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return FLOAT;
    if (f & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) return STRING;
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return BOOL;
    if (f & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.ESSymbolLike)) {
      unsupported(at, "MTS2004", this.checker.typeToString(type));
    }
    if (type.isUnion()) return this.mapUnion(type, at);
    if (type.isIntersection()) return this.mapIntersection(type, at);
    if (f & ts.TypeFlags.Object) return this.mapObject(type as ts.ObjectType, at);
    if (f & ts.TypeFlags.NonPrimitive) unsupported(at, "MTS2004", "object", "Give the object type its properties.");
    return unsupported(at, "MTS2004", this.checker.typeToString(type));
  }

  private mapTypeParameter(type: ts.Type, at: ts.Node): GoType {
    const bound = this.subst.get(type);
    if (bound) return bound;
    if ((type as { isThisType?: boolean }).isThisType) {
      const constraint = type.getConstraint();
      if (constraint) return this.map(constraint, at);
    }
    return unsupported(at, "MTS2009", this.checker.typeToString(type));
  }

  private mapEnum(type: ts.Type, at: ts.Node): GoType {
    const sym = type.symbol ?? type.aliasSymbol;
    const enumSym = sym && sym.flags & ts.SymbolFlags.EnumMember ? (sym as ts.Symbol & { parent?: ts.Symbol }).parent : sym;
    if (enumSym && this.host.isSdkSymbol(enumSym)) {
      const t = SDK_TYPES[enumSym.name];
      if (t) return t;
      return unsupported(at, "MTS3009", enumSym.name);
    }
    if (type.isUnion()) return this.mapUnion(type, at);
    if (!enumSym || !(enumSym.flags & ts.SymbolFlags.Enum)) return unsupported(at, "MTS2024", this.checker.typeToString(type));
    const info = this.enumFor(enumSym, at);
    return info.kind === "float" ? { k: "float", alias: info.goName } : { k: "string", alias: info.goName };
  }

  /** The Go constants of a user enum (registered on first use). */
  enumFor(sym: ts.Symbol, at: ts.Node): EnumInfo {
    const existing = this.enums.get(sym);
    if (existing) return existing;
    const decls = (sym.declarations ?? []).filter(ts.isEnumDeclaration);
    if (decls.length !== 1) return unsupported(at, "MTS2024", "an enum declared in several parts");
    const info = readEnum(this.checker, decls[0]!, this.host.packageNames);
    this.enums.set(sym, info);
    return info;
  }

  private mapUnion(type: ts.UnionType, at: ts.Node): GoType {
    let hasUndefined = false;
    let hasNull = false;
    const rest: ts.Type[] = [];
    for (const t of type.types) {
      if (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) hasUndefined = true;
      else if (t.flags & ts.TypeFlags.Null) hasNull = true;
      else if (!(t.flags & ts.TypeFlags.Never)) rest.push(t);
    }
    // The alias is declared only when a union really becomes `any`.
    const named = (): GoType => this.unionAlias(type) ?? DYN;
    if (rest.length === 0) return hasNull && hasUndefined ? DYN : hasNull ? NULL : VOID;
    const merged = this.mergedObjectLiterals(type, rest, at);
    if (merged && !hasNull) return hasUndefined ? optionalOf(merged, "undefined") : merged;
    const members = rest.map((t) => this.map(t, at));
    const first = members[0]!;
    let inner: GoType;
    if (members.every((m) => sameType(m, first))) inner = first;
    else if (members.every((m) => m.k === "bool")) inner = BOOL;
    else inner = named();
    if (inner.k === "dyn") return named();
    // null is a value: T | null lives in an `any` (nil = undefined, js.Null = null), so that
    // null and undefined stay apart everywhere (JSON, console output, containers).
    if (hasNull) return named();
    if (hasUndefined) return optionalOf(inner, "undefined");
    return inner;
  }

  /**
   * The union TypeScript infers for object literals of different shapes
   * (`[{ a: 1, b: "x" }, { a: 2 }]` is `{ a: number; b: string } | { a: number; b?: undefined }`):
   * one struct with every member's properties, those missing from some member optional.
   * Each member type is registered as that struct too, so a literal of any shape, and the
   * value narrowed to one member, are the same Go value; a property of different types in
   * different members is held as `any`. Undefined when the members are not all inferred
   * object literals.
   */
  private mergedObjectLiterals(type: ts.UnionType, rest: ts.Type[], at: ts.Node): GoType | undefined {
    if (type.aliasSymbol || rest.length < 2 || !rest.every((t) => isInferredObjectLiteral(this.checker, t))) return undefined;
    const known = this.structs.byTsType.get(mergeKey(rest, this.substKey));
    if (known) return { k: "struct", name: known.goName };
    // Literals written where a declared union is expected (`return c ? { ok: false } : { ok: true, v }`
    // in a function returning Result) are built as that union's members: they keep its representation.
    const contextual = ts.isExpression(at) ? this.checker.getContextualType(at) : undefined;
    if (contextual && contextual !== type && (contextual.isUnion() || contextual.aliasSymbol)) return undefined;
    return { k: "struct", name: this.mergeLiterals(rest, at).goName };
  }

  /** The one struct of several inferred object-literal types (see mergedObjectLiterals). */
  private mergeLiterals(members: ts.Type[], at: ts.Node): StructInfo {
    const key = mergeKey(members, this.substKey);
    const known = this.structs.byTsType.get(key);
    if (known) return known;
    // Each property's types in the members, undefined (a missing or `?: undefined` property) apart.
    const props = new Map<string, { types: ts.Type[]; optional: boolean; seen: number; decl?: ts.Node }>();
    for (const member of members) {
      for (const p of this.checker.getPropertiesOfType(member)) {
        const entry = props.get(p.name) ?? { types: [], optional: false, seen: 0 };
        entry.seen++;
        entry.decl ??= p.valueDeclaration ?? p.declarations?.[0];
        if (p.flags & ts.SymbolFlags.Optional) entry.optional = true;
        const t = this.checker.getTypeOfSymbol(p);
        for (const part of t.isUnion() ? t.types : [t]) {
          if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) entry.optional = true;
          else if (!entry.types.includes(part)) entry.types.push(part);
        }
        props.set(p.name, entry);
      }
    }
    const taken = new Set<string>();
    const fields: FieldInfo[] = [...props].map(([name, e]) => {
      const optional = e.optional || e.seen < members.length;
      return { name, goName: uniqueName(fieldName(name), taken), type: this.mergedPropertyType(e.types, e.decl ?? at), optional };
    });
    const goName = uniqueName(exported(nameHint(at, this.elementDepth > 0)), this.host.packageNames);
    let info: StructInfo = { goName, tsName: "", fields, aliases: [], needsKeys: fields.some((f) => f.optional), emitted: false };
    const same = this.structs.sameStructure(fields);
    if (same) {
      this.host.packageNames.delete(goName);
      info = same;
    } else this.structs.add(info, true);
    this.structs.byTsType.set(key, info);
    // A member reached by narrowing (`if (u.tags !== undefined)`) is the same value.
    for (const member of members) {
      const id = `${(member as { id?: number }).id}|${this.substKey}`;
      if (!this.structs.byTsType.has(id)) this.structs.byTsType.set(id, info);
    }
    return info;
  }

  /**
   * The Go type of a property in merged literals: nested literals of different shapes merge
   * in turn (`[{ p: { x: 1 } }, { p: { y: 2 } }]`); different types otherwise hold any value.
   */
  private mergedPropertyType(types: ts.Type[], at: ts.Node): GoType {
    if (types.length === 0) return DYN; // only ever undefined
    if (types.length > 1 && types.every((t) => isInferredObjectLiteral(this.checker, t))) return { k: "struct", name: this.mergeLiterals(types, at).goName };
    const mapped = types.map((t) => this.map(t, at));
    const first = mapped[0]!;
    if (mapped.every((m) => sameType(m, first))) return first.k === "nil" || first.k === "void" ? DYN : first;
    if (mapped.every((m) => m.k === "bool")) return BOOL;
    return DYN;
  }

  /** A named union of several types (type Shape = Circle | Square) becomes `type Shape = any`. */
  private unionAlias(type: ts.UnionType): GoType | undefined {
    const sym = type.aliasSymbol;
    if (!sym || this.host.isSdkSymbol(sym) || this.host.isLibSymbol(sym) || type.aliasTypeArguments?.length) return undefined;
    const decl = sym.declarations?.[0];
    if (!decl) return undefined;
    let alias = this.dynAliases.get(sym);
    if (!alias) {
      alias = { goName: uniqueName(exported(sym.name), this.host.packageNames), declaration: decl, emitted: false };
      this.dynAliases.set(sym, alias);
    }
    return { k: "dyn", name: alias.goName };
  }

  private mapIntersection(type: ts.IntersectionType, at: ts.Node): GoType {
    // Branded primitives (string & { __brand: "Id" }) and narrowed type parameters (T & string).
    const primitive = type.types.find((t) => t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike));
    if (primitive) return this.map(primitive, at);
    const params = type.types.filter((t) => t.flags & ts.TypeFlags.TypeParameter);
    if (params.length > 0) {
      const others = type.types.filter((t) => !(t.flags & ts.TypeFlags.TypeParameter));
      const mapped = params.map((p) => this.map(p, at));
      if (mapped.every((m) => m.k !== "dyn")) return mapped[0]!;
      if (others.length === 1) return this.map(others[0]!, at);
      return unsupported(at, "MTS2004", this.checker.typeToString(type));
    }
    if (type.types.every((t) => t.flags & ts.TypeFlags.Object)) {
      // A & B where A already has every property (Object.assign(a, {...}) results): A itself.
      const all = this.checker.getPropertiesOfType(type).map((p) => p.name);
      const whole = type.types.find((t) => {
        const names = new Set(this.checker.getPropertiesOfType(t).map((p) => p.name));
        return all.every((n) => names.has(n));
      });
      if (whole) return this.map(whole, at);
      // Record<string, V> & { a: V }: the record (Object.assign into a record).
      const indexed = type.types.find((t) => this.checker.getIndexInfoOfType(t, ts.IndexKind.String) !== undefined);
      if (indexed) {
        const value = this.checker.getIndexInfoOfType(indexed, ts.IndexKind.String)!.type;
        const fits = type.types.every((t) => t === indexed || this.checker.getPropertiesOfType(t).every((p) => this.checker.isTypeAssignableTo(this.checker.getTypeOfSymbol(p), value)));
        if (fits) return this.map(indexed, at);
      }
      return this.mapObjectProperties(type, at);
    }
    return unsupported(at, "MTS2004", this.checker.typeToString(type));
  }

  private mapObject(type: ts.ObjectType, at: ts.Node): GoType {
    const checker = this.checker;
    if (checker.isTupleType(type)) return this.mapTuple(type as ts.TypeReference, at);
    if (checker.isArrayType(type)) {
      const [elem] = checker.getTypeArguments(type as ts.TypeReference);
      const e = this.element(() => this.map(elem!, at));
      return { k: "array", elem: e.k === "void" ? DYN : e };
    }
    const sdkSym = type.aliasSymbol && this.host.isSdkSymbol(type.aliasSymbol) ? type.aliasSymbol : type.getSymbol();
    if (sdkSym && this.host.isSdkSymbol(sdkSym)) {
      const t = SDK_TYPES[sdkSym.name];
      if (!t) unsupported(at, "MTS3009", sdkSym.name);
      return t;
    }
    const sym = type.getSymbol();
    if (sym && this.host.isLibSymbol(sym)) return this.mapLibType(type, sym, at);
    const callSigs = type.getCallSignatures();
    const props = checker.getPropertiesOfType(type);
    // `{}` (what narrowing leaves of unknown: any value but null and undefined).
    if (props.length === 0 && callSigs.length === 0 && !type.aliasSymbol && (!sym || sym.name === "__type") && !type.getStringIndexType()) return DYN;
    if (callSigs.length > 0) {
      if (props.length > 0 || callSigs.length > 1) unsupported(at, "MTS2004", checker.typeToString(type), "Give the function a single signature.");
      return this.signatureType(callSigs[0]!, at);
    }
    if (type.getConstructSignatures().length > 0) unsupported(at, "MTS2004", checker.typeToString(type), "Classes are not values: call 'new' directly.");
    if (sym && sym.flags & ts.SymbolFlags.Class) {
      const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
      return this.host.classInstanceType(sym, args, at);
    }
    const stringIndex = type.getStringIndexType() ?? type.getNumberIndexType();
    if (stringIndex) {
      if (props.length > 0) unsupported(at, "MTS2004", checker.typeToString(type), "Use Record<string, V> or an interface without an index signature, not both.");
      return { k: "record", value: this.map(stringIndex, at) };
    }
    return this.mapObjectProperties(type, at);
  }

  private mapLibType(type: ts.ObjectType, sym: ts.Symbol, at: ts.Node): GoType {
    const checker = this.checker;
    const args = (type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : [];
    switch (sym.name) {
      case "Map":
      case "ReadonlyMap":
        return { k: "map", key: this.map(args[0]!, at), value: this.map(args[1]!, at) };
      case "Set":
      case "ReadonlySet":
        return { k: "set", elem: this.map(args[0]!, at) };
      case "ReadonlyArray":
        return { k: "array", elem: this.element(() => this.map(args[0]!, at)) };
      case "Uint8Array":
        return { k: "bytes" };
      case "RegExp":
        return { k: "regexp" };
      case "RegExpExecArray":
      case "RegExpMatchArray":
        return { k: "match" };
      case "Promise":
        return { k: "promise", inner: this.map(args[0]!, at) };
      case "TextEncoder":
        return { k: "struct", name: "js.TextEncoder" };
      case "TextDecoder":
        return { k: "struct", name: "js.TextDecoder" };
    }
    if (ERROR_CLASSES.has(sym.name)) return ERROR;
    if (sym.name === "__type" || sym.name === "__object") {
      const stringIndex = type.getStringIndexType() ?? type.getNumberIndexType();
      if (stringIndex && checker.getPropertiesOfType(type).length === 0) return { k: "record", value: this.map(stringIndex, at) };
      return this.mapObjectProperties(type, at);
    }
    return unsupported(at, "MTS2004", checker.typeToString(type));
  }

  private mapTuple(type: ts.TypeReference, at: ts.Node): GoType {
    const target = type.target as ts.TupleType;
    if (target.elementFlags.some((f) => f & (ts.ElementFlags.Optional | ts.ElementFlags.Variable))) {
      unsupported(at, "MTS2021", this.checker.typeToString(type));
    }
    const elems = this.checker.getTypeArguments(type).map((t) => this.map(t, at));
    return { k: "tuple", elems };
  }

  private element<T>(fn: () => T): T {
    this.elementDepth++;
    try {
      return fn();
    } finally {
      this.elementDepth--;
    }
  }

  /** An object type of properties: a Go struct, or a Go interface when it has only methods. */
  private mapObjectProperties(type: ts.Type, at: ts.Node): GoType {
    const checker = this.checker;
    const props = checker.getPropertiesOfType(type);
    const methods = props.filter((p) => p.flags & ts.SymbolFlags.Method);
    const named = this.namedSymbol(type);
    if (methods.length > 0 && methods.length === props.length && named) return this.ifaceFor(named, type, at);
    return { k: "struct", name: this.structFor(type, at).goName };
  }

  /** The interface or type-alias symbol that names an object type, if any. */
  private namedSymbol(type: ts.Type): ts.Symbol | undefined {
    if (type.aliasSymbol) return type.aliasSymbol;
    const sym = type.getSymbol();
    if (sym && sym.flags & ts.SymbolFlags.Interface) return sym;
    return undefined;
  }

  private typeArgsOf(type: ts.Type): readonly ts.Type[] {
    if (type.aliasTypeArguments?.length) return type.aliasTypeArguments;
    if ((type as ts.TypeReference).target && ((type as ts.ObjectType).objectFlags ?? 0) & ts.ObjectFlags.Reference) return this.checker.getTypeArguments(type as ts.TypeReference);
    return [];
  }

  /** The struct of an object type: by identity, else by structure, else a new one. */
  structFor(type: ts.Type, at: ts.Node): StructInfo {
    const id = `${(type as { id?: number }).id}|${this.substKey}`;
    const known = this.structs.byTsType.get(id);
    if (known) {
      if (this.inProgress.has(known)) known.recursive = true;
      return known;
    }
    const named = this.namedSymbol(type);
    const args = named ? this.typeArgsOf(type) : [];
    const baseName = named ? named.name : nameHint(at, this.elementDepth > 0);
    const argNames = args.map((a) => typeNameFragment(this.map(a, at))).join("");
    const goName = uniqueName(exported(`${baseName}${argNames}`), this.host.packageNames);
    const declaration = named?.declarations?.[0];
    const info: StructInfo = { goName, tsName: named?.name ?? "", fields: [], aliases: [], needsKeys: false, emitted: false };
    if (declaration && !this.host.isLibSymbol(named)) info.declaration = declaration;
    // Registered before the fields are mapped: a recursive type refers to itself by name.
    this.structs.byTsType.set(id, info);
    this.structs.byGoName.set(goName, info);
    this.inProgress.add(info);
    const taken = new Set<string>();
    const fields: FieldInfo[] = [];
    for (const p of this.checker.getPropertiesOfType(type)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      let t = this.map(this.checker.getTypeOfSymbol(p), decl ?? at);
      if (optional) t = stripUndefined(t);
      if (t.k === "void" || t.k === "nil") t = DYN; // a property that only ever holds undefined
      fields.push({ name: p.name, goName: uniqueName(fieldName(p.name), taken), type: t, optional });
    }
    info.fields = fields;
    info.needsKeys = fields.some((f) => f.optional);
    this.inProgress.delete(info);
    const recursive = info.recursive === true;
    if (!recursive) {
      const same = this.structs.sameStructure(fields);
      if (same && same !== info) {
        this.structs.byTsType.set(id, same);
        this.structs.byGoName.delete(goName);
        this.host.packageNames.delete(goName);
        if (named && named.name !== same.tsName && !this.host.isLibSymbol(named) && declaration) {
          const aliasName = uniqueName(exported(`${baseName}${argNames}`), this.host.packageNames);
          if (!same.aliases.includes(aliasName)) same.aliases.push(aliasName);
        }
        return same;
      }
    }
    this.structs.add(info, !recursive);
    void structuralKey;
    return info;
  }

  private ifaceFor(sym: ts.Symbol, type: ts.Type, at: ts.Node): GoType {
    const key = `${sym.name}#${(type as { id?: number }).id}|${this.substKey}`;
    const existing = this.ifaces.get(key);
    if (existing) return { k: "iface", name: existing.goName };
    const args = this.typeArgsOf(type);
    const goName = uniqueName(exported(`${sym.name}${args.map((a) => typeNameFragment(this.map(a, at))).join("")}`), this.host.packageNames);
    const info: IfaceInfo = { goName, methods: [], emitted: false };
    const decl = sym.declarations?.[0];
    if (decl) info.declaration = decl;
    this.ifaces.set(key, info);
    const taken = new Set<string>();
    for (const p of this.checker.getPropertiesOfType(type)) {
      const sigs = this.checker.getTypeOfSymbol(p).getCallSignatures();
      if (sigs.length !== 1) unsupported(p.valueDeclaration ?? at, "MTS2004", `${sym.name}.${p.name}`, "Give the method a single signature.");
      info.methods.push({ name: p.name, goName: uniqueName(exported(p.name), taken), type: this.signatureType(sigs[0]!, p.valueDeclaration ?? at) });
    }
    return { k: "iface", name: goName };
  }

  /** The Go func type of a signature: optional parameters are optional values, a rest parameter variadic. */
  signatureType(sig: ts.Signature, at: ts.Node): GoType {
    if (sig.typeParameters?.length && !sig.typeParameters.every((p) => this.subst.has(p))) {
      unsupported(sig.declaration?.typeParameters?.[0] ?? at, "MTS2009", "a generic function used as a value");
    }
    let variadic = false;
    const params = sig.getParameters().map((p) => {
      const decl = p.valueDeclaration;
      const t = this.map(this.checker.getTypeOfSymbol(p), decl ?? at);
      if (decl && ts.isParameter(decl) && decl.dotDotDotToken) {
        variadic = true;
        return t;
      }
      const optional = decl && ts.isParameter(decl) && (decl.questionToken || decl.initializer);
      return optional ? optionalOf(t) : t;
    });
    if (sig.thisParameter) unsupported(sig.declaration ?? at, "MTS2033");
    const ret = this.returnType(sig.getReturnType(), sig.declaration?.type ?? at);
    const result = ret.k === "promise" ? ret.inner : ret;
    const fn: GoType = { k: "func", params, result };
    if (variadic) fn.variadic = true;
    return fn;
  }

  /** The Go result of a function returning t: a function that never returns has none. */
  returnType(t: ts.Type, at: ts.Node): GoType {
    return t.flags & ts.TypeFlags.Never ? VOID : this.map(t, at);
  }

  /** Fields of the struct behind t, when t is a generated object struct. */
  structOf(t: GoType): StructInfo | undefined {
    return t.k === "struct" ? this.structs.find(t.name) : undefined;
  }
}

/** The Go field name of a JavaScript property name ("content-type" → Content_type, "1x" → F1x). */
export function fieldName(name: string): string {
  const id = exported(name.replace(/[^A-Za-z0-9_$]/g, "_"));
  return /^[A-Za-z]/.test(id) ? id : `F${id.replace(/^_+/, "")}`;
}

/** An optional property's declared type without the `undefined` TypeScript adds. */
function stripUndefined(t: GoType): GoType {
  return t.k === "opt" && t.nil === "undefined" ? t.inner : t;
}

export { fieldStorage };

/** An object type TypeScript inferred from an object literal (no declared name, no signatures). */
function isInferredObjectLiteral(checker: ts.TypeChecker, t: ts.Type): boolean {
  if (!(t.flags & ts.TypeFlags.Object) || t.aliasSymbol) return false;
  const sym = t.getSymbol();
  if (!sym || !(sym.flags & ts.SymbolFlags.ObjectLiteral)) return false;
  if (checker.isArrayType(t) || checker.isTupleType(t)) return false;
  if (t.getCallSignatures().length > 0 || t.getConstructSignatures().length > 0) return false;
  return !t.getStringIndexType() && !t.getNumberIndexType();
}

/** The registry key of the struct merging these object-literal types. */
function mergeKey(members: ts.Type[], substKey: string): string {
  return `merge:${members.map((t) => (t as { id?: number }).id).sort((a, b) => (a ?? 0) - (b ?? 0)).join(",")}|${substKey}`;
}
