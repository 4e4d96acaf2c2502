import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createEvent } from '@baton/messaging';
import { runWithContext } from '@baton/platform';
import { FulfillmentWorkflow } from '../fulfillment/fulfillment-workflow';
import { FulfillmentsRepository } from '../fulfillment/fulfillments.repository';
import { PickupService } from '../fulfillment/pickup.service';
import { RejectionService } from '../fulfillment/rejection.service';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import type { FulfillmentPolicy } from '../policy/fulfillment-policy';
import { FULFILLMENT_SETTINGS, type FulfillmentSettings } from '../fulfillment-settings';

const BATCH = 100;

export interface TimerOutcome {
  flagged: number;
  rejected: number;
  expired: number;
}

/**
 * The periodic timers, per tenant: work not started in time (available longer than the tenant's
 * start limit, or past its due time) is flagged late — or, when the tenant's policy says so, taken
 * back with reason `timeout` so orders re-sources it — and pickups not collected by their limit
 * expire. Each batch is one transaction over rows locked with SKIP LOCKED, so replicas running the
 * same timer share the work and never act twice on one fulfilment.
 */
@Injectable()
export class FulfillmentTimersJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FulfillmentTimersJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly workflow: FulfillmentWorkflow,
    private readonly repository: FulfillmentsRepository,
    private readonly policies: FulfillmentPoliciesService,
    private readonly rejections: RejectionService,
    private readonly pickups: PickupService,
    @Inject(FULFILLMENT_SETTINGS) private readonly settings: FulfillmentSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.timerIntervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.settings.timerIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .catch((error: unknown) => this.logger.error(`Fulfilment timers failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
  }

  /** One pass over every tenant with timed work, as of `now`. */
  async runOnce(now: Date = this.workflow.now()): Promise<TimerOutcome> {
    const outcome: TimerOutcome = { flagged: 0, rejected: 0, expired: 0 };
    for (const tenantId of await this.repository.tenantsWithTimedWork()) {
      await runWithContext({ tenantId, correlationId: randomUUID(), principal: 'job:fulfillment-timers' }, async () => {
        const policy = await this.policies.current();
        await this.lateWork(now, policy, outcome);
        await this.expiredPickups(now, policy, outcome);
      });
    }
    return outcome;
  }

  private async lateWork(now: Date, policy: FulfillmentPolicy, outcome: TimerOutcome): Promise<void> {
    for (;;) {
      const handled = await this.workflow.inTransaction(async (tx) => {
        const late = await this.repository.lockLateWork(tx.manager, now, policy.startWithinMinutes, policy.onLate === 'flag', BATCH);
        for (const work of late) {
          const f = work.fulfillment;
          const action = policy.onLate === 'reject' ? 'rejected' : 'flagged';
          f.lateAt ??= now;
          await tx.emit(
            createEvent(
              'fulfillment.fulfillment.overdue.v1',
              { type: 'fulfillment', id: f.id },
              { fulfillmentId: f.id, orderId: f.orderId, locationId: f.locationId, status: f.status, dueAt: f.dueAt?.toISOString() ?? null, action },
            ),
          );
          if (action === 'rejected') {
            await this.rejections.rejectInTx(tx, work, 'timeout');
            outcome.rejected++;
          } else {
            await tx.save(work, `not started in time (due ${f.dueAt?.toISOString() ?? 'n/a'})`);
            outcome.flagged++;
          }
        }
        return late.length;
      });
      if (handled < BATCH) return;
    }
  }

  private async expiredPickups(now: Date, policy: FulfillmentPolicy, outcome: TimerOutcome): Promise<void> {
    for (;;) {
      const handled = await this.workflow.inTransaction(async (tx) => {
        const expired = await this.repository.lockExpiredPickups(tx.manager, now, BATCH);
        for (const work of expired) await this.pickups.expireInTx(tx, work, policy);
        outcome.expired += expired.length;
        return expired.length;
      });
      if (handled < BATCH) return;
    }
  }
}
