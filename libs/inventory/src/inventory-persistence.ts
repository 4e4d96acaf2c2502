import { MessagingTables1732700000000, messagingEntities } from '@baton/messaging';
import { InboundLineEntity } from './inbound/inbound-line.entity';
import { InboundSupplyEntity } from './inbound/inbound-supply.entity';
import { ItemEntity } from './item/item.entity';
import { LocationEntity } from './location/location.entity';
import { CreateInventoryTables1732700000200 } from './migrations/1732700000200-create-inventory-tables';
import { InventoryNetwork1732700000210 } from './migrations/1732700000210-inventory-network';
import { StockFeedEntity } from './feed/stock-feed.entity';
import { ReservationEntity } from './reservation/reservation.entity';
import { StockMovementEntity } from './stock/stock-movement.entity';
import { StockPositionEntity } from './stock/stock-position.entity';

/** Every TypeORM entity of the inventory database, including the outbox and inbox. */
export const inventoryEntities = [
  LocationEntity,
  ItemEntity,
  StockPositionEntity,
  StockMovementEntity,
  ReservationEntity,
  InboundSupplyEntity,
  InboundLineEntity,
  StockFeedEntity,
  ...messagingEntities,
];

/** The inventory database's migrations, in the order they run. */
export const inventoryMigrations = [
  MessagingTables1732700000000,
  CreateInventoryTables1732700000200,
  InventoryNetwork1732700000210,
];
