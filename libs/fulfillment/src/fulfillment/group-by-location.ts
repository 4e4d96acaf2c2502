/** The lines one location fulfils. */
export interface LocationGroup<L> {
  locationId: string;
  lines: L[];
}

/**
 * Splits an order's lines into one group per sourced location — one fulfilment order each —
 * ordered by location id, each keeping the lines in the order's own order.
 */
export function groupByLocation<L extends { locationId: string }>(lines: readonly L[]): Array<LocationGroup<L>> {
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    const group = groups.get(line.locationId);
    if (group) group.push(line);
    else groups.set(line.locationId, [line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([locationId, grouped]) => ({ locationId, lines: grouped }));
}
