import { z } from 'zod';
import { isValidTimeZone } from '../scheduling/zoned-time';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)');
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().min(0);

/**
 * A zone: where a parcel goes, by destination country, postal-code prefix and/or distance from
 * the origin. Every criterion given must hold; the first matching zone of a carrier wins.
 */
const zoneSchema = z
  .object({
    code: z.string().min(1),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be ISO 3166-1 alpha-2')).min(1).optional(),
    postalPrefixes: z.array(z.string().min(1)).min(1).optional(),
    maxDistanceKm: z.number().positive().optional(),
  })
  .refine((zone) => zone.countries || zone.postalPrefixes || zone.maxDistanceKm !== undefined, {
    message: 'a zone needs countries, postalPrefixes or maxDistanceKm',
  });

const bandSchema = z.object({ maxWeightGrams: positiveInt, priceMinor: nonNegativeInt });

const serviceSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase code'),
  name: z.string().min(1),
  /** Operating days from collection to delivery; per zone where it differs. */
  transitDays: nonNegativeInt,
  transitDaysByZone: z.record(z.string(), nonNegativeInt).optional(),
  cutoff: hhmm,
  deliverBy: hhmm.default('18:00'),
  operatingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  sameDay: z.boolean().default(false),
  timeWindow: z.boolean().default(false),
  dispatchLeadMinutes: nonNegativeInt.default(0),
  insuredValueLimitMinor: nonNegativeInt,
  rates: z.array(z.object({ zone: z.string().min(1), bands: z.array(bandSchema).min(1) })).min(1),
});

export const tableRateCarrierSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a lowercase id'),
    name: z.string().min(1),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be ISO 4217'),
    trackingPrefix: z.string().regex(/^[A-Z]{2,4}$/, 'must be 2-4 capital letters'),
    /** cm³ per kg for volumetric weight; absent: actual weight only. */
    volumetricDivisor: positiveInt.optional(),
    zones: z.array(zoneSchema).min(1),
    services: z.array(serviceSchema).min(1),
  })
  .superRefine((carrier, ctx) => {
    const zones = new Set(carrier.zones.map((zone) => zone.code));
    const codes = new Set<string>();
    carrier.services.forEach((service, index) => {
      if (codes.has(service.code)) {
        ctx.addIssue({ code: 'custom', path: ['services', index, 'code'], message: `duplicate service ${service.code}` });
      }
      codes.add(service.code);
      service.rates.forEach((rate, rateIndex) => {
        if (!zones.has(rate.zone)) {
          ctx.addIssue({ code: 'custom', path: ['services', index, 'rates', rateIndex, 'zone'], message: `unknown zone ${rate.zone}` });
        }
      });
    });
  });

export type TableRateCarrierConfig = z.output<typeof tableRateCarrierSchema>;
export type TableRateCarrierInput = z.input<typeof tableRateCarrierSchema>;
export type TableRateService = TableRateCarrierConfig['services'][number];
export type TableRateZone = TableRateCarrierConfig['zones'][number];

/**
 * Validates carrier tables (from the seed or an operator's file); a bad table fails the start
 * with every problem named by its path.
 */
export function parseTableRateCarriers(input: unknown): TableRateCarrierConfig[] {
  const parsed = z.array(tableRateCarrierSchema).min(1).safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid carrier tables: ${problems.join('; ')}`);
  }
  const ids = parsed.data.map((carrier) => carrier.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new Error(`Invalid carrier tables: duplicate carrier id ${duplicate}`);
  return parsed.data;
}
