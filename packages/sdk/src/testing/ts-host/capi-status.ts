/** A failing CAPIStatus of Envoy's C API (api.h), by its name. */
export type CapiError =
  | "CAPIFilterIsGone"
  | "CAPIFilterIsDestroy"
  | "CAPINotInGo"
  | "CAPIInvalidPhase"
  | "CAPIValueNotFound"
  | "CAPIInternalFailure"
  | "CAPISerializationFailure"
  | "CAPIInvalidScene"
  | "CAPIInvalidIPAddress";

export type CapiStatus = "ok" | CapiError;

/** A C API call that answers a value failed; wraps the status so string values stay unambiguous. */
export class CapiFailure {
  constructor(readonly status: CapiError) {}
}

/** A value, or the status the call failed with. */
export type CapiResult<T> = T | CapiFailure;
