import type { ReservationEntity } from './reservation.entity';
import { planConsumption, planRelease, takeFromFreeStock } from './reservation-settlement';

const STORE = '6f1c1f52-8b36-4c61-9d55-3c8f0a4f9a01';
const WAREHOUSE = '0b7e0d8e-2b0a-4f0e-a0c4-7f6f7d1c2e02';

function reservation(lineId: string, overrides: Partial<ReservationEntity> = {}): ReservationEntity {
  return {
    id: `r-${lineId}`,
    tenantId: 't',
    orderId: 'o',
    lineId,
    sku: 'SKU-1',
    locationId: STORE,
    quantity: 5,
    status: 'held',
    expiresAt: new Date(),
    releasedQuantity: 0,
    consumedQuantity: 0,
    confirmedAt: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}

describe(planRelease.name, () => {
  const reservations = [reservation('a'), reservation('b', { releasedQuantity: 3 }), reservation('c', { status: 'consumed', consumedQuantity: 5 })];

  it('releases everything still open for "all"', () => {
    const plan = planRelease(reservations, 'all', true);
    expect(plan.releases.map((r) => [r.reservation.lineId, r.quantity])).toEqual([
      ['a', 5],
      ['b', 2],
    ]);
  });

  it('strictly refuses lines asking for more than they hold, and names unknown lines', () => {
    const plan = planRelease(reservations, [{ lineId: 'b', quantity: 3 }, { lineId: 'x', quantity: 1 }, { lineId: 'a', quantity: 1 }], true);
    expect(plan.exceeding).toEqual([{ lineId: 'b', requested: 3, open: 2 }]);
    expect(plan.unknownLines).toEqual(['x']);
    expect(plan.releases.map((r) => [r.reservation.lineId, r.quantity])).toEqual([['a', 1]]);
  });

  it('leniently releases what is there, summing repeated lines, and skips settled ones', () => {
    const plan = planRelease(reservations, [{ lineId: 'b', quantity: 1 }, { lineId: 'b', quantity: 4 }, { lineId: 'c', quantity: 1 }], false);
    expect(plan.releases.map((r) => [r.reservation.lineId, r.quantity])).toEqual([['b', 2]]);
    expect(plan.exceeding).toEqual([]);
  });
});

describe(planConsumption.name, () => {
  it('takes from the reservation at the handing-over location, up to what is open', () => {
    const steps = planConsumption([reservation('a', { releasedQuantity: 1 })], STORE, [{ lineId: 'a', sku: 'SKU-1', quantity: 6 }]);
    expect(steps.map((s) => [s.fromReservation, s.releasedElsewhere])).toEqual([[4, 0]]);
  });

  it('releases a reservation held elsewhere instead of consuming it', () => {
    const steps = planConsumption([reservation('a', { locationId: WAREHOUSE })], STORE, [{ lineId: 'a', sku: 'SKU-1', quantity: 2 }]);
    expect(steps.map((s) => [s.fromReservation, s.releasedElsewhere])).toEqual([[0, 2]]);
  });

  it('consumes nothing for a line without reservation or with another SKU', () => {
    const steps = planConsumption([reservation('a')], STORE, [
      { lineId: 'z', sku: 'SKU-1', quantity: 1 },
      { lineId: 'a', sku: 'OTHER', quantity: 1 },
    ]);
    expect(steps.map((s) => s.fromReservation)).toEqual([0, 0]);
  });
});

describe(takeFromFreeStock.name, () => {
  it('takes what is free and reports the rest as missing', () => {
    expect(takeFromFreeStock(5, 3)).toEqual({ taken: 3, missing: 2 });
    expect(takeFromFreeStock(2, 3)).toEqual({ taken: 2, missing: 0 });
    expect(takeFromFreeStock(2, -1)).toEqual({ taken: 0, missing: 2 });
  });
});
