import type { CarrierScan, CarrierTrackingPoller } from '../src';

/**
 * A carrier without webhooks, for tests only: it knows the scans of its parcels and answers polls
 * from memory, recording what it was asked.
 */
export class InMemoryCarrier implements CarrierTrackingPoller {
  readonly polls: string[][] = [];
  private readonly scans = new Map<string, CarrierScan[]>();

  constructor(readonly carrier: string) {}

  scan(scan: CarrierScan): void {
    this.scans.set(scan.trackingNumber, [...(this.scans.get(scan.trackingNumber) ?? []), scan]);
  }

  async poll(trackingNumbers: string[]): Promise<CarrierScan[]> {
    this.polls.push([...trackingNumbers].sort());
    return trackingNumbers.flatMap((trackingNumber) => this.scans.get(trackingNumber) ?? []);
  }
}
