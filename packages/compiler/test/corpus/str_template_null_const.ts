// A variable holding null or undefined interpolated in a template literal.
const nu = null;
const un = undefined;
console.log(`${nu}`, `[${un}]`, `a${nu}b${un}c`, `${null}`);
function nothing(): null {
  console.log("called");
  return null;
}
console.log(`<${nothing()}>`);
