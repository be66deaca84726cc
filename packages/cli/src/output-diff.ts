/** Where two program outputs first differ: a 1-based line number and each side's line as shown. */
export interface LineDifference {
  line: number;
  left: string;
  right: string;
}

/**
 * The first line on which `left` and `right` differ, or null when they are the same text.
 * Lines are shown quoted (trailing spaces show), "(end of output)" past a side's last line.
 */
export function firstDifferingLine(left: string, right: string): LineDifference | null {
  if (left === right) return null;
  const a = lines(left);
  const b = lines(right);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, left: show(a[i]), right: show(b[i]) };
  }
  // Same lines, different text: one side lacks the final newline.
  const last = a.length;
  const ending = (text: string) => `${show(a[last - 1])}${text.endsWith("\n") ? "" : " (no newline at the end)"}`;
  return { line: last, left: ending(left), right: ending(right) };
}

/** A text's lines; a final newline ends the last line rather than starting an empty one. */
function lines(text: string): string[] {
  if (text === "") return [];
  const all = text.split("\n");
  if (text.endsWith("\n")) all.pop();
  return all;
}

function show(line: string | undefined): string {
  return line === undefined ? "(end of output)" : JSON.stringify(line);
}
