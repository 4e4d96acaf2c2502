import { MessagingTables1732700000000 } from '@baton/messaging';
import { CreateTimelineTables1732700000400 } from './migrations/1732700000400-create-timeline-tables';
import { CreateReadModelTables1732700000401 } from './migrations/1732700000401-create-read-model-tables';
import { CreateWebhookAndCarrierTables1732700000402 } from './migrations/1732700000402-create-webhook-and-carrier-tables';
import { TimelineEntryEntity } from './timeline/timeline-entry.entity';

export const trackingEntities = [TimelineEntryEntity];
export const trackingMigrations = [
  MessagingTables1732700000000,
  CreateTimelineTables1732700000400,
  CreateReadModelTables1732700000401,
  CreateWebhookAndCarrierTables1732700000402,
];
