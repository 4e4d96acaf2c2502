import { RESERVATION_STATUSES } from './reservation-status';
import {
  RESERVATION_TRANSITIONS,
  assertTransitionTable,
  confirmRefusal,
  openQuantityOf,
  settledStatus,
} from './reservation-state-machine';

const NOW = new Date('2026-01-01T12:00:00Z');

function reservation(overrides: Partial<Parameters<typeof settledStatus>[0]> = {}) {
  return {
    status: 'held' as const,
    quantity: 5,
    releasedQuantity: 0,
    consumedQuantity: 0,
    expiresAt: new Date('2026-01-01T12:15:00Z'),
    ...overrides,
  };
}

describe('reservation state machine', () => {
  it('has a transitions entry for every status and ends in terminal states', () => {
    expect(() => assertTransitionTable(RESERVATION_TRANSITIONS)).not.toThrow();
    expect(Object.keys(RESERVATION_TRANSITIONS).sort()).toEqual([...RESERVATION_STATUSES].sort());
    expect(() => assertTransitionTable({ ...RESERVATION_TRANSITIONS, held: ['lost'] })).toThrow(/Unknown target lost/);
  });

  it('stays in place while units are open and settles by what happened to the last ones', () => {
    expect(settledStatus(reservation(), { released: 2, consumed: 0 })).toBe('held');
    expect(settledStatus(reservation(), { released: 5, consumed: 0 })).toBe('released');
    expect(settledStatus(reservation({ releasedQuantity: 2 }), { released: 0, consumed: 3 })).toBe('consumed');
    expect(settledStatus(reservation(), { released: 5, consumed: 0, byExpiry: true })).toBe('expired');
    expect(settledStatus(reservation({ status: 'confirmed' }), { released: 1, consumed: 4 })).toBe('consumed');
  });

  it('refuses to give back more than is held and to leave a terminal state', () => {
    expect(() => settledStatus(reservation({ releasedQuantity: 4 }), { released: 2, consumed: 0 })).toThrow(/more than it holds/);
    expect(() => settledStatus(reservation({ status: 'confirmed' }), { released: 5, consumed: 0, byExpiry: true })).toThrow(
      /from confirmed to expired/,
    );
  });

  it('confirms only held, unexpired lines; a confirmed line confirms again as a no-op', () => {
    expect(confirmRefusal(reservation(), NOW)).toBeNull();
    expect(confirmRefusal(reservation({ status: 'confirmed' }), NOW)).toBeNull();
    expect(confirmRefusal(reservation({ expiresAt: NOW }), NOW)).toBe('EXPIRED');
    expect(confirmRefusal(reservation({ status: 'released', releasedQuantity: 5 }), NOW)).toBe('NOT_HELD');
    expect(confirmRefusal(reservation({ status: 'expired', releasedQuantity: 5 }), NOW)).toBe('NOT_HELD');
    expect(openQuantityOf(reservation({ releasedQuantity: 1, consumedQuantity: 2 }))).toBe(2);
  });
});
