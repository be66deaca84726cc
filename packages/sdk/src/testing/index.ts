import { prefetchSourceSchemas } from "./source-schema/source-schemas.js";

export { createHost, Host, DEFAULT_SEED } from "./host.js";
export type { HostOptions } from "./host.js";
export type { BackendSelection } from "./backend.js";
export type { RequestOptions, UpstreamOptions, BodyOptions, HeadersInit } from "./request-options.js";
export { RequestResult, ResponseView, UpstreamView } from "./result.js";
export { ConfigError, BackendDivergenceError, HostProtocolError } from "./errors.js";
export type { TypeDescriptor, FieldDescriptor } from "./type-descriptor.js";
export { CONSUMERS_PLUGIN, CONSUMERS_CONFIG_TYPE } from "./consumers-config.js";
// For tools that check configs before they reach a host (`mosn-ts build` checks package.json's configs).
export { validateConfig } from "./config-validation.js";
export type { ConfigProblem } from "./config-validation.js";
export type { ConsumerConfig, ConsumersConfig } from "./consumers-config.js";
export type * from "./protocol.js";
// For tools that drive the native host without a TypeScript plugin (the CLI's `mosn-ts run`).
export { NativeHost } from "./native/native-host.js";
export type { NativeHostOptions } from "./native/native-host.js";
export { buildRequestOp } from "./request-options.js";

// In a vitest worker running without a build, derive the plugins' config types while the test
// file loads (see createHost's `schema` option); elsewhere (the CLI imports this module) never.
if (process.env.VITEST && !process.env.MOSN_TS_SO_DIR && process.env.MOSN_TS_BACKENDS !== "native") prefetchSourceSchemas();
