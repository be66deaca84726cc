import type { StatusName } from "../protocol.js";

/** Envoy's golang-filter status codes (GolangStatus in processor_state.h). */
export const GolangStatus = {
  Running: 0,
  LocalReply: 1,
  Continue: 2,
  StopAndBuffer: 3,
  StopAndBufferWatermark: 4,
  StopNoBuffer: 5,
} as const;

const NAMES: Record<number, StatusName> = {
  0: "Running",
  1: "LocalReply",
  2: "Continue",
  3: "StopAndBuffer",
  4: "StopAndBufferWatermark",
  5: "StopNoBuffer",
};

/** The name a trace shows for a status code; codes outside Envoy's set show as `Unknown(7)`. */
export function statusName(code: number): StatusName {
  return NAMES[code] ?? (`Unknown(${code})` as StatusName);
}
