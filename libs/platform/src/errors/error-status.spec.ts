import { status as GrpcStatus } from '@grpc/grpc-js';
import type { ErrorKind } from '@baton/domain';
import { grpcStatusOf, httpStatusOf, kindOfGrpcStatus } from './error-status';

/** Every kind, checked against the union at compile time so a new kind breaks this test file. */
const HTTP_BY_KIND = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  precondition: 422,
  unauthenticated: 401,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorKind, number>;
const KINDS = Object.keys(HTTP_BY_KIND) as ErrorKind[];

describe('error status mapping', () => {
  it.each(KINDS)('answers %s with its HTTP status', (kind) => {
    expect(httpStatusOf(kind)).toBe(HTTP_BY_KIND[kind]);
  });

  it('gives every kind its own gRPC status, which maps back to the same kind', () => {
    const statuses = KINDS.map(grpcStatusOf);
    expect(new Set(statuses).size).toBe(KINDS.length);
    for (const kind of KINDS) expect(kindOfGrpcStatus(grpcStatusOf(kind))).toBe(kind);
  });

  it('throws on a kind outside the union instead of answering with a default', () => {
    expect(() => httpStatusOf('teapot' as ErrorKind)).toThrow('Unreachable');
    expect(() => grpcStatusOf('teapot' as ErrorKind)).toThrow('Unreachable');
  });

  it('treats transport failures as unavailable and unknown statuses as internal', () => {
    expect(kindOfGrpcStatus(GrpcStatus.DEADLINE_EXCEEDED)).toBe('unavailable');
    expect(kindOfGrpcStatus(GrpcStatus.UNAVAILABLE)).toBe('unavailable');
    expect(kindOfGrpcStatus(GrpcStatus.UNKNOWN)).toBe('internal');
    expect(kindOfGrpcStatus(GrpcStatus.UNIMPLEMENTED)).toBe('internal');
  });
});
