const z = -0;
console.log(z, 0 * -1, String(-0), `${-0}`, (-0).toFixed(2), JSON.stringify(-0));
console.log(Object.is(z, 0), Object.is(z, -0), z === 0, 1 / z);
console.log(Math.round(-0.4), Math.round(-0.5), Math.round(-0.6), Math.ceil(-0.5), Math.trunc(-0.9));
console.log([-0].includes(0), [-0].indexOf(0), Math.sign(-0), Math.abs(-0));
const m = new Map<number, string>();
m.set(-0, "zero");
console.log(m.get(0), [...m.keys()]);
console.log(-0 + 0, -0 - 0, -0 * 5, Math.min(0, -0), Math.max(-0, 0));
