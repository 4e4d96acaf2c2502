import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';

const CHANNEL = 'baton_tracking_timeline';

interface Waiter {
  key: string;
  wake: () => void;
}

/**
 * Tells waiting watchers that an order's timeline changed, across every tracking replica: the
 * projection sends a Postgres NOTIFY in the transaction that records the step, so it is delivered
 * exactly when the step is committed and visible. A watcher that misses one (the listening
 * connection was down) still re-reads when its wait ends, so a notification is a shortcut, never
 * the only way a change is seen.
 */
@Injectable()
export class TimelineNotifier implements OnModuleDestroy {
  private readonly logger = new Logger(TimelineNotifier.name);
  private readonly waiters = new Set<Waiter>();
  private listening?: Promise<Client>;
  private closed = false;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** Queues a notification for each order, sent when the caller's transaction commits. */
  async notify(manager: EntityManager, tenantId: string, orderIds: string[]): Promise<void> {
    for (const orderId of orderIds) {
      await manager.query(`SELECT pg_notify($1, $2)`, [CHANNEL, keyOf(tenantId, orderId)]);
    }
  }

  /** Resolves when the order's timeline changes or after `timeoutMs`, whichever is first. */
  async waitForChange(tenantId: string, orderId: string, timeoutMs: number): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
    } catch (error) {
      this.logger.warn(`Timeline notifications unavailable, watchers fall back to re-reading: ${String(error)}`);
    }
    await new Promise<void>((resolve) => {
      const waiter: Waiter = {
        key: keyOf(tenantId, orderId),
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, Math.max(0, timeoutMs));
      this.waiters.add(waiter);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.wake();
    const client = await this.listening?.catch(() => undefined);
    this.listening = undefined;
    await client?.end().catch(() => undefined);
  }

  private listen(): Promise<Client> {
    if (!this.listening) {
      const client = new Client({ connectionString: this.config.databaseUrl });
      const connecting = (async () => {
        client.on('notification', (message) => {
          if (message.channel !== CHANNEL) return;
          for (const waiter of [...this.waiters]) if (waiter.key === message.payload) waiter.wake();
        });
        const drop = (): void => {
          if (this.listening === connecting) this.listening = undefined;
        };
        client.on('error', (error) => {
          this.logger.warn(`Timeline notification connection failed: ${error.message}`);
          drop();
          void client.end().catch(() => undefined);
        });
        client.on('end', drop);
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        return client;
      })();
      this.listening = connecting;
      connecting.catch(() => {
        if (this.listening === connecting) this.listening = undefined;
        void client.end().catch(() => undefined);
      });
    }
    return this.listening;
  }
}

function keyOf(tenantId: string, orderId: string): string {
  return `${tenantId}/${orderId}`;
}
