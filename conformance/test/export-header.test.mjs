import assert from "node:assert/strict";
import { test } from "node:test";
import { compareExports, exportedPrototypes, parameterType } from "../lib/export-header.mjs";

const header = `
extern size_t _GoStringLen(_GoString_ s);
#ifdef __cplusplus
extern "C" {
#endif
extern GoUint64 envoyGoFilterOnHttpHeader(processState* s, GoUint64 endStream, GoUint64 headerNum, GoUint64 headerBytes);
extern void envoyGoFilterCleanUp(void);
extern const char *name(char * restrictme, unsigned long long);
`;

test("parameter names are dropped, types kept", () => {
  assert.equal(parameterType("processState* s"), "processState*");
  assert.equal(parameterType("processState *s"), "processState*");
  assert.equal(parameterType("GoUint64  endStream"), "GoUint64");
  assert.equal(parameterType("void"), "void");
  assert.equal(parameterType("unsigned long long"), "unsigned long long");
  assert.equal(parameterType("const char * p"), "const char*");
});

test("extern prototypes are read, cgo helpers skipped", () => {
  const p = exportedPrototypes(header);
  assert.deepEqual([...p.keys()], ["envoyGoFilterOnHttpHeader", "envoyGoFilterCleanUp", "name"]);
  assert.deepEqual(p.get("envoyGoFilterOnHttpHeader"), {
    returns: "GoUint64",
    params: ["processState*", "GoUint64", "GoUint64", "GoUint64"],
  });
  assert.deepEqual(p.get("envoyGoFilterCleanUp"), { returns: "void", params: ["void"] });
  assert.deepEqual(p.get("name"), { returns: "const char*", params: ["char*", "unsigned long long"] });
});

test("names and types must agree; parameter names may differ", () => {
  const official = exportedPrototypes("extern void f(httpRequest* r, GoUint64 reason);\nextern void g(void);");
  assert.deepEqual(compareExports(official, exportedPrototypes("extern void f(httpRequest* req, GoUint64 why);\nextern void g(void);")), []);
  assert.deepEqual(compareExports(official, exportedPrototypes("extern void f(httpRequest* r, GoInt reason);\nextern void g(void);")), [
    "signature differs: official void f(httpRequest*, GoUint64); ours void f(httpRequest*, GoInt)",
  ]);
  assert.deepEqual(compareExports(official, exportedPrototypes("extern void f(httpRequest* r, GoUint64 reason);\nextern void h(void);")), [
    "missing export: void g(void)",
    "extra export: void h(void)",
  ]);
});
