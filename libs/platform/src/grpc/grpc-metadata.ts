import { randomUUID } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { CONTEXT_HEADERS, type RequestContext } from '../context/request-context';

/** gRPC metadata carrying a request context to the callee. */
export function metadataFromContext(ctx: RequestContext | undefined): Metadata {
  const metadata = new Metadata();
  if (!ctx) return metadata;
  for (const key of Object.keys(CONTEXT_HEADERS) as (keyof typeof CONTEXT_HEADERS)[]) {
    const value = ctx[key];
    if (value) metadata.set(CONTEXT_HEADERS[key], value);
  }
  return metadata;
}

/** The request context a caller sent in gRPC metadata; a fresh correlation id when none came. */
export function contextFromMetadata(metadata: Metadata | undefined): RequestContext {
  const read = (key: string): string | undefined => {
    const [value] = metadata?.get(key) ?? [];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return {
    correlationId: read(CONTEXT_HEADERS.correlationId) ?? randomUUID(),
    causationId: read(CONTEXT_HEADERS.causationId),
    tenantId: read(CONTEXT_HEADERS.tenantId),
    partnerId: read(CONTEXT_HEADERS.partnerId),
    principal: read(CONTEXT_HEADERS.principal),
  };
}
