import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError, type OrderPlacedV1 } from '@baton/domain';
import { createEvent, Outbox } from '@baton/messaging';
import { currentContext, correlationId, requireTenant } from '@baton/platform';
import { OrderLineEntity } from '../order/order-line.entity';
import { assertOrderLineTransition, assertOrderTransition } from '../order/order-state-machine';
import { OrderStatusChangeEntity } from '../order/order-status-change.entity';
import { OrderEntity } from '../order/order.entity';
import { OrdersError } from '../order/orders.errors';
import { OrdersRepository, type OrderWithLines } from '../order/orders.repository';
import type { PlaceOrderCommand } from '../order/place-order.validation';
import { planSourcing, type LocationStock, type Shortfall } from '../sourcing/choose-location';
import { InventoryClient, RESERVATION_TTL_SECONDS } from '../sourcing/inventory.client';
import { placementLineId, placementOrderId } from './placement-ids';
import { runSaga, type SagaStep } from './saga';

export interface PlacementOutcome {
  placed: OrderWithLines;
  created: boolean;
}

/** One order line once sourced, with the id it is reserved and stored under. */
export interface PlannedLine {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  locationId: string;
}

/** What the placement knows so far; each step adds its part. */
export interface PlacementState {
  readonly command: PlaceOrderCommand;
  readonly orderId: string;
  plan?: PlannedLine[];
  reservations?: Map<string, inventoryV1.Reservation>;
  outcome?: PlacementOutcome;
}

function insufficientStock(shortfalls: Shortfall[]): OrdersError {
  return new OrdersError('INSUFFICIENT_STOCK', 'Not every line can be sourced from one location', { lines: shortfalls });
}

function integerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : fallback;
}

/** Inventory's shortfall lines (sku, requested or quantity, available) in orders' shape. */
function shortfallsFromInventory(details: Record<string, unknown>, lines: readonly PlannedLine[]): Shortfall[] {
  const reported = Array.isArray(details['lines']) ? (details['lines'] as unknown[]) : [];
  const shortfalls = reported.flatMap((entry): Shortfall[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const fields = entry as Record<string, unknown>;
    const sku = fields['sku'];
    if (typeof sku !== 'string') return [];
    const requested = lines.filter((line) => line.sku === sku).reduce((sum, line) => sum + line.quantity, 0);
    return [
      {
        sku,
        requested: integerOr(fields['requested'], integerOr(fields['quantity'], requested)),
        available: integerOr(fields['available'], 0),
      },
    ];
  });
  return shortfalls.length > 0
    ? shortfalls
    : lines.map((line) => ({ sku: line.sku, requested: line.quantity, available: 0 }));
}

/**
 * Step 1, source: asks inventory for the availability of every SKU, picks one location per line
 * and fixes each line's id from that plan. Refuses with INSUFFICIENT_STOCK naming each line no
 * location can serve.
 * Compensation: none needed — sourcing only reads.
 */
export function sourceStep(inventory: InventoryClient): SagaStep<PlacementState> {
  return {
    name: 'source',
    async invoke(state) {
      const lines = state.command.lines;
      const skus = [...new Set(lines.map((line) => line.sku))];
      const stock = await Promise.all(
        skus.map(async (sku): Promise<[string, LocationStock[]]> => [sku, await inventory.availability(sku)]),
      );
      const plan = planSourcing(lines, new Map(stock));
      if (!plan.sourced) throw insufficientStock(plan.shortfalls);
      state.plan = plan.lines.map((line, index) => ({
        lineId: placementLineId(state.orderId, index, line),
        sku: line.sku,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        locationId: line.locationId,
      }));
    },
    async compensate() {},
  };
}

/**
 * Step 2, reserve: holds the whole plan in inventory under the order id, for
 * RESERVATION_TTL_SECONDS, all lines or none. A race lost to another order since sourcing comes
 * back as INSUFFICIENT_STOCK with inventory's shortfalls.
 * Compensation: inventory cannot release a reservation yet, so the held reservations are left to
 * expire after their TTL. Nothing leaks: they carry the order id (and each line id) for inventory
 * to attribute, and because those ids derive from the order's idempotency key, retrying the same
 * order reuses the very same reservations instead of holding stock twice. The compensation only
 * records what is left to expire; it is idempotent.
 */
export function reserveStep(inventory: InventoryClient, logger: Logger): SagaStep<PlacementState> {
  return {
    name: 'reserve',
    async invoke(state) {
      const plan = state.plan ?? [];
      let reservations: inventoryV1.Reservation[];
      try {
        reservations = await inventory.reservePlan({
          orderId: state.orderId,
          lines: plan.map(({ lineId, sku, locationId, quantity }) => ({ lineId, sku, locationId, quantity })),
          ttlSeconds: RESERVATION_TTL_SECONDS,
        });
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'conflict' && error.code === 'INSUFFICIENT_STOCK') {
          throw insufficientStock(shortfallsFromInventory(error.details, plan));
        }
        throw error;
      }
      const byLine = new Map(reservations.map((reservation) => [reservation.lineId, reservation]));
      const mismatched = plan.filter((line) => {
        const held = byLine.get(line.lineId);
        return !held || held.sku !== line.sku || held.quantity !== line.quantity || held.orderId !== state.orderId;
      });
      if (mismatched.length > 0) {
        throw new OrdersError('RESERVATION_MISMATCH', 'Inventory did not reserve the plan that was asked for', {
          orderId: state.orderId,
          lineIds: mismatched.map((line) => line.lineId),
        });
      }
      state.reservations = byLine;
    },
    async compensate(state) {
      const held = [...(state.reservations?.values() ?? [])];
      if (held.length === 0) return;
      logger.warn(
        `Order ${state.orderId} was not committed; its ${held.length} reservation(s) ` +
          `${held.map((r) => r.id).join(', ')} are left to expire (inventory has no release yet)`,
      );
    },
  };
}

