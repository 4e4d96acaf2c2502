import { withTenant } from '@baton/testing';
import type { inventoryV1 } from '@baton/contracts';
import { InventoryError } from '../src/inventory.errors';
import { ReservationsService } from '../src/reservation/reservations.service';
import { type InventoryKit, ledgerDrift, seedPosition, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-reserve';

describe(ReservationsService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_reservations');
  });

  afterAll(async () => {
    await kit?.close();
  });

  function reserve(orderId: string, lines: inventoryV1.ReservationLine[], ttlSeconds = 0) {
    return withTenant(TENANT, () => kit.reservations.reservePlan({ orderId, lines, ttlSeconds }));
  }

  async function positionOf(position: { sku: string; locationId: string }) {
    const [row] = await kit.dataSource.query(
      `SELECT on_hand::int AS "onHand", reserved::int AS reserved FROM stock_positions WHERE sku = $1 AND location_id = $2`,
      [position.sku, position.locationId],
    );
    return row as { onHand: number; reserved: number };
  }

  async function ledgerReserved(position: { sku: string; locationId: string }): Promise<number> {
    const [{ total }] = await kit.dataSource.query(
      `SELECT coalesce(sum(reserved_delta), 0)::int AS total FROM stock_movements
        WHERE sku = $1 AND location_id = $2 AND type = 'reservation'`,
      [position.sku, position.locationId],
    );
    return total;
  }

  it('sells the last unit exactly once: 500 concurrent single-unit orders against 100 on hand', async () => {
    const position = await seedPosition(kit, TENANT, 100);

    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) => reserve(`race-${i}`, [{ lineId: '1', ...position, quantity: 1 }])),
    );

    const granted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(granted).toHaveLength(100);
    expect(refused).toHaveLength(400);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(InventoryError);
      expect(reason).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    }
    expect(await positionOf(position)).toEqual({ onHand: 100, reserved: 100 });
    expect(await ledgerReserved(position)).toBe(100);
    const [{ held }] = await kit.dataSource.query(
      `SELECT count(*)::int AS held FROM reservations WHERE sku = $1 AND status = 'held'`,
      [position.sku],
    );
    expect(held).toBe(100);
    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
  });

  it('sums the lines of one cart before checking: two carts of 1+1 on the same item race for 100 units', async () => {
    const position = await seedPosition(kit, TENANT, 100);

    const results = await Promise.allSettled(
      Array.from({ length: 80 }, (_, i) =>
        reserve(`pair-${i}`, [
          { lineId: 'a', ...position, quantity: 1 },
          { lineId: 'b', ...position, quantity: 1 },
        ]),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    expect(await positionOf(position)).toEqual({ onHand: 100, reserved: 100 });
    expect(await ledgerReserved(position)).toBe(100);
  });

  it('refuses a cart as a whole when its lines together exceed the stock, naming the lines', async () => {
    const position = await seedPosition(kit, TENANT, 5);
    const other = await seedPosition(kit, TENANT, 10);

    const attempt = reserve('cart-3-3', [
      { lineId: 'x', ...other, quantity: 2 },
      { lineId: 'a', ...position, quantity: 3 },
      { lineId: 'b', ...position, quantity: 3 },
    ]);

    await expect(attempt).rejects.toMatchObject({
      kind: 'conflict',
      code: 'INSUFFICIENT_STOCK',
      details: {
        lines: [
          { lineId: 'a', sku: position.sku, locationId: position.locationId, requested: 3, available: 5 },
          { lineId: 'b', sku: position.sku, locationId: position.locationId, requested: 3, available: 5 },
        ],
      },
    });
    expect(await positionOf(position)).toEqual({ onHand: 5, reserved: 0 });
    expect(await positionOf(other)).toEqual({ onHand: 10, reserved: 0 });
    expect(await kit.dataSource.query(`SELECT 1 FROM reservations WHERE order_id = 'cart-3-3'`)).toEqual([]);
    expect(await kit.dataSource.query(`SELECT 1 FROM outbox_events WHERE aggregate_id = 'cart-3-3'`)).toEqual([]);
    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
  });

  it('refuses a line at a position that does not exist, reporting nothing available', async () => {
    const position = await seedPosition(kit, TENANT, 0);

    await expect(reserve('no-stock', [{ lineId: '1', ...position, quantity: 1 }])).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      details: { lines: [{ lineId: '1', requested: 1, available: 0 }] },
    });
  });

  it('reserves a plan once when the same request arrives 10 times in a row and 10 times at once', async () => {
    const position = await seedPosition(kit, TENANT, 50);
    const lines = [
      { lineId: 'l1', ...position, quantity: 2 },
      { lineId: 'l2', ...position, quantity: 3 },
    ];

    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push(await reserve('same-seq', lines, 120));
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => reserve('same-par', lines, 120)));

    for (const answers of [sequential, concurrent]) {
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0].map((r) => [r.lineId, r.quantity, r.status])).toEqual([
        ['l1', 2, 'held'],
        ['l2', 3, 'held'],
      ]);
    }
    expect(await positionOf(position)).toEqual({ onHand: 50, reserved: 10 });
    expect(await ledgerReserved(position)).toBe(10);
    const events = await kit.dataSource.query(
      `SELECT aggregate_id FROM outbox_events WHERE type = 'inventory.stock.reserved.v1' AND aggregate_id LIKE 'same-%'`,
    );
    expect(events.map((e: { aggregate_id: string }) => e.aggregate_id).sort()).toEqual(['same-par', 'same-seq']);
  });

  it('refuses a repeated line that asks for something else', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('changed', [{ lineId: '1', ...position, quantity: 1 }]);

    await expect(reserve('changed', [{ lineId: '1', ...position, quantity: 4 }])).rejects.toMatchObject({
      kind: 'conflict',
      code: 'RESERVATION_MISMATCH',
      details: { lineIds: ['1'] },
    });
    expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 1 });
  });

  it('writes the reserved event for the order in the same transaction, with the expiry', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    const before = Date.now();

    const [reservation] = await reserve('evented', [{ lineId: '1', ...position, quantity: 4 }], 300);

    const expiresIn = Date.parse(reservation.expiresAt) - before;
    expect(expiresIn).toBeGreaterThanOrEqual(299_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    const rows = await kit.dataSource.query(
      `SELECT tenant_id, aggregate_type, aggregate_id, envelope FROM outbox_events
        WHERE type = 'inventory.stock.reserved.v1' AND aggregate_id = 'evented'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: TENANT, aggregate_type: 'order', aggregate_id: 'evented' });
    expect(rows[0].envelope).toMatchObject({
      type: 'inventory.stock.reserved.v1',
      tenantId: TENANT,
      data: {
        orderId: 'evented',
        reservations: [
          {
            reservationId: reservation.id,
            lineId: '1',
            sku: position.sku,
            locationId: position.locationId,
            quantity: 4,
            expiresAt: reservation.expiresAt,
          },
        ],
      },
    });
  });

  it('refuses to reserve without a tenant and refuses invalid plans before touching stock', async () => {
    const position = await seedPosition(kit, TENANT, 10);

    await expect(
      kit.reservations.reservePlan({ orderId: 'anon', lines: [{ lineId: '1', ...position, quantity: 1 }], ttlSeconds: 0 }),
    ).rejects.toMatchObject({ code: 'TENANT_REQUIRED' });
    await expect(reserve('bad', [{ lineId: '1', ...position, quantity: -1 }])).rejects.toMatchObject({
      kind: 'invalid',
      violations: [{ field: 'lines[0].quantity', message: expect.any(String) }],
    });
    expect(await positionOf(position)).toEqual({ onHand: 10, reserved: 0 });
  });

  it("cannot reserve another tenant's stock", async () => {
    const foreign = await seedPosition(kit, 'tenant-foreign', 10);

    await expect(reserve('steal', [{ lineId: '1', ...foreign, quantity: 1 }])).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
    });
    expect(await positionOf(foreign)).toEqual({ onHand: 10, reserved: 0 });
  });
});
