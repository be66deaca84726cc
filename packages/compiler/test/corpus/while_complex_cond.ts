const queue = ["a", "b", "c"];
let item = queue.shift();
while (item !== undefined) {
  console.log(item);
  item = queue.shift();
}
const stack = [1, 2, 3];
let popped = stack.pop();
while (popped) {
  console.log(String(popped));
  popped = stack.pop();
}
