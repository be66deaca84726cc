// Object.values / Object.entries of objects (not only Records): an `as const` literal,
// a spread of a Record with more properties, members holding null and undefined.
const limits = { soft: 10, hard: 20 } as const;
console.log(Object.values(limits), Object.entries(limits));
const rec: Record<string, string> = { a: "1", b: "2" };
const more = { ...rec, b: "x", c: "y" };
console.log(Object.values(more), Object.entries(more));
for (const [key, val] of Object.entries({ ...rec, z: "last" })) console.log(key, val);
const nullable = { name: "n", tag: null as string | null, port: 8 as number | undefined };
console.log(Object.values(nullable), Object.entries(nullable));
const missing = { name: "m", port: undefined as number | undefined };
console.log(Object.values(missing), Object.entries(missing).length);
