import { withTenant } from '@baton/testing';
import { ReservationLifecycleService } from '../src/reservation/reservation-lifecycle.service';
import { type InventoryKit, ledgerDrift, reservationDrift, seedPosition, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-lifecycle';

describe(ReservationLifecycleService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_lifecycle');
  });

  afterEach(async () => {
    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
    expect(await reservationDrift(kit.dataSource)).toEqual([]);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const inTenant = <T>(fn: () => Promise<T>) => withTenant(TENANT, fn);

  async function positionOf(position: { sku: string; locationId: string }) {
    const [row] = await kit.dataSource.query(
      `SELECT on_hand::int AS "onHand", reserved::int AS reserved FROM stock_positions WHERE sku = $1 AND location_id = $2`,
      [position.sku, position.locationId],
    );
    return row as { onHand: number; reserved: number };
  }

  async function reserve(orderId: string, lines: Array<{ lineId: string; sku: string; locationId: string; quantity: number }>, ttlSeconds = 0) {
    return inTenant(() => kit.reservations.reservePlan({ orderId, lines, ttlSeconds }));
  }

  it('confirms held lines, which then survive their expiry', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('confirm-1', [
      { lineId: 'a', ...position, quantity: 2 },
      { lineId: 'b', ...position, quantity: 3 },
    ], 60);

    const confirmed = await inTenant(() => kit.lifecycle.confirmReservations({ orderId: 'confirm-1', lineIds: [] }));
    const again = await inTenant(() => kit.lifecycle.confirmReservations({ orderId: 'confirm-1', lineIds: ['a'] }));
    const swept = await kit.sweeper.sweepOnce(new Date(Date.now() + 3600_000));

    expect(confirmed.map((r) => [r.lineId, r.status, r.openQuantity])).toEqual([
      ['a', 'confirmed', 2],
      ['b', 'confirmed', 3],
    ]);
    expect(again.map((r) => r.status)).toEqual(['confirmed']);
    expect(swept).toBe(0);
    expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 5 });
    const events = await kit.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'inventory.reservation.confirmed.v1' AND aggregate_id = 'confirm-1'`,
    );
    expect(events[0].n).toBe(1);
  });

  it('refuses to confirm a line that expired or was released, naming it, and confirms nothing', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('confirm-late', [
      { lineId: 'a', ...position, quantity: 1 },
      { lineId: 'b', ...position, quantity: 1 },
    ], 60);
    await inTenant(() =>
      kit.lifecycle.releaseReservations({ orderId: 'confirm-late', lines: [{ lineId: 'b', quantity: 1 }], reference: 'r1', reason: '' }),
    );

    await expect(
      inTenant(() => kit.lifecycle.confirmReservations({ orderId: 'confirm-late', lineIds: ['a', 'b'] })),
    ).rejects.toMatchObject({ code: 'RESERVATION_NOT_HELD', details: { lines: [{ lineId: 'b', status: 'released' }] } });
    const listed = await inTenant(() => kit.lifecycle.listReservations({ orderId: 'confirm-late' }));
    expect(listed.map((r) => [r.lineId, r.status])).toEqual([
      ['a', 'held'],
      ['b', 'released'],
    ]);
    await expect(
      inTenant(() => kit.lifecycle.confirmReservations({ orderId: 'no-such-order', lineIds: [] })),
    ).rejects.toMatchObject({ kind: 'not_found', code: 'RESERVATION_NOT_FOUND' });
  });

  it('releases part of a line, then the rest, once per reference', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('partial', [{ lineId: 'a', ...position, quantity: 5 }]);

    const release = (quantity: number, reference: string) =>
      inTenant(() =>
        kit.lifecycle.releaseReservations({ orderId: 'partial', lines: [{ lineId: 'a', quantity }], reference, reason: 'customer changed mind' }),
      );
    const [first] = await release(2, 'rel-1');
    const [repeat] = await release(2, 'rel-1');
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => release(1, 'rel-2')));
    const [all] = await inTenant(() => kit.lifecycle.releaseReservations({ orderId: 'partial', lines: [], reference: 'rel-all', reason: '' }));

    expect(first).toMatchObject({ status: 'held', releasedQuantity: 2, openQuantity: 3 });
    expect(repeat).toMatchObject({ status: 'held', releasedQuantity: 2, openQuantity: 3 });
    expect(concurrent.every(([r]) => r.releasedQuantity === 3)).toBe(true);
    expect(all).toMatchObject({ status: 'released', releasedQuantity: 5, openQuantity: 0 });
    expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 0 });
    const released = await kit.dataSource.query(
      `SELECT reserved_delta::int AS d FROM stock_movements WHERE sku = $1 AND type = 'release' ORDER BY seq`,
      [position.sku],
    );
    expect(released.map((m: { d: number }) => m.d)).toEqual([-2, -1, -2]);
  });

  it('refuses to release more than a line holds and changes nothing', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('too-much', [
      { lineId: 'a', ...position, quantity: 2 },
      { lineId: 'b', ...position, quantity: 2 },
    ]);

    await expect(
      inTenant(() =>
        kit.lifecycle.releaseReservations({
          orderId: 'too-much',
          lines: [
            { lineId: 'a', quantity: 1 },
            { lineId: 'b', quantity: 3 },
          ],
          reference: 'x',
          reason: '',
        }),
      ),
    ).rejects.toMatchObject({ code: 'RELEASE_EXCEEDS_OPEN', details: { lines: [{ lineId: 'b', requested: 3, open: 2 }] } });
    await expect(
      inTenant(() =>
        kit.lifecycle.releaseReservations({ orderId: 'too-much', lines: [{ lineId: 'zz', quantity: 1 }], reference: 'y', reason: '' }),
      ),
    ).rejects.toMatchObject({ code: 'RESERVATION_NOT_FOUND', details: { lineIds: ['zz'] } });
    expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 4 });
  });

  describe('the expiry sweeper', () => {
    it('releases held reservations past expiry in batches, with an event each, and leaves the others', async () => {
      const inTwoMinutes = new Date(Date.now() + 120_000);
      await kit.sweeper.sweepOnce(inTwoMinutes);
      const position = await seedPosition(kit, TENANT, 200);
      for (let i = 0; i < 120; i++) await reserve(`exp-${i}`, [{ lineId: '1', ...position, quantity: 1 }], 60);
      await reserve('exp-late', [{ lineId: '1', ...position, quantity: 1 }], 3600);
      await reserve('exp-confirmed', [{ lineId: '1', ...position, quantity: 1 }], 60);
      await inTenant(() => kit.lifecycle.confirmReservations({ orderId: 'exp-confirmed', lineIds: [] }));

      const [first, second] = await Promise.all([kit.sweeper.sweepOnce(inTwoMinutes), kit.sweeper.sweepOnce(inTwoMinutes)]);

      expect(first + second).toBe(120);
      expect(await positionOf(position)).toEqual({ onHand: 200, reserved: 2 });
      const statuses = await kit.dataSource.query(
        `SELECT status, count(*)::int AS n FROM reservations WHERE order_id LIKE 'exp-%' GROUP BY status ORDER BY status`,
      );
      expect(statuses).toEqual([
        { status: 'confirmed', n: 1 },
        { status: 'expired', n: 120 },
        { status: 'held', n: 1 },
      ]);
      const [event] = await kit.dataSource.query(
        `SELECT envelope FROM outbox_events WHERE type = 'inventory.reservation.expired.v1' AND aggregate_id = 'exp-7'`,
      );
      expect(event.envelope).toMatchObject({
        tenantId: TENANT,
        data: { orderId: 'exp-7', lineId: '1', sku: position.sku, locationId: position.locationId, quantity: 1 },
      });
      const [{ n }] = await kit.dataSource.query(
        `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'inventory.reservation.expired.v1' AND aggregate_id LIKE 'exp-%'`,
      );
      expect(n).toBe(120);
      expect(await kit.sweeper.sweepOnce(inTwoMinutes)).toBe(0);
    });

    it('releases only what is still open of a partly released reservation', async () => {
      const position = await seedPosition(kit, TENANT, 10);
      await reserve('exp-partial', [{ lineId: '1', ...position, quantity: 4 }], 60);
      await inTenant(() =>
        kit.lifecycle.releaseReservations({ orderId: 'exp-partial', lines: [{ lineId: '1', quantity: 1 }], reference: 'r', reason: '' }),
      );

      await kit.sweeper.sweepOnce(new Date(Date.now() + 120_000));

      const [reservation] = await inTenant(() => kit.lifecycle.listReservations({ orderId: 'exp-partial' }));
      expect(reservation).toMatchObject({ status: 'expired', releasedQuantity: 4, openQuantity: 0 });
      expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 0 });
    });
  });
});
