const id = crypto.randomUUID();
console.log(String(id.length), id[8], id[13], id[14], id[18]);
const variant = "89ab".includes(id[19]!);
console.log(String(variant), String(id === id.toLowerCase()));
const other = crypto.randomUUID();
console.log(String(id !== other));
