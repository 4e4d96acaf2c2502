import type { CandidateLocation } from './sourcing-model';

/**
 * What of each location's ATP is still free while an order is planned. Lines of the same SKU in
 * different delivery groups draw on the same stock, so a plan can never promise a location more
 * than it has: each group's chosen plan is taken from the ledger before the next is planned.
 */
export class StockLedger {
  private readonly taken = new Map<CandidateLocation, Map<string, number>>();

  available(candidate: CandidateLocation, sku: string): number {
    const base = Math.max(0, Math.floor(candidate.atp[sku] ?? 0));
    return base - (this.taken.get(candidate)?.get(sku) ?? 0);
  }

  take(candidate: CandidateLocation, sku: string, quantity: number): void {
    let bySku = this.taken.get(candidate);
    if (!bySku) {
      bySku = new Map<string, number>();
      this.taken.set(candidate, bySku);
    }
    bySku.set(sku, (bySku.get(sku) ?? 0) + quantity);
  }
}
