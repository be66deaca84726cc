/** Go keywords, predeclared identifiers and the packages generated code imports. */
const RESERVED = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
  "any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex128", "complex64", "copy",
  "delete", "error", "false", "float32", "float64", "imag", "int", "int16", "int32", "int64", "int8", "iota", "len",
  "make", "max", "min", "new", "nil", "panic", "print", "println", "real", "recover", "rune", "string", "true", "uint",
  "uint16", "uint32", "uint64", "uint8", "uintptr",
  "js", "api", "math", "strings", "strconv", "fmt", "main", "init",
]);

/** Makes a TypeScript identifier a valid Go identifier that clashes with nothing Go reserves. */
export function goIdent(name: string): string {
  let id = name.replace(/\$/g, "_");
  if (/^_+$/.test(id)) id = `${id}v`;
  if (RESERVED.has(id)) id = `${id}_`;
  return id;
}

/** UpperCamel: exported Go name. */
export function exported(name: string): string {
  const id = name.replace(/\$/g, "_").replace(/^_+/, "");
  if (id === "") return "X";
  return id[0]!.toUpperCase() + id.slice(1);
}

/** lowerCamel: unexported Go name. */
export function unexported(name: string): string {
  const id = name.replace(/\$/g, "_");
  return goIdent(id[0]!.toLowerCase() + id.slice(1));
}

/** lowerCamel identifier from a plugin name: "header-guard" → "headerGuard". */
export function camelFromKebab(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter((p) => p !== "");
  const joined = parts.map((p, i) => (i === 0 ? p[0]!.toLowerCase() + p.slice(1) : p[0]!.toUpperCase() + p.slice(1))).join("");
  const id = joined === "" ? "plugin" : joined;
  return goIdent(/^\d/.test(id) ? `p${id}` : id);
}

/** A name not yet in `taken`, adding a numeric suffix when needed; records it. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}
