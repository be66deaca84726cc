// The exported entry points and their C signatures, as cgo writes them into the export
// header (`go tool cgo -exportheader`) for a package with //export functions.

/** C keywords and type words that are never a parameter name. */
const TYPE_WORDS = new Set(["const", "volatile", "unsigned", "signed", "struct", "enum", "union", "void",
  "char", "short", "int", "long", "float", "double"]);

/**
 * One parameter's type without its name: `processState* s` → `processState*`,
 * `GoUint64 endStream` → `GoUint64`, `void` → `void`.
 */
export function parameterType(param) {
  const text = param.replace(/\s+/g, " ").replace(/\s*\*\s*/g, "* ").trim();
  const tokens = text.split(" ").filter(Boolean);
  const last = tokens[tokens.length - 1];
  const named = tokens.length > 1 && /^[A-Za-z_]\w*$/.test(last) && !TYPE_WORDS.has(last);
  return (named ? tokens.slice(0, -1) : tokens).join(" ").replace(/\* /g, "*").replace(/ \*/g, "*");
}

/**
 * The `extern` function prototypes of an export header, by name: `{ returns, params }`
 * with parameter names dropped and whitespace normalised. cgo's own helpers
 * (`_GoString…`) are left out.
 */
export function exportedPrototypes(headerText) {
  const out = new Map();
  const re = /^extern\s+(?!"C")([^;(]+?)\s*\b([A-Za-z_]\w*)\s*\(([^)]*)\)\s*;/gm;
  for (const m of headerText.matchAll(re)) {
    const name = m[2];
    if (name.startsWith("_Go")) continue;
    const returns = parameterType(m[1].trim() + " x");
    const params = m[3].trim() === "" ? ["void"] : m[3].split(",").map(parameterType);
    out.set(name, { returns, params });
  }
  return out;
}

export function formatPrototype(name, p) {
  return `${p.returns} ${name}(${p.params.join(", ")})`;
}

/**
 * Differences between the official and our prototypes: names only one side exports, and
 * signatures that differ. Empty when they agree.
 */
export function compareExports(official, ours) {
  const problems = [];
  for (const [name, p] of official) {
    const q = ours.get(name);
    if (!q) problems.push(`missing export: ${formatPrototype(name, p)}`);
    else if (formatPrototype(name, p) !== formatPrototype(name, q)) {
      problems.push(`signature differs: official ${formatPrototype(name, p)}; ours ${formatPrototype(name, q)}`);
    }
  }
  for (const [name, q] of ours) {
    if (!official.has(name)) problems.push(`extra export: ${formatPrototype(name, q)}`);
  }
  return problems;
}
