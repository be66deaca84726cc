enum Kind { A = "alpha", B = "beta" }
interface Msg { kind: Kind; n: number }
const m: Msg = { kind: Kind.B, n: 2 };
const text = JSON.stringify(m);
console.log(text);
const back = JSON.parse(text) as Msg;
console.log(back.kind === Kind.B, back.kind, back.n);
