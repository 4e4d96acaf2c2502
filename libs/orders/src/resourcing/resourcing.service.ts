import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, type EventEnvelope, type LineQuantityData } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import { refundFor } from '../cancellation/cancellation-plan';
import { CLOCK, type Clock } from '../clock';
import { OrderAllocationEntity, openQuantity } from '../order/order-allocation.entity';
import type { OrderChange } from '../order/order-change';
import { backorderedData, sourcedEventData } from '../order/order-events';
import { OrderUnitOfWork } from '../order/order-unit-of-work';
import { ORDERS_SETTINGS, type OrdersSettings } from '../orders-settings';
import { InventoryClient } from '../peers/inventory.client';
import { decisionEntity } from '../placement/placed-order.builder';
import { resourcedPartId } from '../placement/placement-ids';
import { SourcingRulesService } from '../rules/sourcing-rules.service';
import type { NothingLeftPolicy } from '../rules/sourcing-rules';
import { BackorderPlanner } from '../sourcing/backorder-planner.service';
import { buildSourcingRequest } from '../sourcing/build-request';
import { sourceOrder } from '../sourcing/source-order';
import { SourcingInputs } from '../sourcing/sourcing-inputs.service';
import type { SourcingLine } from '../sourcing/sourcing-model';

const BACKORDER_RETRY_BATCH = 20;

/** Quantities of reserved parts given back by a location or by expiry. */
export interface GivenBack {
  orderId: string;
  lines: LineQuantityData[];
  /** The location that failed; re-sourcing avoids it. Undefined when no location failed (an expiry). */
  failedLocationId?: string;
  reason: string;
  /** Overrides the tenant's rule for what happens when nothing is left (fulfillment's pickup-expiry policy). */
  policy?: NothingLeftPolicy | 'reoffer';
}

/**
 * Re-sourcing: when a location rejects or short-picks, or a reservation expires before it was
 * confirmed, the quantity given back is sourced again — excluding every location that failed that
 * line — and reserved under ids derived from the causing event, so handling the event again
 * changes nothing. What cannot be sourced is backordered or cancelled by the tenant's policy, and
 * the customer-facing status says so. Runs in the event's inbox transaction; the new parts are
 * announced (`orders.order.sourced.v1`) after commit and confirmed from that announcement.
 */