/**
 * Step 3, commit: writes the order, its lines, their history and `orders.order.placed.v1` to the
 * outbox in one transaction, so the event leaves exactly when the order exists. Losing the race
 * to a concurrent submission of the same order (unique key) is not a failure: the order that
 * won is the outcome, with `created` false.
 * Compensation: none — it is the last step, and a committed order is the saga's result.
 */
export function commitStep(repository: OrdersRepository, dataSource: DataSource, outbox: Outbox): SagaStep<PlacementState> {
  return {
    name: 'commit',
    async invoke(state) {
      const { placed, history } = buildOrder(state);
      const event = createEvent('orders.order.placed.v1', { type: 'order', id: state.orderId }, placedEventData(placed));
      try {
        await dataSource.transaction(async (manager) => {
          await repository.insertPlaced(manager, placed, history);
          await outbox.append(manager, event);
        });
      } catch (error) {
        if (!repository.isDuplicateOrder(error)) throw error;
        const winner = await repository.findByChannelOrderId(state.command.channel, state.command.channelOrderId);
        if (!winner) throw error;
        state.outcome = { placed: winner, created: false };
        return;
      }
      outbox.notify();
      state.outcome = { placed, created: true };
    },
    async compensate() {},
  };
}

function buildOrder(state: PlacementState): { placed: OrderWithLines; history: OrderStatusChangeEntity[] } {
  assertOrderTransition('created', 'sourced');
  assertOrderLineTransition('created', 'sourced');
  const tenantId = requireTenant();
  const now = new Date();
  const { command, orderId } = state;
  const order = Object.assign(new OrderEntity(), {
    id: orderId,
    tenantId,
    channel: command.channel,
    channelOrderId: command.channelOrderId,
    customerEmail: command.customerEmail,
    currency: command.currency,
    deliveryMethod: command.deliveryMethod,
    shipTo: command.shipTo,
    status: 'sourced',
    totalMinor: command.totalMinor,
    createdAt: now,
    updatedAt: now,
  } satisfies OrderEntity);
  const lines = (state.plan ?? []).map((line, index) => {
    const reservation = state.reservations?.get(line.lineId);
    return Object.assign(new OrderLineEntity(), {
      id: line.lineId,
      tenantId,
      orderId,
      lineNo: index + 1,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      locationId: reservation?.locationId ?? line.locationId,
      reservationId: reservation?.id ?? null,
      status: 'sourced',
    } satisfies OrderLineEntity);
  });
  const change = (lineId: string | null, fromStatus: string | null, toStatus: string, reason: string) =>
    Object.assign(new OrderStatusChangeEntity(), {
      tenantId,
      orderId,
      lineId,
      fromStatus,
      toStatus,
      reason,
      principal: currentContext()?.principal ?? null,
      correlationId: correlationId(),
      occurredAt: now,
    });
  const history = [
    change(null, null, 'created', `received from channel ${command.channel} as ${command.channelOrderId}`),
    change(null, 'created', 'sourced', 'every line reserved'),
    ...lines.flatMap((line) => [
      change(line.id, null, 'created', 'received'),
      change(line.id, 'created', 'sourced', `reserved at location ${line.locationId}`),
    ]),
  ];
  return { placed: { order, lines }, history };
}

function placedEventData({ order, lines }: OrderWithLines): OrderPlacedV1 {
  return {
    orderId: order.id,
    channel: order.channel,
    channelOrderId: order.channelOrderId,
    customerEmail: order.customerEmail,
    deliveryMethod: order.deliveryMethod,
    shipTo: order.shipTo,
    lines: lines.map((line) => ({
      lineId: line.id,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      currency: order.currency,
      locationId: line.locationId,
    })),
    totalMinor: order.totalMinor,
    currency: order.currency,
  };
}

/**
 * Order placement, synchronous up to a reserved plan: source → reserve → commit (with
 * `orders.order.placed.v1` in the outbox). The order id is fixed before the first step and the
 * line ids before the reserve, both derived from (tenant, channel, channel order id) and the plan,
 * so every attempt at the same order — a client retry, a duplicate racing this one — reserves
 * under the same ids and inventory's idempotency by (order, line) keeps one hold per line.
 * Compensation when the commit fails after the reserve: the reservations cannot be released yet
 * (inventory has no release); they are left to expire after RESERVATION_TTL_SECONDS, carrying the
 * order id, and a retry of the same order reuses them meanwhile instead of holding stock twice.
 */
@Injectable()
export class PlaceOrderSaga {
  private readonly logger = new Logger(PlaceOrderSaga.name);
  private readonly steps: ReadonlyArray<SagaStep<PlacementState>>;

  constructor(inventory: InventoryClient, repository: OrdersRepository, dataSource: DataSource, outbox: Outbox) {
    this.steps = [sourceStep(inventory), reserveStep(inventory, this.logger), commitStep(repository, dataSource, outbox)];
  }

  async place(command: PlaceOrderCommand): Promise<PlacementOutcome> {
    const orderId = placementOrderId(requireTenant(), command.channel, command.channelOrderId);
    const state = await runSaga<PlacementState>(this.steps, { command, orderId }, (step, error) =>
      this.logger.error(`Compensation of step ${step} failed for order ${orderId}: ${String(error)}`),
    );
    if (!state.outcome) throw new Error(`Placement of order ${orderId} finished without an outcome`);
    return state.outcome;
  }
}
