import { EnvoyHeaderMap } from "./header-map.js";
import type { LocalReplyRequest } from "./processor-state.js";

export interface PreparedLocalReply {
  headers: EnvoyHeaderMap;
  /** What goes out as the body: empty for a headers-only reply. */
  body: Uint8Array;
}

/**
 * The response Envoy builds for a local reply (Http::Utility::prepareLocalReply with no
 * local-reply mappers): `:status`, then the filter's headers, then content-length and
 * (unless the filter set one) `content-type: text/plain` when there is a body; both are
 * removed when there is none. A gRPC request gets a trailers-only style answer instead:
 * status 200, `content-type: application/grpc`, `grpc-status` and the body percent-encoded
 * as `grpc-message`. A HEAD request gets the headers only.
 */
export function prepareLocalReply(reply: LocalReplyRequest, request: { isGrpc: boolean; isHead: boolean }): PreparedLocalReply {
  const headers = new EnvoyHeaderMap([[":status", String(reply.status)]]);
  for (const [name, value] of reply.headers) headers.add(name, value);
  const body = new TextEncoder().encode(reply.body);
  // Envoy's own setters for these O(1) headers change an existing entry where it stands.
  if (request.isGrpc) {
    headers.setInPlace(":status", "200");
    headers.setInPlace("content-type", "application/grpc");
    if (!headers.has("grpc-status")) headers.setInPlace("grpc-status", String(reply.grpcStatus));
    if (body.length > 0 && !request.isHead) headers.setInPlace("grpc-message", percentEncode(body));
    headers.remove("content-length");
    return { headers, body: new Uint8Array(0) };
  }
  if (body.length > 0) {
    headers.setInPlace("content-length", String(body.length));
    if (!headers.has("content-type")) headers.setInPlace("content-type", "text/plain");
  } else {
    headers.remove("content-length");
    headers.remove("content-type");
  }
  return { headers, body: request.isHead ? new Uint8Array(0) : body };
}

/** Envoy's PercentEncoding::encode with its default reserved set: controls, `~` and up, `%`. */
function percentEncode(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    out += b < 0x20 || b >= 0x7e || b === 0x25 ? `%${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
  }
  return out;
}

/** Envoy's Grpc::Utility::httpToGrpcStatus. */
export function httpToGrpcStatus(status: number): number {
  switch (status) {
    case 400:
      return 13;
    case 401:
      return 16;
    case 403:
      return 7;
    case 404:
      return 12;
    case 429:
    case 502:
    case 503:
    case 504:
      return 14;
    default:
      return 2;
  }
}

/** Grpc::Common::isGrpcRequestHeaders: a path and content-type application/grpc or application/grpc+x. */
export function isGrpcRequest(headers: EnvoyHeaderMap): boolean {
  const contentType = headers.get("content-type");
  if (headers.get(":path") === undefined || contentType === undefined) return false;
  const grpc = "application/grpc";
  return contentType.startsWith(grpc) && (contentType.length === grpc.length || contentType[grpc.length] === "+");
}
