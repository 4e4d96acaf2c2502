import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DomainError, type EventEnvelope, type EventMap, type EventType } from '@baton/domain';
import { withTenant } from '@baton/testing';
import { StockLedger } from '../src/stock/stock-ledger';
import { type InventoryKit, ledgerDrift, reservationDrift, startInventoryKit } from './inventory-test-kit';

type Position = { sku: string; locationId: string };

type Command =
  | { kind: 'receive' | 'writeOff'; position: number; quantity: number }
  | { kind: 'adjust'; position: number; delta: number }
  | { kind: 'count'; position: number; counted: number }
  | { kind: 'reserve'; lines: Array<{ position: number; quantity: number }>; ttl: number }
  | { kind: 'release' | 'ship' | 'cancel'; order: number; quantity: number }
  | { kind: 'releaseAll' | 'confirm'; order: number }
  | { kind: 'sweep' };

const POSITIONS = 4;
const position = fc.nat(POSITIONS - 1);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('receive' as const, 'writeOff' as const), position, quantity: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('adjust' as const), position, delta: fc.integer({ min: -4, max: 4 }).filter((d) => d !== 0) }),
  fc.record({ kind: fc.constant('count' as const), position, counted: fc.nat(8) }),
  fc.record({
    kind: fc.constant('reserve' as const),
    lines: fc.array(fc.record({ position, quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
    ttl: fc.constantFrom(1, 600),
  }),
  fc.record({ kind: fc.constantFrom('release' as const, 'ship' as const, 'cancel' as const), order: fc.nat(5), quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constantFrom('releaseAll' as const, 'confirm' as const), order: fc.nat(5) }),
  fc.record({ kind: fc.constant('sweep' as const) }),
);
const clients = fc.array(fc.array(command, { minLength: 1, maxLength: 10 }), { minLength: 6, maxLength: 10 });

describe(`${StockLedger.name} under concurrent random interleavings`, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_properties', 24);
    // An observer, in this test database only: every change that raised reserved must leave
    // available-to-promise (on hand − reserved − safety stock) at zero or above.
    await kit.dataSource.query(`CREATE TABLE oversold (tenant_id text, sku text, on_hand bigint, reserved bigint, safety_stock bigint)`);
    await kit.dataSource.query(`
      CREATE FUNCTION record_oversell() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.reserved > OLD.reserved AND NEW.on_hand - NEW.reserved - NEW.safety_stock < 0 THEN
          INSERT INTO oversold VALUES (NEW.tenant_id, NEW.sku, NEW.on_hand, NEW.reserved, NEW.safety_stock);
        END IF;
        RETURN NEW;
      END $$`);
    await kit.dataSource.query(
      `CREATE TRIGGER record_oversell AFTER UPDATE ON stock_positions FOR EACH ROW EXECUTE FUNCTION record_oversell()`,
    );
  });

  afterAll(async () => {
    await kit?.close();
  });

  /** A fresh tenant with 2 SKUs × 2 locations, some stock and some safety stock. */
  async function network(tenant: string): Promise<Position[]> {
    return withTenant(tenant, async () => {
      const locations = await Promise.all(
        ['A', 'B'].map((code) => kit.locations.createLocation({ code, name: code, type: 'store', latitude: 0, longitude: 0, capabilities: [] })),
      );
      await kit.items.createItem({ sku: 'X', name: 'X', productGroup: '', unitValueMinor: 1 });
      await kit.items.createItem({ sku: 'Y', name: 'Y', productGroup: '', unitValueMinor: 1, safetyStock: 1 });
      const positions = ['X', 'Y'].flatMap((sku) => locations.map((l) => ({ sku, locationId: l.id })));
      for (const [i, p] of positions.entries()) {
        await kit.stock.receiveStock({ ...p, quantity: 3 + i, reference: `open-${i}`, reason: '' });
      }
      return positions;
    });
  }

  function event<T extends EventType>(tenant: string, type: T, data: EventMap[T]): EventEnvelope<T> {
    return {
      id: randomUUID(),
      type,
      version: 1,
      tenantId: tenant,
      aggregateType: 'order',
      aggregateId: 'x',
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      data,
    };
  }

  async function run(tenant: string, positions: Position[], client: number, commands: Command[]): Promise<void> {
    const orders: Array<{ orderId: string; lines: Array<{ lineId: string; sku: string; locationId: string }> }> = [];
    const orderAt = (index: number) => orders[index % Math.max(1, orders.length)];
    for (const [step, cmd] of commands.entries()) {
      const ref = `c${client}-s${step}`;
      try {
        await withTenant(tenant, async () => {
          switch (cmd.kind) {
            case 'receive':
              await kit.stock.receiveStock({ ...positions[cmd.position], quantity: cmd.quantity, reference: ref, reason: '' });
              return;
            case 'writeOff':
              await kit.stock.writeOffStock({ ...positions[cmd.position], quantity: cmd.quantity, reason: 'damaged', reference: ref });
              return;
            case 'adjust':
              await kit.stock.adjustStock({ ...positions[cmd.position], quantityDelta: cmd.delta, reason: 'fix', reference: ref });
              return;
            case 'count':
              await kit.stock.countStock({ ...positions[cmd.position], counted: cmd.counted, reference: ref, reason: '' });
              return;
            case 'reserve': {
              const orderId = `${tenant}-${ref}`;
              const lines = cmd.lines.map((line, i) => ({ lineId: `l${i}`, ...positions[line.position], quantity: line.quantity }));
              orders.push({ orderId, lines });
              const granted = await kit.reservations.reservePlan({ orderId, lines, ttlSeconds: cmd.ttl });
              expect(granted.map((r) => r.quantity)).toEqual(lines.map((l) => l.quantity));
              return;
            }
            case 'confirm':
              if (orderAt(cmd.order)) await kit.lifecycle.confirmReservations({ orderId: orderAt(cmd.order).orderId, lineIds: [] });
              return;
            case 'release':
            case 'releaseAll': {
              const order = orderAt(cmd.order);
              if (!order) return;
              const lines = cmd.kind === 'release' ? [{ lineId: order.lines[0].lineId, quantity: cmd.quantity }] : [];
              await kit.lifecycle.releaseReservations({ orderId: order.orderId, lines, reference: ref, reason: '' });
              return;
            }
            case 'ship':
            case 'cancel': {
              const order = orderAt(cmd.order);
              if (!order) return;
              const line = { lineId: order.lines[0].lineId, sku: order.lines[0].sku, quantity: cmd.quantity };
              if (cmd.kind === 'ship') {
                const shipped = event(tenant, 'fulfillment.fulfillment.shipped.v1', {
                  fulfillmentId: ref,
                  orderId: order.orderId,
                  locationId: order.lines[0].locationId,
                  lines: [line],
                  shipments: [],
                });
                await kit.inbox.handleOnce('inventory', shipped, (e, m) => kit.fulfilmentStock.consumeHandedOver(m, e, 'ship'));
              } else {
                const cancelled = event(tenant, 'orders.order.cancelled.v1', {
                  orderId: order.orderId,
                  wholeOrder: false,
                  reason: 'test',
                  lines: [line],
                  refundMinor: 0,
                  currency: 'EUR',
                });
                await kit.inbox.handleOnce('inventory', cancelled, (e, m) => kit.fulfilmentStock.releaseCancelled(m, e));
              }
              return;
            }
            case 'sweep':
              await kit.sweeper.sweepOnce(new Date(Date.now() + 5_000));
              return;
          }
        });
      } catch (error) {
        if (!(error instanceof DomainError) || !['conflict', 'not_found'].includes(error.kind)) throw error;
        if (cmd.kind === 'reserve') {
          const rows = await kit.dataSource.query(`SELECT 1 FROM reservations WHERE order_id = $1`, [`${tenant}-${ref}`]);
          expect(rows).toEqual([]);
        }
      }
    }
  }

  it('keeps every position equal to its ledger, nothing negative, no reservation beyond available-to-promise, every hold backed by a reservation', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(clients, async (plan) => {
        const tenant = `prop-${runs++}-${randomUUID().slice(0, 6)}`;
        const positions = await network(tenant);
        let sampling = true;
        const violations: unknown[] = [];
        const sampler = (async () => {
          while (sampling) {
            violations.push(
              ...(await kit.dataSource.query(
                `SELECT sku, on_hand, reserved FROM stock_positions WHERE tenant_id = $1 AND (on_hand < 0 OR reserved < 0 OR reserved > on_hand)`,
                [tenant],
              )),
            );
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        try {
          await Promise.all(plan.map((commands, client) => run(tenant, positions, client, commands)));
        } finally {
          sampling = false;
          await sampler;
        }
        expect(violations).toEqual([]);
        expect(await kit.dataSource.query(`SELECT * FROM oversold WHERE tenant_id = $1`, [tenant])).toEqual([]);
        expect(await ledgerDrift(kit.dataSource)).toEqual([]);
        expect(await reservationDrift(kit.dataSource)).toEqual([]);
        const settled = await kit.dataSource.query(
          `SELECT id FROM reservations WHERE tenant_id = $1 AND (released_quantity + consumed_quantity > quantity
             OR (status IN ('released', 'consumed', 'expired') AND released_quantity + consumed_quantity <> quantity))`,
          [tenant],
        );
        expect(settled).toEqual([]);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
