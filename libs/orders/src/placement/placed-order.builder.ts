import { randomUUID } from 'node:crypto';
import { currentContext, requireTenant } from '@baton/platform';
import { OrderAllocationEntity } from '../order/order-allocation.entity';
import { OrderChange } from '../order/order-change';
import { backorderedData, placedEventData } from '../order/order-events';
import { OrderHoldEntity } from '../order/order-hold.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import type { OrderLineStatus, OrderStatus } from '../order/order-state-machine';
import { OrderEntity } from '../order/order.entity';
import type { OrderAggregate } from '../order/orders.repository';
import { SourcingDecisionEntity } from '../order/sourcing-decision.entity';
import type { SourcingResult } from '../sourcing/sourcing-model';
import type { PlacementState } from './placement-state';

export interface BuiltOrder {
  aggregate: OrderAggregate;
  change: OrderChange;
  decision: SourcingDecisionEntity;
}

/** The plan with the engine's line keys replaced by the order's line ids. */
export function withLineIds(result: SourcingResult, idOf: (key: string) => string): SourcingResult {
  return {
    ...result,
    allocations: result.allocations.map((a) => ({ ...a, lineId: idOf(a.lineId) })),
    shipments: result.shipments.map((s) => ({ ...s, lines: s.lines.map((l) => ({ ...l, lineId: idOf(l.lineId) })) })),
    unfulfillable: result.unfulfillable.map((u) => ({ ...u, lineId: idOf(u.lineId) })),
    explanation: { ...result.explanation, groups: result.explanation.groups.map((g) => ({ ...g, lineIds: g.lineIds.map(idOf) })) },
  };
}

/** The sourcing decision as kept for the explanation route. */
export function decisionEntity(
  state: Pick<PlacementState, 'orderId' | 'strategy' | 'rules' | 'now'>,
  result: NonNullable<PlacementState['result']>,
  attempt: number,
  trigger: SourcingDecisionEntity['trigger'],
  causeEventId: string | null,
  excludedLocationIds: string[],
): SourcingDecisionEntity {
  return Object.assign(new SourcingDecisionEntity(), {
    tenantId: requireTenant(),
    orderId: state.orderId,
    attempt,
    trigger,
    causeEventId,
    strategy: state.strategy,
    rulesVersion: state.rules.version,
    decidedAt: state.now,
    complete: result.complete,
    result: { shipments: result.shipments, unfulfillable: result.unfulfillable, totals: result.totals, excludedLocationIds },
    explanation: result.explanation,
  });
}

/**
 * The order as placement commits it: every line with its parts (reserved) or backordered with the
 * date its supply is expected, the rule-based holds, the history of every transition from
 * `created` (guarded by the state machines), the sourcing decision, and the events — placed (or
 * held, when a rule holds it: then it is announced at release) and backordered.
 */
