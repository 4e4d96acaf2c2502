import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type QueryRunner } from 'typeorm';
import { Outbox } from '@baton/messaging';
import { requireTenant, tenantScope } from '@baton/platform';
import { CLOCK, type Clock } from '../clock';
import { OrderAllocationEntity } from '../order/order-allocation.entity';
import { OrdersRepository } from '../order/orders.repository';
import type { PlaceOrderCommand } from '../order/place-order.validation';
import { ORDERS_SETTINGS, type OrdersSettings } from '../orders-settings';
import { InventoryClient } from '../peers/inventory.client';
import type { RuleSetView } from '../rules/sourcing-rules';
import { BackorderPlanner } from '../sourcing/backorder-planner.service';
import { SourcingInputs } from '../sourcing/sourcing-inputs.service';
import { commitStep } from './commit.step';
import { placementOrderId } from './placement-ids';
import type { PlacementOutcome, PlacementState } from './placement-state';
import { reserveStep } from './reserve.step';
import { runSaga, type SagaStep } from '@baton/domain';
import { sourceStep } from './source.step';

const LOCK_POLL_MS = 20;
const LOCK_WAIT_MS = 30_000;

/**
 * Order placement, synchronous up to a reserved plan: source → reserve (with expiry) → commit
 * (with `orders.order.placed.v1` in the outbox) → confirm. Each step has its compensation beside
 * it; the commit is the pivot. Invariants:
 * - one (tenant, channel, channel order id) is one order: the order id derives from it, and
 *   attempts at the same order run one at a time under a Postgres advisory lock (held on one
 *   connection, released by Postgres if this process dies), the later ones finding the order;
 * - a failure after the reserve releases what was reserved (the reserve step's compensation);
 * - a crash at any point leaves no orphan: reservations are held with a TTL and only confirmed
 *   after the commit, so an uncommitted order's holds expire on their own;
 * - a failed confirmation does not undo the order: its reservations then expire and the order is
 *   re-sourced from `inventory.reservation.expired.v1`.
 */
@Injectable()
export class PlaceOrderSaga {
  private readonly logger = new Logger(PlaceOrderSaga.name);
  private readonly steps: ReadonlyArray<SagaStep<PlacementState>>;

  constructor(
    private readonly inventory: InventoryClient,
    private readonly repository: OrdersRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
    outbox: Outbox,
    inputs: SourcingInputs,
    backorders: BackorderPlanner,
    @Inject(ORDERS_SETTINGS) settings: OrdersSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.steps = [
      sourceStep(inputs, backorders),
      reserveStep(inventory, repository, settings.reservationTtlSeconds, this.logger),
      commitStep(repository, outbox, inventory, this.logger),
    ];
  }

  async place(command: PlaceOrderCommand, rules: RuleSetView): Promise<PlacementOutcome> {
    const orderId = placementOrderId(requireTenant(), command.channel, command.channelOrderId);
    const runner = await this.lock(orderId);
    let outcome: PlacementOutcome;
    try {
      const existing = await this.repository.findById(orderId, runner.manager);
      if (existing) return { placed: existing, created: false };
      const state = await runSaga<PlacementState>(
        this.steps,
        {
          command,
          orderId,
          rules,
          strategy: command.sourcingPreference ?? rules.rules.defaultStrategy,
          manager: runner.manager,
          now: this.clock(),
        },
        (step, error) => this.logger.error(`Compensation of step ${step} failed for order ${orderId}: ${String(error)}`),
      );
      if (!state.outcome) throw new Error(`Placement of order ${orderId} finished without an outcome`);
      outcome = state.outcome;
    } finally {
      await this.unlock(runner, orderId);
    }
    if (outcome.created) await this.confirm(outcome);
    return outcome;
  }

  /**
   * Step 4, confirm (after the pivot): makes the order's holds permanent. When inventory refuses
   * or does not answer, the order stays placed; its holds expire and re-sourcing takes over.
   */
  private async confirm(outcome: PlacementOutcome): Promise<void> {
    const { order, allocations } = outcome.placed;
    const ids = allocations.map((a) => a.id);
    if (ids.length === 0) return;
    try {
      await this.inventory.confirmReservations(order.id, ids);
      await this.dataSource.manager.update(OrderAllocationEntity, tenantScope({ id: In(ids), status: 'reserved' as const }), {
        status: 'confirmed',
        updatedAt: new Date(),
      });
      for (const a of allocations) if (a.status === 'reserved') a.status = 'confirmed';
    } catch (error) {
      this.logger.warn(`Order ${order.id} placed, but its reservations were not confirmed (they will expire and be re-sourced): ${String(error)}`);
    }
  }

  private async lock(orderId: string): Promise<QueryRunner> {
    const started = Date.now();
    for (;;) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [`order-placement:${orderId}`]);
        if (locked) return runner;
      } catch (error) {
        await runner.release();
        throw error;
      }
      await runner.release();
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Order ${orderId} is being placed by another request for too long`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }

  private async unlock(runner: QueryRunner, orderId: string): Promise<void> {
    try {
      await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`order-placement:${orderId}`]);
    } finally {
      await runner.release();
    }
  }
}
