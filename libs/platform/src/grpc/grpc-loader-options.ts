import type { Options } from '@grpc/proto-loader';
import { GRPC_SERVICES, PROTO_ROOT, type GrpcServiceName } from '@baton/contracts';
import { join } from 'node:path';

/** proto-loader options shared by every server and client, matching the ts-proto generated types. */
export const GRPC_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const satisfies Options;

/** Absolute path of the .proto file defining a service. */
export function protoPathOf(name: GrpcServiceName): string {
  return join(PROTO_ROOT, GRPC_SERVICES[name].file);
}