export function buildPlacedOrder(state: PlacementState): BuiltOrder {
  const tenantId = requireTenant();
  const { command, orderId } = state;
  const now = new Date();
  const allocations = state.allocations ?? [];
  const backorders = state.backorders ?? new Map();
  const lineIds = state.lineIds ?? [];
  const dates = [...allocations.map((a) => a.etaDate), ...[...backorders.values()].map((b) => b.expectedDate)].sort();
  const held = (state.holds ?? []).length > 0;
  const order = Object.assign(new OrderEntity(), {
    id: orderId,
    tenantId,
    channel: command.channel,
    channelOrderId: command.channelOrderId,
    customerEmail: command.customerEmail,
    customer: command.customer,
    currency: command.currency,
    deliveryMethod: command.deliveryMethod,
    shipTo: command.shipTo,
    billingAddress: command.billingAddress,
    destinationLocationId: command.destinationLocationId,
    requestedFrom: command.requestedWindow?.from ?? null,
    requestedTo: command.requestedWindow?.to ?? null,
    priority: command.priority,
    sourcingPreference: command.sourcingPreference,
    payment: command.payment,
    attributes: command.attributes,
    fraudScore: command.fraudScore,
    principal: command.placedBy ?? currentContext()?.principal ?? null,
    status: 'created' as OrderStatus,
    subtotalMinor: command.subtotalMinor,
    taxMinor: command.taxMinor,
    discountMinor: command.discountMinor,
    totalMinor: command.totalMinor,
    refundedMinor: 0,
    promisedDate: dates.length > 0 ? dates[dates.length - 1] : null,
    announced: !held,
    sourcingAttempts: 1,
    createdAt: now,
    updatedAt: now,
  } satisfies OrderEntity);
  const lines = command.lines.map((line, index) => {
    const backorder = backorders.get(index);
    const etas = allocations.filter((a) => a.lineIndex === index).map((a) => a.etaDate).sort();
    return Object.assign(new OrderLineEntity(), {
      id: lineIds[index],
      tenantId,
      orderId,
      lineNo: index + 1,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      taxMinor: line.taxMinor,
      discountMinor: line.discountMinor,
      deliveryMethod: line.deliveryMethod,
      destinationLocationId: line.destinationLocationId,
      unitWeightGrams: line.unitWeightGrams,
      locationId: allocations.find((a) => a.lineIndex === index)?.locationId ?? null,
      reservationId: null as string | null,
      status: 'created' as OrderLineStatus,
      cancelledQuantity: 0,
      shippedQuantity: 0,
      readyQuantity: 0,
      deliveredQuantity: 0,
      returnedQuantity: 0,
      backorderedQuantity: backorder ? line.quantity : 0,
      expectedDate: backorder ? backorder.expectedDate : (etas[etas.length - 1] ?? null),
    } satisfies OrderLineEntity);
  });
  const parts = allocations.map((a) => {
    const reservation = state.reservations?.get(a.id);
    return Object.assign(new OrderAllocationEntity(), {
      id: a.id,
      tenantId,
      orderId,
      lineId: lineIds[a.lineIndex],
      sku: a.sku,
      locationId: a.locationId,
      quantity: a.quantity,
      releasedQuantity: 0,
      shippedQuantity: 0,
      readyQuantity: 0,
      completedQuantity: 0,
      status: 'reserved',
      carrierServiceId: a.carrierServiceId,
      etaDate: a.etaDate,
      reservationId: reservation?.id ?? null,
      fulfillmentId: null,
      attempt: 1,
      createdAt: now,
      updatedAt: now,
    } satisfies OrderAllocationEntity);
  });
  for (const line of lines) line.reservationId = parts.find((p) => p.lineId === line.id)?.reservationId ?? null;
  const holds = (state.holds ?? []).map((finding) =>
    Object.assign(new OrderHoldEntity(), {
      id: randomUUID(),
      tenantId,
      orderId,
      kind: 'rule' as const,
      code: finding.code,
      reason: finding.reason,
      previousStatus: 'created',
      placedBy: null,
      placedAt: now,
      releasedBy: null,
      releasedAt: null,
      releaseNote: null,
    }),
  );
  const aggregate: OrderAggregate = { order, lines, allocations: parts, holds };

  const change = new OrderChange(aggregate, { reason: `received from channel ${command.channel} as ${command.channelOrderId}` });
  change.record(null, null, 'created');
  for (const line of lines) change.record(line.id, null, 'created', 'received');
  change.settle();
  change.events.length = 0;
  for (const hold of holds) {
    hold.previousStatus = lines.some((l) => l.status === 'backordered') ? 'backordered' : 'sourced';
    change.emit('orders.order.held.v1', { orderId, holdId: hold.id, kind: hold.kind, code: hold.code, reason: hold.reason, previousStatus: hold.previousStatus });
  }
  if (!held) change.emit('orders.order.placed.v1', placedEventData(aggregate));
  const backordered = backorderedData(lines, 'nothing can be sourced now; waiting for inbound supply');
  if (backordered.length > 0) change.emit('orders.order.line.backordered.v1', { orderId, lines: backordered });

  const result = withLineIds(state.result as SourcingResult, (key) => lineIds[Number(key.slice(1))] ?? key);
  return { aggregate, change, decision: decisionEntity(state, result, 1, 'placement', null, state.rules.rules.excludedLocationIds) };
}
