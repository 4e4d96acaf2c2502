import fc from 'fast-check';
import {
  CUSTOMER_STATUSES,
  type CustomerStatus,
  type LineProgress,
  lineStatusOf,
  orderStatusOf,
  riskOf,
} from './customer-status';

function line(overrides: Partial<LineProgress> = {}): LineProgress {
  return {
    quantity: 2,
    cancelled: 0,
    shipped: 0,
    delivered: 0,
    outForDelivery: 0,
    delayedInTransit: 0,
    readyForPickup: 0,
    collected: 0,
    returned: 0,
    refunded: 0,
    processing: false,
    overdue: false,
    ...overrides,
  };
}

describe(lineStatusOf.name, () => {
  it.each<[string, Partial<LineProgress>, CustomerStatus]>([
    ['nothing happened yet', {}, 'received'],
    ['work started', { processing: true }, 'processing'],
    ['one of two units shipped', { processing: true, shipped: 1 }, 'partially_shipped'],
    ['both units shipped', { processing: true, shipped: 2 }, 'shipped'],
    ['both units out for delivery', { processing: true, shipped: 2, outForDelivery: 2 }, 'out_for_delivery'],
    ['one delivered, one still travelling', { processing: true, shipped: 2, delivered: 1 }, 'shipped'],
    ['everything delivered', { processing: true, shipped: 2, delivered: 2 }, 'delivered'],
    ['waiting at the store', { processing: true, readyForPickup: 2 }, 'ready_for_pickup'],
    ['one unit ready, the other not yet picked', { processing: true, readyForPickup: 1 }, 'partially_shipped'],
    ['collected', { processing: true, collected: 2 }, 'collected'],
    ['one collected, one cancelled', { processing: true, collected: 1, cancelled: 1 }, 'collected'],
    ['cancelled entirely', { cancelled: 2 }, 'cancelled'],
    ['one of two cancelled, the other shipped', { processing: true, cancelled: 1, shipped: 1 }, 'shipped'],
    ['a returned unit awaiting its refund', { shipped: 2, delivered: 2, returned: 1 }, 'returned'],
    ['every returned unit refunded', { shipped: 2, delivered: 2, returned: 1, refunded: 1 }, 'refunded'],
    ['carrier reported a problem', { processing: true, shipped: 2, delayedInTransit: 2 }, 'delayed'],
    ['the promise passed before shipping', { processing: true, overdue: true }, 'delayed'],
  ])('%s → %s', (_name, progress, expected) => {
    expect(lineStatusOf(line(progress))).toBe(expected);
  });

  it('never calls a finished line delayed', () => {
    expect(lineStatusOf(line({ shipped: 2, delivered: 2, overdue: true }))).toBe('delivered');
    expect(lineStatusOf(line({ cancelled: 2, overdue: true }))).toBe('cancelled');
    expect(lineStatusOf(line({ readyForPickup: 2, overdue: true }))).toBe('ready_for_pickup');
  });

  it('always answers with a word of the vocabulary', () => {
    fc.assert(
      fc.property(
        fc.record({
          quantity: fc.integer({ min: 1, max: 5 }),
          cancelled: fc.integer({ min: 0, max: 5 }),
          shipped: fc.integer({ min: 0, max: 5 }),
          delivered: fc.integer({ min: 0, max: 5 }),
          outForDelivery: fc.integer({ min: 0, max: 5 }),
          delayedInTransit: fc.integer({ min: 0, max: 5 }),
          readyForPickup: fc.integer({ min: 0, max: 5 }),
          collected: fc.integer({ min: 0, max: 5 }),
          returned: fc.integer({ min: 0, max: 5 }),
          refunded: fc.integer({ min: 0, max: 5 }),
          processing: fc.boolean(),
          overdue: fc.boolean(),
        }),
        (progress) => {
          expect(CUSTOMER_STATUSES).toContain(lineStatusOf(progress));
        },
      ),
    );
  });
});

