import { type ClassItem, type Node, type ParsedRegex, RegexError, parseRegex } from "./parse.js";

/** A JavaScript regular expression translated for Go's regexp package (RE2 syntax). */
export interface TranslatedRegex {
  /** The Go pattern, self-contained (flags inside groups), so it can be wrapped. */
  pattern: string;
  groupCount: number;
  groupNames: (string | undefined)[];
  /**
   * Without the u flag JavaScript matches UTF-16 code units: `.` or a negated class can
   * match half of a surrogate pair, which Go (matching code points) cannot. The runtime
   * refuses such patterns on strings holding characters outside the BMP.
   */
  unitSensitive: boolean;
  /** Per group number (1-based): the group takes part in every match (not under ?, *, {0,n} or |). */
  mandatoryGroups: boolean[];
  /** The m flag: Go's ^ and $ know only \n as a line terminator (\r, U+2028/9 are refused at run time). */
  multiline: boolean;
}

type Range = [number, number];

const SPACE: Range[] = [[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = [[48, 57], [65, 90], [95, 95], [97, 122]];
const LINE_TERMINATORS: Range[] = [[10, 10], [13, 13], [0x2028, 0x2029]];

const GENERAL_CATEGORIES: Record<string, string> = {
  L: "L", Letter: "L", Lu: "Lu", Uppercase_Letter: "Lu", Ll: "Ll", Lowercase_Letter: "Ll", Lt: "Lt", Titlecase_Letter: "Lt",
  Lm: "Lm", Modifier_Letter: "Lm", Lo: "Lo", Other_Letter: "Lo", M: "M", Mark: "M", Mn: "Mn", Nonspacing_Mark: "Mn",
  Mc: "Mc", Spacing_Mark: "Mc", Me: "Me", Enclosing_Mark: "Me", N: "N", Number: "N", Nd: "Nd", Decimal_Number: "Nd", digit: "Nd",
  Nl: "Nl", Letter_Number: "Nl", No: "No", Other_Number: "No", P: "P", Punctuation: "P", Pc: "Pc", Connector_Punctuation: "Pc",
  Pd: "Pd", Dash_Punctuation: "Pd", Ps: "Ps", Open_Punctuation: "Ps", Pe: "Pe", Close_Punctuation: "Pe", Pi: "Pi",
  Initial_Punctuation: "Pi", Pf: "Pf", Final_Punctuation: "Pf", Po: "Po", Other_Punctuation: "Po", S: "S", Symbol: "S",
  Sm: "Sm", Math_Symbol: "Sm", Sc: "Sc", Currency_Symbol: "Sc", Sk: "Sk", Modifier_Symbol: "Sk", So: "So", Other_Symbol: "So",
  Z: "Z", Separator: "Z", Zs: "Zs", Space_Separator: "Zs", Zl: "Zl", Line_Separator: "Zl", Zp: "Zp", Paragraph_Separator: "Zp",
  C: "C", Other: "C", Cc: "Cc", Control: "Cc", Cf: "Cf", Format: "Cf", Co: "Co", Private_Use: "Co", Cs: "Cs", Surrogate: "Cs",
};

/** Script names JavaScript and Go both know (Go's unicode.Scripts, Unicode 15). */
const SCRIPTS = new Set([
  "Arabic", "Armenian", "Bengali", "Bopomofo", "Braille", "Cherokee", "Common", "Cyrillic", "Devanagari", "Ethiopic", "Georgian",
  "Greek", "Gujarati", "Gurmukhi", "Han", "Hangul", "Hebrew", "Hiragana", "Inherited", "Kannada", "Katakana", "Khmer", "Lao",
  "Latin", "Malayalam", "Mongolian", "Myanmar", "Ogham", "Oriya", "Runic", "Sinhala", "Syriac", "Tamil", "Telugu", "Thaana",
  "Thai", "Tibetan", "Yi",
]);

/** JavaScript's Canonicalize for i without u, for every BMP unit: groups of units that match each other. */
let caseGroups: Map<number, number[]> | undefined;

function canonicalize(ch: number): number {
  const u = String.fromCharCode(ch).toUpperCase();
  if (u.length !== 1) return ch;
  const cu = u.charCodeAt(0);
  if (ch >= 128 && cu < 128) return ch;
  return cu;
}

function equivalents(ch: number): number[] {
  if (!caseGroups) {
    const byCanon = new Map<number, number[]>();
    for (let c = 0; c <= 0xffff; c++) {
      const k = canonicalize(c);
      if (k === c && String.fromCharCode(c).toLowerCase() === String.fromCharCode(c)) continue;
      let list = byCanon.get(k);
      if (!list) byCanon.set(k, (list = [k]));
      if (!list.includes(c)) list.push(c);
    }
    caseGroups = new Map();
    for (const list of byCanon.values()) if (list.length > 1) for (const c of list) caseGroups.set(c, list);
  }
  return caseGroups.get(ch) ?? [ch];
}

function normalize(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function complement(ranges: Range[], max: number): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [a, b] of normalize(ranges)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

/** Surrogates are not runes: Go's classes cannot hold them. */
function withoutSurrogates(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const [a, b] of ranges) {
    if (b < 0xd800 || a > 0xdfff) out.push([a, b]);
    else {
      if (a < 0xd800) out.push([a, 0xd7ff]);
      if (b > 0xdfff) out.push([0xe000, b]);
    }
  }
  return out;
}

function goChar(cp: number, inClass: boolean): string {
  if (cp >= 0x21 && cp <= 0x7e) {
    const c = String.fromCharCode(cp);
    if (/[A-Za-z0-9]/.test(c)) return c;
    if (inClass ? /[\]\\^\-[]/.test(c) : /[\\.+*?()|[\]{}^$]/.test(c)) return `\\${c}`;
    return c;
  }
  if (cp === 0x20) return " ";
  return `\\x{${cp.toString(16)}}`;
}

function classText(ranges: Range[]): string {
  const rs = withoutSurrogates(normalize(ranges));
  if (rs.length === 0) return "[^\\x00-\\x{10ffff}]";
  if (rs.length === 1 && rs[0]![0] === rs[0]![1]) return goChar(rs[0]![0], false);
  return `[${rs.map(([a, b]) => (a === b ? goChar(a, true) : `${goChar(a, true)}-${goChar(b, true)}`)).join("")}]`;
}

interface EmitState {
  ignoreCase: boolean;
  unicode: boolean;
  dotAll: boolean;
  multiline: boolean;
  unitSensitive: boolean;
}

function rangesOfEscape(kind: string): Range[] {
  switch (kind.toLowerCase()) {
    case "d":
      return DIGIT;
    case "w":
      return WORD;
    default:
      return SPACE;
  }
}

/** Case closure of ranges (i without u): every unit that canonicalizes like one in the ranges. */
function foldRanges(ranges: Range[]): Range[] {
  const extra: Range[] = [];
  for (const [a, b] of ranges) {
    if (b - a > 0x3000) {
      for (let c = 0; c <= 0xffff; c++) {
        if (c < a || c > b) continue;
        for (const e of equivalents(c)) if (e !== c) extra.push([e, e]);
      }
      continue;
    }
    for (let c = a; c <= Math.min(b, 0xffff); c++) for (const e of equivalents(c)) if (e !== c) extra.push([e, e]);
  }
  return normalize([...ranges, ...extra]);
}

function emitClass(node: Extract<Node, { t: "class" }>, st: EmitState): string {
  const max = st.unicode ? 0x10ffff : 0xffff;
  const parts: Range[] = [];
  const props: string[] = [];
  for (const item of node.items) {
    if (item.t === "range") parts.push([item.from, item.to]);
    else if (item.t === "escape") {
      const rs = rangesOfEscape(item.kind);
      if (item.kind === item.kind.toUpperCase()) {
        st.unitSensitive = true;
        parts.push(...complement(rs, max));
      } else parts.push(...rs);
    } else props.push(propertyText(item));
  }
  let ranges = st.ignoreCase && !st.unicode ? foldRanges(parts) : normalize(parts);
  if (node.negated) {
    st.unitSensitive = true;
    if (props.length > 0) {
      const inner = withoutSurrogates(ranges).map(([a, b]) => (a === b ? goChar(a, true) : `${goChar(a, true)}-${goChar(b, true)}`)).join("");
      return `[^${inner}${props.join("")}]`;
    }
    ranges = complement(ranges, max);
  }
  if (props.length > 0) {
    const inner = withoutSurrogates(ranges).map(([a, b]) => (a === b ? goChar(a, true) : `${goChar(a, true)}-${goChar(b, true)}`)).join("");
    return `[${inner}${props.join("")}]`;
  }
  return classText(ranges);
}

function propertyText(item: Extract<ClassItem, { t: "property" }>): string {
  const [key, value] = item.name.includes("=") ? item.name.split("=") : [undefined, item.name];
  let goName: string | undefined;
  if (key === undefined || key === "General_Category" || key === "gc") goName = GENERAL_CATEGORIES[value!];
  if (goName === undefined && (key === "Script" || key === "sc") && SCRIPTS.has(value!)) goName = value;
  if (goName === undefined) throw new RegexError(`the Unicode property \\p{${item.name}}`, true);
  return `\\${item.negated ? "P" : "p"}{${goName}}`;
}

function emit(node: Node, st: EmitState): string {
  switch (node.t) {
    case "alt":
      return node.alts.map((a) => emit(a, st)).join("|");
    case "seq":
      return node.items.map((n) => emit(n, st)).join("");
    case "char": {
      if (!st.unicode && node.cp >= 0xd800 && node.cp <= 0xdfff) throw new RegexError("a surrogate code unit without the u flag", true);
      if (st.ignoreCase && !st.unicode) {
        const eq = equivalents(node.cp);
        if (eq.length > 1) return classText(eq.map((c) => [c, c] as Range));
      }
      return goChar(node.cp, false);
    }
    case "any":
      if (st.dotAll) {
        if (!st.unicode) st.unitSensitive = true;
        return "(?s:.)";
      }
      if (!st.unicode) st.unitSensitive = true;
      return classText(complement(LINE_TERMINATORS, st.unicode ? 0x10ffff : 0xffff).concat(st.unicode ? [] : [[0x10000, 0x10ffff]]));
    case "class":
      return emitClass(node, st);
    case "group": {
      const body = emit(node.body, st);
      if (!node.capture) return `(?:${body})`;
      return node.name !== undefined ? `(?P<${node.name}>${body})` : `(${body})`;
    }
    case "repeat": {
      let body = emit(node.body, st);
      if (needsGroup(node.body)) body = `(?:${body})`;
      const q = node.min === 0 && node.max === Infinity ? "*" : node.min === 1 && node.max === Infinity ? "+" : node.min === 0 && node.max === 1 ? "?" : node.max === Infinity ? `{${node.min},}` : node.min === node.max ? `{${node.min}}` : `{${node.min},${node.max}}`;
      return `${body}${q}${node.lazy ? "?" : ""}`;
    }
    case "assert":
      switch (node.kind) {
        case "^":
          return st.multiline ? "(?m:^)" : "^";
        case "$":
          return st.multiline ? "(?m:$)" : "$";
        case "\\b":
          return "\\b";
        case "\\B":
          return "\\B";
      }
  }
}

function needsGroup(n: Node): boolean {
  if (n.t === "char" || n.t === "any" || n.t === "class" || n.t === "group") return false;
  return true;
}

/** Capture groups that some successful path through n does not enter. */
function optionalCaptures(n: Node, out: Set<number>, optional: boolean): void {
  switch (n.t) {
    case "alt":
      for (const a of n.alts) optionalCaptures(a, out, optional || n.alts.length > 1);
      return;
    case "seq":
      for (const i of n.items) optionalCaptures(i, out, optional);
      return;
    case "group":
      if (n.capture && optional) out.add(n.index!);
      optionalCaptures(n.body, out, optional);
      return;
    case "repeat":
      optionalCaptures(n.body, out, optional || n.min === 0);
      return;
  }
}

/** JavaScript resets the captures of a repeated group at each repetition; RE2 keeps the last value seen. */
function checkRepeatedCaptures(n: Node): void {
  switch (n.t) {
    case "alt":
      n.alts.forEach(checkRepeatedCaptures);
      return;
    case "seq":
      n.items.forEach(checkRepeatedCaptures);
      return;
    case "group":
      checkRepeatedCaptures(n.body);
      return;
    case "repeat": {
      if (n.max > 1) {
        const opt = new Set<number>();
        optionalCaptures(n.body, opt, false);
        if (opt.size > 0) throw new RegexError("a capture group that a repetition may skip (JavaScript resets it at each repetition, RE2 keeps the previous match)", true);
      }
      checkRepeatedCaptures(n.body);
      return;
    }
  }
}

/** Translates a regular expression literal; throws RegexError for what cannot be translated exactly. */
export function translateRegex(source: string, flags: string): TranslatedRegex {
  for (const f of flags) {
    if (f === "d") throw new RegexError("the d flag (match indices)", true);
    if (f === "v") throw new RegexError("the v flag (unicode sets)", true);
    if (!"gimsuy".includes(f)) throw new RegexError(`an unknown flag '${f}'`, false);
  }
  const unicode = flags.includes("u");
  const parsed: ParsedRegex = parseRegex(source, unicode);
  checkRepeatedCaptures(parsed.root);
  const st: EmitState = { ignoreCase: flags.includes("i"), unicode, dotAll: flags.includes("s"), multiline: flags.includes("m"), unitSensitive: false };
  let pattern = emit(parsed.root, st);
  if (st.ignoreCase && unicode) pattern = `(?i:${pattern})`;
  const mandatoryGroups: boolean[] = [];
  const walk = (n: Node, optional: boolean): void => {
    switch (n.t) {
      case "alt":
        for (const a of n.alts) walk(a, optional || n.alts.length > 1);
        break;
      case "seq":
        for (const i of n.items) walk(i, optional);
        break;
      case "group":
        if (n.capture && n.index !== undefined) mandatoryGroups[n.index] = !optional;
        walk(n.body, optional);
        break;
      case "repeat":
        walk(n.body, optional || n.min === 0);
        break;
    }
  };
  walk(parsed.root, false);
  return { pattern, groupCount: parsed.groupCount, groupNames: parsed.groupNames, mandatoryGroups, unitSensitive: st.unitSensitive, multiline: st.multiline };
}

export { RegexError };
