import { Injectable } from '@nestjs/common';
import { isIdle, takeToken, type BucketState, type TakeResult } from './token-bucket';

const SWEEP_ABOVE = 10_000;

/**
 * Token buckets per caller (an API key, or a client address on public routes), in this replica's
 * memory: with N gateway replicas behind a balancer a key gets up to N × its limit. Each bucket
 * is independent, so one key exhausting its quota never slows another.
 */
@Injectable()
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();

  /** Takes one request from `caller`'s bucket of `perMinute` requests a minute. */
  take(caller: string, perMinute: number, now = Date.now()): TakeResult {
    let state = this.buckets.get(caller);
    if (!state) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      state = { tokens: perMinute, refilledAt: now };
      this.buckets.set(caller, state);
    }
    return takeToken(state, perMinute, now);
  }

  /** Drops full (idle) buckets; they would be recreated full anyway. */
  private sweep(now: number): void {
    for (const [caller, state] of this.buckets) if (isIdle(state, now)) this.buckets.delete(caller);
  }
}
