/** What one location can promise of one SKU right now. */
export interface LocationStock {
  locationId: string;
  available: number;
}

/** What sourcing needs of a line; callers may carry more fields through. */
export interface SourcingLine {
  sku: string;
  quantity: number;
}

export type Sourced<L extends SourcingLine> = L & { locationId: string };

/**
 * A line no single location can serve. `available` is the most any one location still has,
 * because a line is never split across locations.
 */
export interface Shortfall {
  sku: string;
  requested: number;
  available: number;
}

export type SourcingPlan<L extends SourcingLine> =
  | { sourced: true; lines: Array<Sourced<L>> }
  | { sourced: false; shortfalls: Shortfall[] };

function byLocationId(a: LocationStock, b: LocationStock): number {
  if (a.locationId === b.locationId) return 0;
  return a.locationId < b.locationId ? -1 : 1;
}

/**
 * The location that fulfils one line whole: any location with enough available stock, the lowest
 * location id among them, so the same network always yields the same choice. Undefined when no
 * single location has enough.
 */
export function chooseLocation(line: { quantity: number }, candidates: readonly LocationStock[]): string | undefined {
  return candidates.filter((c) => c.available >= line.quantity).sort(byLocationId)[0]?.locationId;
}

/**
 * Sources every line of an order, one location per line. Stock promised to an earlier line is no
 * longer available to a later line of the same SKU, so a plan never assigns a location more than
 * it has. Either every line is sourced or the shortfalls of every unsourceable line are reported.
 */
export function planSourcing<L extends SourcingLine>(
  lines: readonly L[],
  stockBySku: ReadonlyMap<string, readonly LocationStock[]>,
): SourcingPlan<L> {
  const remaining = new Map<string, LocationStock[]>();
  for (const [sku, positions] of stockBySku) remaining.set(sku, positions.map((p) => ({ ...p })));

  const sourced: Array<Sourced<L>> = [];
  const shortfalls: Shortfall[] = [];
  for (const line of lines) {
    const candidates = remaining.get(line.sku) ?? [];
    const locationId = chooseLocation(line, candidates);
    const chosen = candidates.find((c) => c.locationId === locationId);
    if (locationId === undefined || !chosen) {
      const available = Math.max(0, ...candidates.map((c) => c.available));
      shortfalls.push({ sku: line.sku, requested: line.quantity, available });
      continue;
    }
    chosen.available -= line.quantity;
    sourced.push({ ...line, locationId });
  }
  return shortfalls.length > 0 ? { sourced: false, shortfalls } : { sourced: true, lines: sourced };
}
