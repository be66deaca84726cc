export { createHost, Host, DEFAULT_SEED } from "./host.js";
export type { HostOptions } from "./host.js";
export type { BackendSelection } from "./backend.js";
export type { RequestOptions, UpstreamOptions, BodyOptions, HeadersInit } from "./request-options.js";
export { RequestResult, ResponseView, UpstreamView } from "./result.js";
export { ConfigError, BackendDivergenceError, HostProtocolError } from "./errors.js";
export type { TypeDescriptor, FieldDescriptor } from "./type-descriptor.js";
export { CONSUMERS_PLUGIN } from "./consumers-config.js";
export type { ConsumerConfig, ConsumersConfig } from "./consumers-config.js";
export type * from "./protocol.js";
// For tools that drive the native host without a TypeScript plugin (the CLI's `mosn-ts run`).
export { NativeHost } from "./native/native-host.js";
export type { NativeHostOptions } from "./native/native-host.js";
export { buildRequestOp } from "./request-options.js";
