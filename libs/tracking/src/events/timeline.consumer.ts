import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EVENT_TYPES, type EventEnvelope } from '@baton/domain';
import { EventConsumers } from '@baton/messaging';
import { ReadModelProjector } from '../projection/read-model.projector';
import { WebhookDeliveriesRepository } from '../webhooks/webhook-deliveries.repository';

/**
 * Feeds every catalogued event type into the read model and the webhook queue, in the inbox's
 * transaction: an event is projected and queued for subscribers exactly once, or not at all.
 */
@Injectable()
export class TimelineConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly projector: ReadModelProjector,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  onModuleInit(): void {
    for (const type of EVENT_TYPES) {
      this.consumers.on(type, (envelope, manager) => this.handle(envelope, manager));
    }
  }

  private async handle(envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.projector.apply(manager, envelope);
    await this.deliveries.enqueueForEvent(manager, envelope);
  }
}
