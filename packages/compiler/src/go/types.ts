/**
 * The Go types generated code uses, as the compiler reasons about them. Reference types
 * of JavaScript (objects, arrays, maps) are Go pointers or interfaces, so `undefined` is
 * their nil; optional primitives are pointers (`*string`).
 */
export type GoType =
  | { k: "float" } // number
  | { k: "int" } // number known to hold an integer (loop counters, lengths)
  | { k: "string" }
  | { k: "bool" }
  | { k: "void" }
  | { k: "nil" } // the undefined literal before it meets a target type
  | { k: "opt"; inner: GoType } // T | undefined for a primitive T: *T
  | { k: "struct"; name: string } // a generated struct, used as *Name
  | { k: "anon"; fields: AnonField[] } // an object type literal: *struct{...}
  | { k: "iface"; name: string } // a generated Go interface (methods only)
  | { k: "api"; name: string; ref?: boolean } // api.X (ref: used as *api.X)
  | { k: "array"; elem: GoType }
  | { k: "map"; key: GoType; value: GoType }
  | { k: "set"; elem: GoType }
  | { k: "func"; params: GoType[]; result: GoType }
  | { k: "error" } // *js.Error
  | { k: "bytes" } // Uint8Array: []byte
  | { k: "any" }; // unknown (caught exceptions)

export interface AnonField {
  /** The JavaScript property name. */
  name: string;
  goName: string;
  type: GoType;
  optional: boolean;
}

export const FLOAT: GoType = { k: "float" };
export const INT: GoType = { k: "int" };
export const STRING: GoType = { k: "string" };
export const BOOL: GoType = { k: "bool" };
export const VOID: GoType = { k: "void" };
export const NIL: GoType = { k: "nil" };
export const ANY: GoType = { k: "any" };
export const ERROR: GoType = { k: "error" };

export function isNumeric(t: GoType): boolean {
  return t.k === "float" || t.k === "int";
}

export function isPrimitive(t: GoType): boolean {
  return t.k === "float" || t.k === "int" || t.k === "string" || t.k === "bool" || (t.k === "api" && !t.ref && isApiEnum(t.name));
}

export function isApiEnum(name: string): boolean {
  return name === "Status" || name === "LogLevel" || name === "DestroyReason";
}

/** Whether nil is a value of the type (pointers, interfaces, funcs). */
export function isNilable(t: GoType): boolean {
  return !isPrimitive(t) && t.k !== "void";
}

/** The optional form of t: *T for primitives, t itself for nil-able types. */
export function optionalOf(t: GoType): GoType {
  if (t.k === "int") return { k: "opt", inner: { k: "float" } };
  return isPrimitive(t) ? { k: "opt", inner: t } : t;
}

export function sameType(a: GoType, b: GoType): boolean {
  return typeKey(a) === typeKey(b);
}

/** A canonical key (the rendered type without package bookkeeping). */
export function typeKey(t: GoType): string {
  return renderType(t, () => {});
}

/** Renders t as Go source; `use` is told which packages ("js", "api") the text needs. */
export function renderType(t: GoType, use: (pkg: string) => void): string {
  switch (t.k) {
    case "float":
      return "float64";
    case "int":
      return "int";
    case "string":
      return "string";
    case "bool":
      return "bool";
    case "void":
      return "";
    case "nil":
    case "any":
      return "any";
    case "opt":
      return `*${renderType(t.inner, use)}`;
    case "struct":
      return `*${t.name}`;
    case "anon": {
      const fields = t.fields.map((f) => `${f.goName} ${renderType(f.optional ? optionalOf(f.type) : f.type, use)} \`js:"${f.name}"\``);
      return `*struct {\n${fields.join("\n")}\n}`;
    }
    case "iface":
      return t.name;
    case "api":
      use("api");
      return `${t.ref ? "*" : ""}api.${t.name}`;
    case "array":
      use("js");
      return `*js.Array[${renderType(t.elem, use)}]`;
    case "map":
      use("js");
      return `*js.Map[${renderType(t.key, use)}, ${renderType(t.value, use)}]`;
    case "set":
      use("js");
      return `*js.Set[${renderType(t.elem, use)}]`;
    case "func": {
      const params = t.params.map((p) => renderType(p, use)).join(", ");
      const result = t.result.k === "void" ? "" : ` ${renderType(t.result, use)}`;
      return `func(${params})${result}`;
    }
    case "error":
      use("js");
      return "*js.Error";
    case "bytes":
      return "[]byte";
  }
}

/** The composite-literal type of a struct pointer type (without the leading '*'). */
export function structLiteralType(t: GoType, use: (pkg: string) => void): string {
  const rendered = renderType(t, use);
  return rendered.startsWith("*") ? rendered.slice(1) : rendered;
}
