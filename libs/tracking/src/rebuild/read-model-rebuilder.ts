import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadModelProjector } from '../projection/read-model.projector';
import type { EventSource } from '../streams/event-source';
import { EVENT_SOURCE } from '../tracking.tokens';

/** The read model tables; webhook, carrier and inbox tables are not read model and are kept. */
export const READ_MODEL_TABLES = ['timeline_entries', 'tracked_orders', 'tracked_shipments', 'shipment_scans'] as const;

const END_OF_TIME = new Date('9999-12-31T23:59:59.999Z');

/**
 * Rebuilds the read model from scratch: empties its tables, then applies every event the source
 * holds through the same projector the live consumer uses. Because the projection is a function of
 * the set of events, the result equals the live model built from the same events. The live service
 * may keep running: events handled live during the rebuild are applied twice, which changes
 * nothing. Webhooks are not re-sent (deliveries are not read model).
 */
@Injectable()
export class ReadModelRebuilder {
  private readonly logger = new Logger(ReadModelRebuilder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly projector: ReadModelProjector,
    @Inject(EVENT_SOURCE) private readonly source: EventSource,
  ) {}

  /** Returns the number of events applied. */
  async rebuild(): Promise<number> {
    // The event log is the source in the embedded mode; from JetStream it is rebuilt like the rest.
    const tables = this.source.name === 'jetstream' ? [...READ_MODEL_TABLES, 'tracked_events'] : [...READ_MODEL_TABLES];
    await this.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
    this.logger.log(`Emptied ${tables.join(', ')}; re-reading events from the ${this.source.name}`);
    let applied = 0;
    await this.source.read({ from: new Date(0), to: END_OF_TIME }, async (batch) => {
      await this.dataSource.transaction(async (manager) => {
        for (const envelope of batch) await this.projector.apply(manager, envelope);
      });
      applied += batch.length;
    });
    this.logger.log(`Rebuilt the read model from ${applied} events`);
    return applied;
  }
}
