import { ChannelConnectionsAdminController } from './channels/connections/channel-connections.admin-controller';
import { ChannelConnectionsRepository } from './channels/connections/channel-connections.repository';
import { ChannelConnectionsService } from './channels/connections/channel-connections.service';
import { OrdersImportHttpController } from './channels/orders-import.http-controller';
import { OrdersImportService } from './channels/orders-import.service';
import { ShopifyWebhookGuard } from './channels/shopify/shopify-webhook.guard';
import { ShopifyWebhookHttpController } from './channels/shopify/shopify-webhook.http-controller';
import { OrderActionsHttpController } from './order-actions.http-controller';
import { OrderIntake } from './order-intake.service';
import { OrdersHttpController } from './orders.http-controller';
import { PromiseHttpController } from './promise.http-controller';
import { SourcingRulesHttpController } from './sourcing-rules.http-controller';

/** The order routes of the gateway: Baton's own format, the channel adapters, and channel connections. */
export const ORDERS_CONTROLLERS = [
  OrdersImportHttpController,
  OrdersHttpController,
  OrderActionsHttpController,
  PromiseHttpController,
  SourcingRulesHttpController,
  ShopifyWebhookHttpController,
  ChannelConnectionsAdminController,
];

export const ORDERS_PROVIDERS = [
  OrderIntake,
  OrdersImportService,
  ChannelConnectionsRepository,
  ChannelConnectionsService,
  ShopifyWebhookGuard,
];