@Injectable()
export class ResourcingService {
  constructor(
    private readonly work: OrderUnitOfWork,
    private readonly inputs: SourcingInputs,
    private readonly inventory: InventoryClient,
    private readonly backorders: BackorderPlanner,
    private readonly rules: SourcingRulesService,
    @Inject(ORDERS_SETTINGS) private readonly settings: OrdersSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async resource(envelope: EventEnvelope, manager: EntityManager, given: GivenBack): Promise<void> {
    await this.work.apply(manager, envelope, given.orderId, given.reason, (change) => this.apply(change, envelope, given));
    this.work.notify();
  }

  private async apply(change: OrderChange, envelope: EventEnvelope, given: GivenBack) {
    const { order, allocations } = change.aggregate;
    if (['cancelled', 'completed', 'returned'].includes(order.status)) return;
    const need = new Map<string, number>();
    const replaces: LineQuantityData[] = [];
    for (const entry of given.lines) {
      const part = allocations.find((a) => a.id === entry.lineId);
      if (!part) continue;
      const take = Math.min(entry.quantity, openQuantity(part));
      if (take <= 0) continue;
      part.releasedQuantity += take;
      if (given.failedLocationId) part.status = 'rejected';
      else if (openQuantity(part) === 0) part.status = 'released';
      part.updatedAt = new Date();
      need.set(part.lineId, (need.get(part.lineId) ?? 0) + take);
      replaces.push({ lineId: part.id, sku: part.sku, quantity: take, locationId: part.locationId });
    }
    if (need.size === 0) return;
    const failed = new Set(allocations.filter((a) => a.status === 'rejected' && need.has(a.lineId)).map((a) => a.locationId));
    return this.resourceNeeds(change, envelope, need, { replaces, failed: given.policy === 'reoffer' ? [] : [...failed], given });
  }

  /**
   * A backordered line's supply arrived (an inbound receipt or a stock change adding ATP): the
   * backordered quantities of those SKUs are sourced again, oldest orders first; what still
   * cannot be served stays backordered.
   */
  async retryBackorders(envelope: EventEnvelope, manager: EntityManager, skus: readonly string[]): Promise<void> {
    for (const orderId of await this.work.ordersWithBackorders(manager, skus, BACKORDER_RETRY_BATCH)) {
      await this.work.apply(manager, envelope, orderId, `supply arrived for ${skus.join(', ')}`, (change) => {
        const need = new Map(
          change.aggregate.lines.filter((l) => l.backorderedQuantity > 0 && skus.includes(l.sku)).map((l) => [l.id, l.backorderedQuantity]),
        );
        if (need.size === 0 || ['cancelled', 'completed', 'returned'].includes(change.aggregate.order.status)) return;
        return this.resourceNeeds(change, envelope, need, { replaces: [], failed: [] });
      });
    }
    this.work.notify();
  }

  private async resourceNeeds(
    change: OrderChange,
    envelope: EventEnvelope,
    need: ReadonlyMap<string, number>,
    context: { replaces: LineQuantityData[]; failed: string[]; given?: GivenBack },
  ) {
    const { order, lines, allocations } = change.aggregate;
    const { replaces, given } = context;
    const rules = await this.rules.active();
    const now = this.clock();
    const failed = context.failed;
    const wanted = lines.filter((line) => need.has(line.id));
    const sourcingLines: SourcingLine[] = wanted.map((line) => ({
      lineId: line.id,
      sku: line.sku,
      quantity: need.get(line.id) as number,
      unitValueMinor: line.unitPriceMinor,
      unitWeightGrams: line.unitWeightGrams,
      deliveryMethod: line.deliveryMethod as SourcingLine['deliveryMethod'],
      ...(line.destinationLocationId ? { destinationLocationId: line.destinationLocationId } : {}),
    }));
    const network = await this.inputs.network(
      sourcingLines.map((l) => l.sku),
      sourcingLines.flatMap((l) => (l.destinationLocationId ? [l.destinationLocationId] : [])),
      { address: order.shipTo, excludedLocationIds: [...rules.rules.excludedLocationIds, ...failed] },
    );
    const strategy = (order.sourcingPreference as typeof rules.rules.defaultStrategy | null) ?? rules.rules.defaultStrategy;
    const excluded = [...failed];
    const result = sourceOrder(
      buildSourcingRequest({
        rules: rules.rules,
        strategy,
        network,
        lines: sourcingLines,
        currency: order.currency,
        address: order.shipTo,
        requestedWindow: order.requestedFrom && order.requestedTo ? { from: order.requestedFrom, to: order.requestedTo } : null,
        now,
        excludedLocationIds: excluded,
      }),
    );
    order.sourcingAttempts += 1;
    const attempt = order.sourcingAttempts;
    const parts = result.allocations.map((a) =>
      Object.assign(new OrderAllocationEntity(), {
        id: resourcedPartId(a.lineId, envelope.id, a.locationId, a.quantity),
        tenantId: requireTenant(),
        orderId: order.id,
        lineId: a.lineId,
        sku: a.sku,
        locationId: a.locationId,
        quantity: a.quantity,
        releasedQuantity: 0,
        shippedQuantity: 0,
        readyQuantity: 0,
        completedQuantity: 0,
        status: 'reserved' as const,
        carrierServiceId: a.carrierServiceId,
        etaDate: a.etaDate,
        reservationId: null as string | null,
        fulfillmentId: null,
        attempt,
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    if (parts.length > 0) {
      try {
        const reservations = await this.inventory.reservePlan({
          orderId: order.id,
          lines: parts.map((p) => ({ lineId: p.id, sku: p.sku, locationId: p.locationId, quantity: p.quantity })),
          ttlSeconds: this.settings.reservationTtlSeconds,
        });
        for (const p of parts) p.reservationId = reservations.find((r) => r.lineId === p.id)?.id ?? null;
        allocations.push(...parts);
      } catch (error) {
        // A backorder retry that loses the stock to another order simply stays backordered.
        if (given || !(error instanceof DomainError && error.code === 'INSUFFICIENT_STOCK')) throw error;
        parts.length = 0;
      }
    }
    if (given) {
      await this.settleNothingLeft(change, result.unfulfillable, sourcingLines, replaces, given, rules.rules, now);
    } else {
      for (const line of lines) {
        const sourced = parts.filter((p) => p.lineId === line.id).reduce((sum, p) => sum + p.quantity, 0);
        if (sourced === 0) continue;
        line.backorderedQuantity -= sourced;
        line.expectedDate = parts.filter((p) => p.lineId === line.id).map((p) => p.etaDate as string).sort().pop() ?? line.expectedDate;
      }
    }
    change.settle();
    const trigger = given ? 'resourcing' : 'backorder_retry';
    if (parts.length > 0 && order.announced) {
      change.emit('orders.order.sourced.v1', sourcedEventData(change.aggregate, parts, trigger, replaces));
    }
    const decision = decisionEntity({ orderId: order.id, strategy, rules, now }, result, attempt, trigger, envelope.id, [
      ...rules.rules.excludedLocationIds,
      ...excluded,
    ]);
    return { newAllocations: parts, decision };
  }

  /** What nothing can serve is backordered (with the date of its inbound supply, if any) or cancelled, by policy. */
  private async settleNothingLeft(
    change: OrderChange,
    unfulfillable: ReturnType<typeof sourceOrder>['unfulfillable'],
    sourcingLines: SourcingLine[],
    replaced: readonly LineQuantityData[],
    given: GivenBack,
    rules: Awaited<ReturnType<SourcingRulesService['active']>>['rules'],
    now: Date,
  ): Promise<void> {
    if (unfulfillable.length === 0) return;
    const { order, lines } = change.aggregate;
    const policy: NothingLeftPolicy = given.policy === 'cancel' || given.policy === 'backorder' ? given.policy : rules.whenNothingLeft;
    if (policy === 'backorder') {
      const planned = await this.backorders.plan(unfulfillable, sourcingLines, rules, now);
      const waiting = [];
      for (const u of unfulfillable) {
        const line = lines.find((l) => l.id === u.lineId);
        if (!line) continue;
        line.backorderedQuantity += u.requested;
        line.expectedDate = planned.get(u.lineId)?.expectedDate ?? null;
        waiting.push(line);
      }
      change.emit('orders.order.line.backordered.v1', { orderId: order.id, lines: backorderedData(waiting, `${given.reason}; nothing else can serve it now`) });
      return;
    }
    let refund = 0;
    const cancelled: Array<LineQuantityData & { orderLineId: string }> = [];
    for (const u of unfulfillable) {
      const line = lines.find((l) => l.id === u.lineId);
      if (!line) continue;
      refund += refundFor(line, line.cancelledQuantity, u.requested);
      line.cancelledQuantity += u.requested;
      let left = u.requested;
      for (const part of replaced.filter((r) => change.aggregate.allocations.find((a) => a.id === r.lineId)?.lineId === line.id)) {
        const quantity = Math.min(left, part.quantity);
        if (quantity <= 0) break;
        cancelled.push({ ...part, quantity, orderLineId: line.id });
        left -= quantity;
      }
    }
    order.refundedMinor += refund;
    change.emit('orders.order.cancelled.v1', {
      orderId: order.id,
      wholeOrder: lines.every((l) => l.quantity === l.cancelledQuantity),
      reason: `${given.reason}; nothing else can serve it (${unfulfillable.map((u) => u.reason).join(', ')})`,
      lines: cancelled,
      refundMinor: refund,
      currency: order.currency,
    });
  }
}
