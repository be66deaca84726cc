/**
 * The Go types generated code uses, as the compiler reasons about them.
 *
 * JavaScript objects, arrays, maps and functions are references: Go pointers, interfaces
 * or funcs. `T | undefined` and `T | null` are `opt`: a pointer for primitives (`*string`),
 * the nil-able type itself otherwise; `nil` says which of undefined or null its Go nil is.
 * Anything the static types cannot pin down (unions of different types, `unknown`,
 * `T | null | undefined`) is `dyn`: a Go `any` holding JavaScript values by convention
 * (nil = undefined, js.Null = null, float64, string, bool, pointers, funcs).
 */
export type GoType =
  | { k: "float"; alias?: string } // number (alias: a user enum's Go name)
  | { k: "int" } // number known to hold a small integer (loop counters, lengths)
  | { k: "string"; alias?: string }
  | { k: "bool" }
  | { k: "void" } // no value: a function result, the type `undefined` alone
  | { k: "null" } // the type `null` alone (the literal null)
  | { k: "nil" } // the literal undefined before it meets a target type
  | { k: "opt"; inner: GoType; nil: "undefined" | "null" }
  | { k: "dyn"; name?: string } // Go any (name: the Go alias it is printed as)
  | { k: "struct"; name: string } // *Name: an object type or a class without subclasses
  | { k: "iface"; name: string } // a Go interface: methods-only TS interfaces, classes with subclasses
  | { k: "api"; name: string; ref?: boolean } // api.X (ref: *api.X)
  | { k: "array"; elem: GoType }
  | { k: "tuple"; elems: GoType[] } // *js.Array[E], E the common Go type of the elements
  | { k: "record"; value: GoType } // *js.Record[V]: Record<string, V> and string index signatures
  | { k: "map"; key: GoType; value: GoType }
  | { k: "set"; elem: GoType }
  | { k: "func"; params: GoType[]; result: GoType; variadic?: boolean }
  | { k: "error" } // *js.Error (Error, TypeError...; user subclasses embed it)
  | { k: "bytes" } // Uint8Array: []byte
  | { k: "regexp" } // *js.RegExp
  | { k: "match" } // *js.RegExpMatch (RegExpExecArray / RegExpMatchArray)
  | { k: "promise"; inner: GoType }; // only as the operand of await (never rendered)

export const FLOAT: GoType = { k: "float" };
export const INT: GoType = { k: "int" };
export const STRING: GoType = { k: "string" };
export const BOOL: GoType = { k: "bool" };
export const VOID: GoType = { k: "void" };
export const NIL: GoType = { k: "nil" };
export const NULL: GoType = { k: "null" };
export const DYN: GoType = { k: "dyn" };
export const ERROR: GoType = { k: "error" };

export function isNumeric(t: GoType): boolean {
  return t.k === "float" || t.k === "int";
}

const API_ENUMS = new Set(["Status", "LogLevel", "DestroyReason", "LifeSpan", "StreamSharing"]);

export function isApiEnum(name: string): boolean {
  return API_ENUMS.has(name);
}

/** Types whose Go values are never nil: they need a pointer to be optional. */
export function isPrimitive(t: GoType): boolean {
  return t.k === "float" || t.k === "int" || t.k === "string" || t.k === "bool" || (t.k === "api" && !t.ref && isApiEnum(t.name));
}

/** Whether nil is a value of the Go type (pointers, interfaces, funcs, slices). */
export function isNilable(t: GoType): boolean {
  return !isPrimitive(t) && t.k !== "void" && t.k !== "null" && t.k !== "nil";
}

/** T | undefined (or T | null): wraps t, collapsing what needs no wrapping. */
export function optionalOf(t: GoType, nil: "undefined" | "null" = "undefined"): GoType {
  if (t.k === "int") return { k: "opt", inner: FLOAT, nil };
  if (t.k === "opt") return t.nil === nil ? t : DYN;
  if (t.k === "dyn" || t.k === "void" || t.k === "nil") return t.k === "nil" ? { k: "void" } : t;
  if (t.k === "null") return nil === "null" ? t : DYN;
  return { k: "opt", inner: t, nil };
}

/** The type without its undefined/null. */
export function nonOptional(t: GoType): GoType {
  return t.k === "opt" ? t.inner : t;
}

export function sameType(a: GoType, b: GoType): boolean {
  return typeKey(a) === typeKey(b);
}

