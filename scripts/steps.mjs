// Runs named shell steps one after another, printing timings, and reports every failure at
// the end instead of stopping at the first, so one CI run shows all that is broken.
import { spawnSync } from "node:child_process";

export function runSteps(title, steps) {
  const failures = [];
  const started = Date.now();
  for (const step of steps) {
    const t0 = Date.now();
    process.stdout.write(`\n=== ${step.name}\n$ ${step.cmd}\n`);
    const r = spawnSync(step.cmd, {
      shell: "/bin/bash",
      stdio: "inherit",
      cwd: step.cwd,
      env: { ...process.env, ...(step.env ?? {}) },
    });
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    if (r.status === 0) {
      process.stdout.write(`=== ok: ${step.name} (${secs}s)\n`);
    } else {
      process.stdout.write(`=== FAILED: ${step.name} (${secs}s, exit ${r.status ?? r.signal})\n`);
      failures.push(step.name);
    }
  }
  const total = ((Date.now() - started) / 1000).toFixed(0);
  if (failures.length > 0) {
    process.stdout.write(`\n${title}: ${failures.length} of ${steps.length} steps failed (${total}s):\n`);
    for (const f of failures) process.stdout.write(`  - ${f}\n`);
    return 1;
  }
  process.stdout.write(`\n${title}: all ${steps.length} steps passed (${total}s)\n`);
  return 0;
}
