interface Node { value: number; children: Node[] }
const leaf: Node = { value: 3, children: [] };
const root: Node = { value: 1, children: [leaf, { value: 2, children: [leaf] }] };
leaf.value = 30;
function sum(n: Node): number { return n.value + n.children.reduce((s, c) => s + sum(c), 0); }
console.log(sum(root), root.children[1]!.children[0] === leaf);
const copy = { ...root };
copy.value = 100;
copy.children.push({ value: 5, children: [] });
console.log(root.value, root.children.length);
