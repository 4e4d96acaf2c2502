import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { JsonLogger } from '@baton/platform';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';

const SWEEP_EVERY_MS = 3600_000;

/** Deletes expired idempotency keys once an hour, so the table holds about one TTL of keys. */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    @Optional() private readonly logger?: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    try {
      return await this.keys.purgeExpired();
    } catch (error) {
      this.logger?.warn(`idempotency sweep failed: ${error instanceof Error ? error.message : String(error)}`, 'IdempotencySweeper');
      return 0;
    }
  }
}
