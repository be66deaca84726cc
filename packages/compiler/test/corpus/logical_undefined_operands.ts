console.log(false || undefined);
const z = 0; console.log(z || undefined);
const u = undefined;
console.log(u ?? undefined);
const c = Math.random() > 2;
console.log(c ? undefined : undefined);
console.log(true && undefined);
