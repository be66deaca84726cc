const IMPORT_PATHS: Record<string, string> = {
  js: "github.com/mosn-ts/envoy-go-runtime/js",
  api: "github.com/mosn-ts/envoy-go-runtime/api",
  math: "math",
  strings: "strings",
  strconv: "strconv",
  slices: "slices",
};

/** Go source without comments and string/rune literals (for finding package references). */
function codeOnly(src: string): string {
  let out = "";
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === "/" && src[i + 1] === "/") {
      while (i < src.length && src[i] !== "\n") i++;
      out += "\n";
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      i = src.indexOf("*/", i + 2);
      if (i < 0) break;
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < src.length && src[i] !== c; i++) if (src[i] === "\\") i++;
      out += " ";
      continue;
    }
    if (c === "`") {
      i = src.indexOf("`", i + 1);
      if (i < 0) break;
      out += " ";
      continue;
    }
    out += c;
  }
  return out;
}

/** The import block for the packages the code refers to, standard library first. */
export function goImports(code: string): string {
  const plain = codeOnly(code);
  const used = Object.keys(IMPORT_PATHS).filter((pkg) => new RegExp(`(?<![\\w.])${pkg}\\.[A-Za-z_]`).test(plain));
  const paths = used.map((p) => IMPORT_PATHS[p]!);
  const std = paths.filter((p) => !p.includes(".")).sort();
  const other = paths.filter((p) => p.includes(".")).sort();
  const lines = [...std.map((p) => `\t"${p}"`), ...(std.length && other.length ? [""] : []), ...other.map((p) => `\t"${p}"`)];
  if (lines.length === 0) return "";
  return `import (\n${lines.join("\n")}\n)\n`;
}
