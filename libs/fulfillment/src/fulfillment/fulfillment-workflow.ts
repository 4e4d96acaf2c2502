import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope, LineQuantityData } from '@baton/domain';
import { Outbox } from '@baton/messaging';
import { correlationId, currentContext, requireTenant } from '@baton/platform';
import { CLOCK, type Clock } from '../clock';
import type { FulfillmentLineEntity } from './fulfillment-line.entity';
import { assertFulfillmentTransition, type FulfillmentStatus } from './fulfillment-state-machine';
import { FulfillmentError } from './fulfillments.errors';
import { FulfillmentsRepository, type FulfillmentWithLines } from './fulfillments.repository';

/** What one unit of work on fulfilment orders can do inside its transaction. */
export interface WorkflowTx {
  readonly manager: EntityManager;
  /** Moves to `to` after the state machine's guard (legal for this status and leg), with history. */
  move(work: FulfillmentWithLines, to: FulfillmentStatus, reason?: string): Promise<void>;
  /** Saves changed fields and lines without a status change, with a history note when given. */
  save(work: FulfillmentWithLines, note?: string): Promise<void>;
  /** Adds events to the outbox, in this transaction. */
  emit(...events: EventEnvelope[]): Promise<void>;
}

/** Units the leg still delivers on a line: neither missing at the pick (short) nor cancelled. */
export function activeQuantity(line: FulfillmentLineEntity): number {
  return line.quantity - line.shortQuantity - line.cancelledQuantity;
}

/** Units of a line still to be picked. */
export function unpickedQuantity(line: FulfillmentLineEntity): number {
  return activeQuantity(line) - line.pickedQuantity;
}

/** Picked units of a line waiting for collection. */
export function uncollectedQuantity(line: FulfillmentLineEntity): number {
  return line.pickedQuantity - line.collectedQuantity;
}

/** The event form of line quantities, each with the fulfilment's location. */
export function lineQuantities(
  work: FulfillmentWithLines,
  quantityOf: (line: FulfillmentLineEntity) => number,
): LineQuantityData[] {
  return work.lines
    .map((line) => ({ lineId: line.orderLineId, sku: line.sku, quantity: quantityOf(line), locationId: work.fulfillment.locationId }))
    .filter((line) => line.quantity > 0);
}

/**
 * Runs operations on fulfilment orders as single transactions: the fulfilment's row is locked,
 * the state machine guards every move, each move is written to the history, and the events go to
 * the outbox in the same transaction — so a change and its announcement commit together, and two
 * concurrent operations on one fulfilment see each other's result instead of both succeeding.
 */
@Injectable()
export class FulfillmentWorkflow {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: FulfillmentsRepository,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The time decisions are made at (cut-offs, capacity days, expiry); the clock is injectable for tests. */
  now(): Date {
    return this.clock();
  }

  /** Runs `work` on the locked fulfilment order `id`; refuses FULFILLMENT_NOT_FOUND for an id the tenant lacks. */
  async onFulfillment<T>(id: string, work: (fulfillment: FulfillmentWithLines, tx: WorkflowTx) => Promise<T>): Promise<T> {
    return this.inTransaction(async (tx) => {
      const found = await this.repository.lockOne(tx.manager, id);
      if (!found) throw new FulfillmentError('FULFILLMENT_NOT_FOUND', `No fulfilment order ${id}`, { fulfillmentId: id });
      return work(found, tx);
    });
  }

  /** Runs `work` in a new transaction, or in `manager`'s when given (an event handler's inbox transaction). */
  async inTransaction<T>(work: (tx: WorkflowTx) => Promise<T>, manager?: EntityManager): Promise<T> {
    let emitted = false;
    const run = async (m: EntityManager): Promise<T> =>
      work({
        manager: m,
        move: (fulfillment, to, reason) => this.move(m, fulfillment, to, reason),
        save: (fulfillment, note) => this.save(m, fulfillment, note),
        emit: async (...events) => {
          emitted ||= events.length > 0;
          await this.outbox.append(m, ...events);
        },
      });
    if (manager) return run(manager);
    const result = await this.dataSource.transaction(run);
    if (emitted) this.outbox.notify();
    return result;
  }

  private async move(manager: EntityManager, work: FulfillmentWithLines, to: FulfillmentStatus, reason?: string): Promise<void> {
    const { fulfillment } = work;
    assertFulfillmentTransition(fulfillment.status, to, fulfillment.legType);
    const from = fulfillment.status;
    fulfillment.status = to;
    fulfillment.updatedAt = this.now();
    await this.repository.saveFulfillment(manager, fulfillment);
    await this.repository.saveLines(manager, work.lines);
    await this.recordChange(manager, fulfillment.id, from, to, reason ?? null);
  }

  private async save(manager: EntityManager, work: FulfillmentWithLines, note?: string): Promise<void> {
    work.fulfillment.updatedAt = this.now();
    await this.repository.saveFulfillment(manager, work.fulfillment);
    await this.repository.saveLines(manager, work.lines);
    if (note) await this.recordChange(manager, work.fulfillment.id, work.fulfillment.status, work.fulfillment.status, note);
  }

  private async recordChange(manager: EntityManager, fulfillmentId: string, from: string | null, to: string, reason: string | null): Promise<void> {
    await this.repository.recordChange(manager, {
      tenantId: requireTenant(),
      fulfillmentId,
      fromStatus: from,
      toStatus: to,
      reason,
      principal: currentContext()?.principal ?? null,
      correlationId: correlationId(),
      occurredAt: this.now(),
    });
  }
}
