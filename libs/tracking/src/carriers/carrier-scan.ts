import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SCAN_CODES, type ScanCode } from '@baton/domain';
import { TrackingError } from '../tracking.errors';

/** A scan as an adapter or poller hands it over, normalised to Baton's codes. */
export interface CarrierScan {
  /** The carrier's id of the scan; when it has none, {@link scanIdOf} derives a stable one. */
  scanId?: string;
  trackingNumber: string;
  code: ScanCode;
  description: string;
  place: { name?: string; city?: string; postalCode?: string; country?: string };
  occurredAt: string;
  estimatedDeliveryAt?: string;
}

/** How far in the future a scan time may lie (carrier clocks drift; more is a bad payload). */
export const MAX_SCAN_CLOCK_SKEW_MS = 24 * 3_600_000;

const isoDate = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

export const carrierScanSchema = z.object({
  scanId: text(200).min(1, 'must not be empty').optional(),
  trackingNumber: z.string().regex(/^[A-Za-z0-9-]{4,64}$/, 'must be 4-64 letters, digits or dashes'),
  code: z.enum(SCAN_CODES, { error: `must be one of ${SCAN_CODES.join(', ')}` }),
  description: text(500).default(''),
  place: z
    .object({
      name: text(200).optional(),
      city: text(100).optional(),
      postalCode: text(20).optional(),
      country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').optional(),
    })
    .strict()
    .default({}),
  occurredAt: isoDate,
  estimatedDeliveryAt: isoDate.optional(),
});

/**
 * Validates scans against {@link carrierScanSchema}, refusing the whole batch (naming each bad
 * field) when any scan is invalid: a carrier retries a refused webhook, so nothing is half-taken.
 */
export function validateScans(candidates: unknown[], now: Date, fieldPrefix = 'scans'): CarrierScan[] {
  const violations: Array<{ field: string; message: string }> = [];
  const scans: CarrierScan[] = [];
  candidates.forEach((candidate, index) => {
    const parsed = carrierScanSchema.strict().safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        violations.push({ field: [fieldPrefix, index, ...issue.path].join('.'), message: issue.message });
      }
      return;
    }
    if (Date.parse(parsed.data.occurredAt) > now.getTime() + MAX_SCAN_CLOCK_SKEW_MS) {
      violations.push({ field: `${fieldPrefix}.${index}.occurredAt`, message: 'lies too far in the future' });
      return;
    }
    scans.push({ ...parsed.data, occurredAt: new Date(parsed.data.occurredAt).toISOString() });
  });
  if (violations.length > 0) {
    throw new TrackingError('CARRIER_PAYLOAD_INVALID', 'The tracking payload is invalid', {}, violations);
  }
  return scans;
}

/** The scan's own id, or a digest of what it says, so a scan re-sent by the carrier is recognised. */
export function scanIdOf(scan: CarrierScan): string {
  if (scan.scanId) return scan.scanId;
  const digest = createHash('sha256')
    .update(JSON.stringify([scan.trackingNumber, scan.code, scan.occurredAt, scan.place.city ?? '', scan.place.name ?? '']))
    .digest('hex');
  return `sha256:${digest.slice(0, 32)}`;
}
