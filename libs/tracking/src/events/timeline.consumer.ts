import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@baton/domain';
import { EventConsumers } from '@baton/messaging';
import { TimelineService } from '../timeline/timeline.service';

/** Feeds every catalogued event type into the order timelines. */
@Injectable()
export class TimelineConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly timeline: TimelineService,
  ) {}

  onModuleInit(): void {
    for (const type of EVENT_TYPES) {
      this.consumers.on(type, (envelope, manager) => this.timeline.record(envelope, manager));
    }
  }
}
