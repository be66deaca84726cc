import assert from "node:assert/strict";
import { test } from "node:test";
import { median, spread } from "../lib/stats.mjs";

test("median of odd and even counts, input left unsorted", () => {
  const v = [5, 1, 3];
  assert.equal(median(v), 3);
  assert.deepEqual(v, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]));
});

test("spread is the range over the median", () => {
  assert.equal(spread([90, 100, 110]), 0.2);
  assert.equal(spread([0, 0]), 0);
});
