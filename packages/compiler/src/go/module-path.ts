/**
 * One element of a Go module path made from a file or project name. Go accepts letters,
 * digits and `-._~`, no leading or trailing dot, and refuses the names Windows reserves
 * (`nul`, `con`, `com1`, … also before a dot), so those get a suffix.
 */
export function goModuleElement(name: string, fallback: string): string {
  let element = name.toLowerCase().replace(/[^a-z0-9._~-]+/g, "-").replace(/^\.+|\.+$/g, "");
  if (element === "") return fallback;
  if (/^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/.test(element)) element = `${element}-${fallback}`;
  return element;
}
