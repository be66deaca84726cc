// The full test suite: `pnpm test` at the repository root runs this after installing and
// building the TypeScript packages.
import { runSteps } from "./steps.mjs";

const runtime = "envoy-go-runtime";

const steps = [
  { name: "Go: gofmt", cmd: `test -z "$(gofmt -l ${runtime})" || { gofmt -l ${runtime}; exit 1; }` },
  { name: "Go: vet", cmd: "go vet ./...", cwd: runtime },
  { name: "Go: runtime tests", cmd: "go test ./...", cwd: runtime },
  { name: "Go: runtime tests under cgocheck2", cmd: "go test ./...", cwd: runtime, env: { GOEXPERIMENT: "cgocheck2" } },
  { name: "C: mock host tests (valgrind or ASan, and TSan)", cmd: `make -s -C ${runtime}/mockhost check` },
  {
    name: "stress: 8 workers x 10,000 requests (plain, Go race, TSan, ASan builds)",
    cmd: `make -s -C ${runtime}/mockhost stress`,
  },
  { name: "TS: sdk", cmd: "pnpm --filter @mosn-ts/sdk test" },
  { name: "TS: compiler", cmd: "pnpm --filter @mosn-ts/compiler test" },
  { name: "TS: cli", cmd: "pnpm --filter @mosn-ts/cli test" },
  { name: "examples: both backends", cmd: "pnpm --filter './examples/**' test" },
  {
    name: "conformance: official Go SDK vs TypeScript twin (default + cgocheck2), export signatures",
    cmd: "pnpm test:conformance",
  },
];

process.exitCode = runSteps("mosn-ts tests", steps);
