let counter = 0;
const prefix = "item-";
function next(): string {
  counter++;
  return prefix + counter;
}
console.log(next(), next());
counter = 10;
console.log(next());
