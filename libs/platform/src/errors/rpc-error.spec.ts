import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { DomainError, ValidationError, type ErrorKind } from '@baton/domain';
import { RemoteError } from './remote-error';
import { ERROR_METADATA_KEY, fromGrpcError, toRpcError, type RpcStatusError } from './rpc-error';

const KINDS: ErrorKind[] = ['invalid', 'not_found', 'conflict', 'precondition', 'unauthenticated', 'forbidden', 'unavailable', 'internal'];

/** What a caller receives: grpc-js sends code, details and trailers; metadata goes through its wire form. */
function overTheWire(err: RpcStatusError): Error & RpcStatusError {
  const received = new Metadata();
  for (const [key, value] of Object.entries(err.metadata.toHttp2Headers())) {
    for (const v of Array.isArray(value) ? value : [value]) {
      received.add(key, key.endsWith('-bin') ? Buffer.from(String(v), 'base64') : String(v));
    }
  }
  return Object.assign(new Error(`${err.code} ${GrpcStatus[err.code]}: ${err.details}`), {
    code: err.code,
    details: err.details,
    metadata: received,
  });
}

describe('gRPC error mapping', () => {
  it.each(KINDS)('keeps kind, code, message, details and violations of a %s error', (kind) => {
    const original = new DomainError(kind, `${kind.toUpperCase()}_CODE`, `Ünïcode message for ${kind}`, { orderId: 'o-1', lines: [1, 2] }, [
      { field: 'lines[0].sku', message: 'unknown sku' },
    ]);
    const rpc = toRpcError(original).getError() as RpcStatusError;
    const back = fromGrpcError(overTheWire(rpc));
    expect(back).toBeInstanceOf(RemoteError);
    expect(back).toBeInstanceOf(DomainError);
    expect(back.kind).toBe(kind);
    expect(back.code).toBe(original.code);
    expect(back.message).toBe(original.message);
    expect(back.details).toEqual(original.details);
    expect(back.violations).toEqual(original.violations);
  });

  it('keeps a ValidationError as invalid VALIDATION_FAILED with every violation', () => {
    const original = new ValidationError([
      { field: 'quantity', message: 'must be positive' },
      { field: 'sku', message: 'is required' },
    ]);
    const back = fromGrpcError(overTheWire(toRpcError(original).getError() as RpcStatusError));
    expect(back).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED', violations: original.violations });
  });

  it('hides the message of a non-domain error behind INTERNAL', () => {
    const rpc = toRpcError(new Error('password=hunter2 at db.ts:12')).getError() as RpcStatusError;
    expect(rpc.code).toBe(GrpcStatus.INTERNAL);
    expect(rpc.details).not.toContain('hunter2');
    expect(String(rpc.metadata.get(ERROR_METADATA_KEY)[0])).not.toContain('hunter2');
    expect(fromGrpcError(overTheWire(rpc))).toMatchObject({ kind: 'internal', code: 'INTERNAL' });
  });

  it.each([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED])('turns transport status %s into unavailable SERVICE_UNAVAILABLE', (code) => {
    const err = Object.assign(new Error('No connection established'), { code, details: 'No connection established', metadata: new Metadata() });
    expect(fromGrpcError(err)).toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE', grpcCode: code });
  });

  it('treats something that is not a gRPC error as internal', () => {
    expect(fromGrpcError('boom')).toMatchObject({ kind: 'internal', code: 'INTERNAL' });
  });
});
