import { InboxEventEntity } from './inbox/inbox-event.entity';
import { OutboxEventEntity } from './outbox/outbox-event.entity';

/** The TypeORM entities of the outbox and inbox; every service adds them to its own DataSource. */
export const messagingEntities = [OutboxEventEntity, InboxEventEntity];
