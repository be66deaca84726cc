import { type Counter, makeCounter, created } from "./lib/counter.js";
import { HEX_DIGITS, SQUARES, hex } from "./lib/hex.js";

console.log("main starts", HEX_DIGITS.length, SQUARES, hex(255), hex(16));
const c: Counter = makeCounter();
console.log(c.next(), c.next(), created);
makeCounter();
console.log(created);
