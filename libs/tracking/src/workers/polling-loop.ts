import { Logger } from '@nestjs/common';

/**
 * Runs one round of work, then sleeps `intervalMs` (or until woken), until stopped. A round that
 * throws is logged and the loop goes on; `stop()` waits for the round in flight, so shutdown never
 * cuts a delivery or a replay off halfway through its transaction.
 */
export class PollingLoop {
  private readonly logger: Logger;
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private sleeping?: { resolve: () => void; timer: NodeJS.Timeout };
  private wakeRequested = false;

  constructor(
    name: string,
    private readonly intervalMs: number,
    private readonly round: () => Promise<boolean | void>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Runs the next round now instead of after the pause. */
  wake(): void {
    this.wakeRequested = true;
    this.endSleep();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.endSleep();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        busy = (await this.round()) === true;
      } catch (error) {
        this.logger.error(error instanceof Error ? error : String(error));
      }
      if (!this.running) break;
      if (busy || this.wakeRequested) {
        this.wakeRequested = false;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.sleeping = { resolve, timer: setTimeout(() => this.endSleep(), this.intervalMs) };
      });
    }
  }

  private endSleep(): void {
    const sleeping = this.sleeping;
    this.sleeping = undefined;
    if (!sleeping) return;
    clearTimeout(sleeping.timer);
    sleeping.resolve();
  }
}
