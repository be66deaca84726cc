import { hex } from "./hex.js";

export class Counter {
  private n = 0;
  next(): string {
    return hex(++this.n);
  }
}
export let created = 0;
export function makeCounter(): Counter {
  created++;
  return new Counter();
}
console.log("lib/counter loaded");
