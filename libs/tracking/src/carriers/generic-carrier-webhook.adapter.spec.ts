import { signatureHeader } from '../signing/hmac-signature';
import { CARRIER_SIGNATURE_HEADER, CARRIER_TIMESTAMP_HEADER, GenericCarrierWebhookAdapter } from './generic-carrier-webhook.adapter';
import { scanIdOf } from './carrier-scan';

const NOW = new Date('2025-05-01T12:00:00.000Z');
const adapter = new GenericCarrierWebhookAdapter();

function request(body: unknown, secret = 'carrier-secret-0123456789', at = NOW) {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    headers: { [CARRIER_TIMESTAMP_HEADER]: String(timestamp), [CARRIER_SIGNATURE_HEADER]: signatureHeader(secret, timestamp, raw) },
    body: raw,
  };
}

const scan = { trackingNumber: 'JD014600', code: 'in_transit', occurredAt: '2025-05-01T10:00:00+02:00', place: { city: 'Utrecht', country: 'NL' } };

describe(GenericCarrierWebhookAdapter.name, () => {
  it('accepts a request signed with the secret and normalises its scans', () => {
    const signed = request({ scans: [scan] });
    expect(() => adapter.verify(signed, 'carrier-secret-0123456789', NOW)).not.toThrow();
    expect(adapter.parse(signed, NOW)).toEqual([{ ...scan, description: '', occurredAt: '2025-05-01T08:00:00.000Z' }]);
  });

  it('refuses a request signed with another secret or too long ago', () => {
    expect(() => adapter.verify(request({ scans: [scan] }, 'another-secret-0123456789'), 'carrier-secret-0123456789', NOW)).toThrow(
      expect.objectContaining({ code: 'CARRIER_SIGNATURE_INVALID' }),
    );
    const old = request({ scans: [scan] }, 'carrier-secret-0123456789', new Date(NOW.getTime() - 6 * 60_000));
    expect(() => adapter.verify(old, 'carrier-secret-0123456789', NOW)).toThrow(expect.objectContaining({ details: { check: 'stale' } }));
  });

  it('refuses bodies that are not JSON, have no scans, or carry unknown fields or codes', () => {
    expect(() => adapter.parse(request('not json'), NOW)).toThrow(expect.objectContaining({ violations: [{ field: 'body', message: 'must be JSON' }] }));
    expect(() => adapter.parse(request({ scans: [] }), NOW)).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ field: 'scans' })] }));
    expect(() => adapter.parse(request({ scans: [{ ...scan, code: 'lost_in_space', recipient: 'Ada' }] }), NOW)).toThrow(
      expect.objectContaining({
        violations: expect.arrayContaining([expect.objectContaining({ field: 'scans.0.code' }), expect.objectContaining({ field: 'scans.0' })]),
      }),
    );
    expect(() => adapter.parse(request({ scans: [{ ...scan, occurredAt: '2025-05-03T12:00:00Z' }] }), NOW)).toThrow(
      expect.objectContaining({ violations: [{ field: 'scans.0.occurredAt', message: 'lies too far in the future' }] }),
    );
  });
});

describe(scanIdOf.name, () => {
  it('uses the carrier’s id, else a digest that is the same for the same scan', () => {
    const parsed = { trackingNumber: 'JD1', code: 'in_transit' as const, description: 'a', place: {}, occurredAt: '2025-05-01T08:00:00.000Z' };
    expect(scanIdOf({ ...parsed, scanId: 'abc' })).toBe('abc');
    expect(scanIdOf(parsed)).toBe(scanIdOf({ ...parsed, description: 'reworded' }));
    expect(scanIdOf(parsed)).not.toBe(scanIdOf({ ...parsed, code: 'delivered' }));
  });
});
