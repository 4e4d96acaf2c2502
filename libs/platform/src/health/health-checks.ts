import { Injectable } from '@nestjs/common';

/** One dependency the service needs to do work (database, event bus…), probed by `/health/ready`. */
export interface HealthCheck {
  name: string;
  /** Resolves when healthy, rejects with the reason otherwise. */
  check(): Promise<void>;
}

export interface HealthCheckResult {
  name: string;
  status: 'up' | 'down';
  error?: string;
}

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  shuttingDown: boolean;
  checks: HealthCheckResult[];
}

const CHECK_TIMEOUT_MS = 3000;

/**
 * The service's readiness checks. Modules add theirs on init; a pod is ready only when every check
 * passes and it is not shutting down, so Kubernetes stops routing to it before it stops working.
 */
@Injectable()
export class HealthChecks {
  private readonly checks: HealthCheck[] = [];
  private draining = false;

  add(check: HealthCheck): void {
    this.checks.push(check);
  }

  list(): readonly HealthCheck[] {
    return this.checks;
  }

  /** From now on readiness reports unavailable; called when shutdown starts. */
  markShuttingDown(): void {
    this.draining = true;
  }

  get shuttingDown(): boolean {
    return this.draining;
  }

  async readiness(): Promise<ReadinessReport> {
    const checks = await Promise.all(this.checks.map((check) => runCheck(check)));
    const ready = !this.draining && checks.every((c) => c.status === 'up');
    return { status: ready ? 'ready' : 'unavailable', shuttingDown: this.draining, checks };
  }
}

async function runCheck(check: HealthCheck): Promise<HealthCheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name: check.name, status: 'up' };
  } catch (error) {
    return { name: check.name, status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
