import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Outbox } from '@baton/messaging';
import { runWithContext } from '@baton/platform';
import { DataSource } from 'typeorm';
import { inTransaction } from '../transactions';
import { openQuantityOf } from './reservation-state-machine';
import { ReservationSettler } from './reservation-settler';
import { ReservationsRepository } from './reservations.repository';

export interface SweeperOptions {
  /** Pause between rounds; 0 disables the periodic sweep (tests call {@link ReservationExpirySweeper.sweepOnce}). */
  intervalMs: number;
  /** Reservations released per transaction. */
  batchSize: number;
}

export const SWEEPER_OPTIONS = Symbol('SWEEPER_OPTIONS');
export const DEFAULT_SWEEPER_OPTIONS: SweeperOptions = { intervalMs: 5_000, batchSize: 200 };

/**
 * Releases held reservations that passed their expiry unconfirmed, in batches: each batch is one
 * transaction that claims rows with FOR UPDATE SKIP LOCKED (so replicas share the work and a
 * confirmation in flight is never overtaken), books a `release` movement per line, marks the
 * reservations `expired` and announces `inventory.reservation.expired.v1` for each.
 */
@Injectable()
export class ReservationExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReservationExpirySweeper.name);
  private readonly options: SweeperOptions;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reservations: ReservationsRepository,
    private readonly settler: ReservationSettler,
    private readonly outbox: Outbox,
    @Optional() @Inject(SWEEPER_OPTIONS) options?: SweeperOptions,
  ) {
    this.options = options ?? DEFAULT_SWEEPER_OPTIONS;
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs > 0) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  /** Releases every reservation expired at `now`, across tenants; returns how many. */
  async sweepOnce(now: Date = new Date()): Promise<number> {
    let released = 0;
    for (const tenantId of await this.reservations.tenantsWithExpiredHolds(now)) {
      released += await runWithContext(
        { tenantId, correlationId: randomUUID(), principal: 'system:reservation-expiry' },
        () => this.sweepTenant(now),
      );
    }
    if (released > 0) this.outbox.notify();
    return released;
  }

  private async sweepTenant(now: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await inTransaction(this.dataSource, async (manager) => {
        const expired = await this.reservations.claimExpired(manager, now, this.options.batchSize);
        await this.settler.release(
          manager,
          expired.map((reservation) => ({ reservation, quantity: openQuantityOf(reservation) })),
          {
            orderId: '',
            referenceOf: (reservation) => `order/${reservation.orderId}/${reservation.lineId}/expiry`,
            reason: 'reservation expired unconfirmed',
            reference: 'expiry',
            byExpiry: true,
          },
        );
        return expired.length;
      });
      total += count;
      if (count < this.options.batchSize) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.sweepOnce()
        .then((released) => {
          if (released > 0) this.logger.log(`released ${released} expired reservation(s)`);
        })
        .catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)))
        .finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }
}