/** A canonical key (the rendered type, with what Go cannot tell apart made explicit). */
export function typeKey(t: GoType): string {
  switch (t.k) {
    case "opt":
      return `opt<${t.nil}>(${typeKey(t.inner)})`;
    case "dyn":
      return "any";
    case "float":
      return "float64";
    case "string":
      return "string";
    case "tuple":
      return `tuple(${t.elems.map(typeKey).join(",")})`;
    case "array":
      return `[]${typeKey(t.elem)}`;
    case "record":
      return `record(${typeKey(t.value)})`;
    case "map":
      return `map(${typeKey(t.key)},${typeKey(t.value)})`;
    case "set":
      return `set(${typeKey(t.elem)})`;
    case "func":
      return `func(${t.params.map(typeKey).join(",")}${t.variadic ? "..." : ""})${typeKey(t.result)}`;
    case "promise":
      return `promise(${typeKey(t.inner)})`;
    default:
      return renderType(t, () => {});
  }
}

/** The Go element type of a tuple's backing array: the common type, or any. */
export function tupleElem(t: { elems: GoType[] }): GoType {
  const first = t.elems[0];
  if (first && t.elems.every((e) => sameType(e, first)) && first.k !== "int") return first;
  if (first && t.elems.every((e) => isNumeric(e))) return FLOAT;
  return DYN;
}

/** Renders t as Go source; `use` is told which packages ("js", "api") the text needs. */
export function renderType(t: GoType, use: (pkg: string) => void): string {
  switch (t.k) {
    case "float":
      return t.alias ?? "float64";
    case "int":
      return "int";
    case "string":
      return t.alias ?? "string";
    case "bool":
      return "bool";
    case "void":
      return "";
    case "null":
      use("js");
      return "js.NullType";
    case "nil":
      return "any";
    case "dyn":
      return t.name ?? "any";
    case "opt":
      return isPrimitive(t.inner) ? `*${renderType(t.inner, use)}` : renderType(t.inner, use);
    case "struct":
      return `*${t.name}`;
    case "iface":
      return t.name;
    case "api":
      use("api");
      return `${t.ref ? "*" : ""}api.${t.name}`;
    case "array":
      use("js");
      return `*js.Array[${renderType(t.elem, use)}]`;
    case "tuple":
      use("js");
      return `*js.Array[${renderType(tupleElem(t), use)}]`;
    case "record":
      use("js");
      return `*js.Record[${renderType(t.value, use)}]`;
    case "map":
      use("js");
      return `*js.Map[${renderType(t.key, use)}, ${renderType(t.value, use)}]`;
    case "set":
      use("js");
      return `*js.Set[${renderType(t.elem, use)}]`;
    case "func": {
      const params = t.params.map((p, i) => (t.variadic && i === t.params.length - 1 ? `...${renderType(variadicElem(p), use)}` : renderType(p, use)));
      const result = t.result.k === "void" ? "" : ` ${renderType(t.result, use)}`;
      return `func(${params.join(", ")})${result}`;
    }
    case "error":
      use("js");
      return "*js.Error";
    case "bytes":
      return "[]byte";
    case "regexp":
      use("js");
      return "*js.RegExp";
    case "match":
      use("js");
      return "*js.RegExpMatch";
    case "promise":
      return renderType(t.inner, use);
  }
}

/** The element type of a rest parameter's array type. */
export function variadicElem(t: GoType): GoType {
  return t.k === "array" ? t.elem : DYN;
}

/** The composite-literal type of a struct pointer type (without the leading '*'). */
export function structLiteralType(t: GoType, use: (pkg: string) => void): string {
  const rendered = renderType(t, use);
  return rendered.startsWith("*") ? rendered.slice(1) : rendered;
}

/** A readable name fragment for a type (generic instance names: firstNumber, BoxString). */
export function typeNameFragment(t: GoType): string {
  switch (t.k) {
    case "float":
    case "int":
      return t.k === "float" && t.alias ? t.alias : "Number";
    case "string":
      return t.alias ?? "String";
    case "bool":
      return "Boolean";
    case "struct":
    case "iface":
      return t.name.replace(/Like$/, "");
    case "array":
      return `${typeNameFragment(t.elem)}Array`;
    case "tuple":
      return "Tuple";
    case "record":
      return `${typeNameFragment(t.value)}Record`;
    case "map":
      return `${typeNameFragment(t.key)}${typeNameFragment(t.value)}Map`;
    case "set":
      return `${typeNameFragment(t.elem)}Set`;
    case "opt":
      return `Optional${typeNameFragment(t.inner)}`;
    case "dyn":
      return t.name ?? "Value";
    case "func":
      return "Func";
    case "error":
      return "Error";
    case "api":
      return t.name;
    default:
      return "Value";
  }
}