describe(orderStatusOf.name, () => {
  const none = { processing: false, cancelled: false };

  it.each<[CustomerStatus[], CustomerStatus]>([
    [['received', 'received'], 'received'],
    [['processing', 'received'], 'processing'],
    [['shipped', 'processing'], 'partially_shipped'],
    [['partially_shipped', 'processing'], 'partially_shipped'],
    [['shipped', 'shipped'], 'shipped'],
    [['shipped', 'out_for_delivery'], 'out_for_delivery'],
    [['delivered', 'shipped'], 'shipped'],
    [['delivered', 'delivered'], 'delivered'],
    [['collected', 'collected'], 'collected'],
    [['collected', 'delivered'], 'delivered'],
    [['ready_for_pickup', 'delivered'], 'ready_for_pickup'],
    [['ready_for_pickup', 'shipped'], 'shipped'],
    [['ready_for_pickup', 'processing'], 'partially_shipped'],
    [['delayed', 'delivered'], 'delayed'],
    [['cancelled', 'delivered'], 'delivered'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['returned', 'delivered'], 'returned'],
    [['refunded', 'delivered'], 'refunded'],
    [['returned', 'refunded'], 'returned'],
    [['returned', 'shipped'], 'shipped'],
  ])('%j → %s', (lines, expected) => {
    expect(orderStatusOf(lines, none)).toBe(expected);
  });

  it('falls back on what happened when no line is known yet', () => {
    expect(orderStatusOf([], none)).toBe('received');
    expect(orderStatusOf([], { processing: true, cancelled: false })).toBe('processing');
    expect(orderStatusOf([], { processing: true, cancelled: true })).toBe('cancelled');
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CUSTOMER_STATUSES), { minLength: 1, maxLength: 6 }), (lines) => {
        expect(orderStatusOf([...lines].reverse(), none)).toBe(orderStatusOf(lines, none));
      }),
    );
  });
});

describe(riskOf.name, () => {
  const now = new Date('2025-05-10T12:00:00.000Z');
  const base = { now, windowMs: 24 * 3_600_000, anyLeft: false, carrierException: false };

  it('is not at risk without a promise or a problem', () => {
    expect(riskOf({ ...base, status: 'processing' })).toEqual({ atRisk: false, reason: null });
  });

  it('flags a missed promise', () => {
    expect(riskOf({ ...base, status: 'delayed', promisedBy: '2025-05-10T11:00:00.000Z' })).toEqual({
      atRisk: true,
      reason: 'promise_missed',
    });
  });

  it('flags an order that has not left within the window before its promise', () => {
    expect(riskOf({ ...base, status: 'processing', promisedBy: '2025-05-11T06:00:00.000Z' }).reason).toBe(
      'not_shipped_near_promise',
    );
    expect(riskOf({ ...base, status: 'processing', promisedBy: '2025-05-13T06:00:00.000Z' }).atRisk).toBe(false);
    expect(riskOf({ ...base, status: 'shipped', anyLeft: true, promisedBy: '2025-05-11T06:00:00.000Z' }).atRisk).toBe(false);
  });

  it('flags a carrier estimate later than the promise', () => {
    expect(
      riskOf({
        ...base,
        status: 'shipped',
        anyLeft: true,
        promisedBy: '2025-05-12T18:00:00.000Z',
        estimatedDeliveryAt: '2025-05-13T10:00:00.000Z',
      }).reason,
    ).toBe('carrier_eta_after_promise');
  });

  it('flags a carrier problem even without a promise', () => {
    expect(riskOf({ ...base, status: 'delayed', anyLeft: true, carrierException: true }).reason).toBe('carrier_exception');
  });

  it('never flags a finished order or one waiting for collection', () => {
    for (const status of ['delivered', 'collected', 'cancelled', 'returned', 'refunded', 'ready_for_pickup'] as const) {
      expect(riskOf({ ...base, status, promisedBy: '2025-05-01T00:00:00.000Z', carrierException: true }).atRisk).toBe(false);
    }
  });
});
