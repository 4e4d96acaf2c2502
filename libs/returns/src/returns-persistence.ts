import { MessagingTables1732700000000, messagingEntities } from '@baton/messaging';
import { CreateReturnsTables1732700000500 } from './migrations/1732700000500-create-returns-tables';
import { ReturnPolicyEntity } from './policy/return-policy.entity';
import { OrderLineCreditEntity } from './refund/order-line-credit.entity';
import { OrderReturnAccountEntity } from './refund/order-return-account.entity';
import { RefundEntity } from './refund/refund.entity';
import { ReturnLineEntity } from './return/return-line.entity';
import { ReturnReceiptEntity } from './return/return-receipt.entity';
import { ReturnStatusChangeEntity } from './return/return-status-change.entity';
import { ReturnUnitEntity } from './return/return-unit.entity';
import { ReturnEntity } from './return/return.entity';

/** Every TypeORM entity of the returns database, including the outbox and inbox. */
export const returnsEntities = [
  ReturnEntity,
  ReturnLineEntity,
  ReturnUnitEntity,
  ReturnReceiptEntity,
  ReturnStatusChangeEntity,
  RefundEntity,
  OrderReturnAccountEntity,
  OrderLineCreditEntity,
  ReturnPolicyEntity,
  ...messagingEntities,
];

/** The returns database's migrations, in the order they run. */
export const returnsMigrations = [MessagingTables1732700000000, CreateReturnsTables1732700000500];
