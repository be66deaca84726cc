// Driving a library through the native mock host over the JSON-lines protocol.
import { runAsync } from "./proc.mjs";

/**
 * Sends every operation to a fresh host process for `library` and returns the answers,
 * one per operation. Fails when the host does not answer each line or exits non-zero.
 */
export async function drive(hostBinary, library, operations, env) {
  const input = operations.map((op) => JSON.stringify(op)).join("\n") + "\n";
  const { stdout, stderr, code } = await runAsync(hostBinary, [library], { input, env });
  const answers = stdout.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
  if (code !== 0 || answers.length !== operations.length) {
    throw new Error(
      `mock host on ${library}: exit ${code}, ${answers.length} answers for ${operations.length} operations\n${stderr}`,
    );
  }
  return answers;
}
