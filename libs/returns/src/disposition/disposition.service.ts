import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { returnsV1 } from '@baton/contracts';
import { ValidationError, type EventEnvelope, type ReturnDisposedV1 } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { Violations } from '../authorisation/create-return.validation';
import { InventoryClient } from '../peers/inventory.client';
import { OrdersClient } from '../peers/orders.client';
import type { PurchasedOrder } from '../peers/purchased-order';
import { ReturnPoliciesService } from '../policy/return-policies.service';
import type { ReturnPolicy } from '../policy/return-policy';
import { RefundSettlement } from '../refund/refund-settlement';
import { ReturnLifecycle, type ReturnChange } from '../return/return-lifecycle';
import { assertReturnTransition } from '../return/return-state-machine';
import type { ReturnUnitEntity } from '../return/return-unit.entity';
import type { ReturnEntity } from '../return/return.entity';
import { ReturnsRepository } from '../return/returns.repository';
import { NON_STOCK_GRADES, STOCK_DISPOSITIONS, isOneOf, type ReturnGrade } from '../return/return-vocabulary';
import { resolveDispositions, type RequestedDisposition } from './disposition-rules';

function validateDispose(request: returnsV1.DisposeReturnRequest): { returnId: string; units: RequestedDisposition[] } {
  const v = new Violations();
  const returnId = v.text('returnId', request.returnId, 64);
  const units = (request.units ?? []).map((unit, index) => ({
    unitId: v.uuid(`units[${index}].unitId`, unit.unitId, true) ?? '',
    disposition: (unit.disposition ?? '').trim(),
    targetLocationId: v.uuid(`units[${index}].targetLocationId`, unit.targetLocationId, false) ?? '',
  }));
  v.throwIfAny('The disposition is invalid');
  return { returnId, units };
}

/**
 * Completes an inspected return: every unit goes where it was told to or where the tenant's rules
 * send its grade and item, the refund is settled (see {@link RefundSettlement}), and in one
 * transaction the return becomes `completed` with `returns.return.disposed.v1` (per receiving
 * location, for inventory to restock, write off or send on), `returns.refund.requested.v1` and
 * `returns.return.completed.v1` in the outbox. Target locations must exist; units may only be put
 * into stock when they are the goods sold.
 */
@Injectable()
export class DispositionService {
  constructor(
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
    private readonly settlement: RefundSettlement,
    private readonly orders: OrdersClient,
    private readonly policies: ReturnPoliciesService,
    private readonly inventory: InventoryClient,
  ) {}

  async disposeReturn(request: returnsV1.DisposeReturnRequest): Promise<returnsV1.Return> {
    const command = validateDispose(request);
    const current = await this.lifecycle.current(command.returnId);
    assertReturnTransition(current.id, current.status as ReturnEntity['status'], 'completed');
    await this.inventory.assertKnown(
      command.units.flatMap((unit, index) => (unit.targetLocationId ? [{ field: `units[${index}].targetLocationId`, locationId: unit.targetLocationId }] : [])),
    );
    const unexpected = new Map(current.units.filter((unit) => unit.unexpected).map((unit) => [unit.id, unit.sku]));
    await this.inventory.assertItemsKnown(
      command.units.flatMap((unit, index) => {
        const sku = unexpected.get(unit.unitId);
        return sku && isOneOf(STOCK_DISPOSITIONS, unit.disposition) ? [{ field: `units[${index}].disposition`, sku }] : [];
      }),
    );
    const [{ order }, policy] = await Promise.all([this.orders.getOrder(current.orderId), this.policies.policy()]);
    return this.lifecycle.change(command.returnId, (manager, ret) => this.dispose(manager, ret, command.units, order, policy));
  }

  private async dispose(
    manager: EntityManager,
    ret: ReturnEntity,
    requested: RequestedDisposition[],
    order: PurchasedOrder,
    policy: ReturnPolicy,
  ): Promise<ReturnChange> {
    assertReturnTransition(ret.id, ret.status, 'completed');
    const now = new Date();
    const units = await this.repository.unitsOf(manager, ret.id);
    const { decisions, violations } = resolveDispositions(
      units.map((unit) => ({ id: unit.id, sku: unit.sku, grade: unit.grade as ReturnGrade, unexpected: unit.unexpected })),
      requested,
      policy.dispositionRules,
    );
    if (violations.length > 0) throw new ValidationError(violations, 'The disposition is invalid');
    for (const unit of units) {
      const decision = decisions.get(unit.id)!;
      Object.assign(unit, { disposition: decision.disposition, targetLocationId: decision.targetLocationId, disposedAt: now });
    }
    await this.repository.saveUnits(manager, units);
    const disposed = disposedEvents(ret, units);

    const lines = await this.repository.linesOf(manager, ret.id);
    const { amountMinor, events: refundEvents } = await this.settlement.settle(manager, { ret, lines, units, order, policy });
    await this.lifecycle.transition(manager, ret, 'completed', `units disposed; refund ${amountMinor} ${ret.currency}`);
    const accepted = acceptedLines(units);
    return [
      ...disposed,
      ...refundEvents,
      createEvent('returns.return.completed.v1', { type: 'return', id: ret.id }, {
        returnId: ret.id,
        orderId: ret.orderId,
        lines: accepted,
        refundMinor: amountMinor,
        currency: ret.currency,
      }),
    ];
  }
}

/** Quantities per order line that came back as the goods sold. */
function acceptedLines(units: readonly ReturnUnitEntity[]): Array<{ lineId: string; sku: string; quantity: number }> {
  const byLine = new Map<string, { lineId: string; sku: string; quantity: number }>();
  for (const unit of units) {
    if (unit.unexpected || !unit.received || unit.orderLineId === null || isOneOf(NON_STOCK_GRADES, unit.grade ?? '')) continue;
    const entry = byLine.get(unit.orderLineId) ?? { lineId: unit.orderLineId, sku: unit.sku, quantity: 0 };
    entry.quantity += 1;
    byLine.set(unit.orderLineId, entry);
  }
  return [...byLine.values()];
}

/** One `returns.return.disposed.v1` per receiving location, units summed by line, disposition and target. */
function disposedEvents(ret: ReturnEntity, units: readonly ReturnUnitEntity[]): EventEnvelope[] {
  const byLocation = new Map<string, Map<string, ReturnDisposedV1['units'][number]>>();
  for (const unit of units) {
    if (!unit.received || !unit.locationId || !unit.disposition) continue;
    const lineId = unit.orderLineId ?? `unexpected:${unit.id}`;
    const target = unit.targetLocationId ?? '';
    const key = `${lineId}\u0000${unit.sku}\u0000${unit.disposition}\u0000${target}`;
    const group = byLocation.get(unit.locationId) ?? new Map<string, ReturnDisposedV1['units'][number]>();
    const entry = group.get(key) ?? {
      lineId,
      sku: unit.sku,
      quantity: 0,
      disposition: unit.disposition,
      ...(target ? { targetLocationId: target } : {}),
    };
    entry.quantity += 1;
    group.set(key, entry);
    byLocation.set(unit.locationId, group);
  }
  return [...byLocation.entries()].map(([locationId, group]) =>
    createEvent('returns.return.disposed.v1', { type: 'return', id: ret.id }, {
      returnId: ret.id,
      orderId: ret.orderId,
      locationId,
      units: [...group.values()],
    }),
  );
}
