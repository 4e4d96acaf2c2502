import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagingModule, type EventBus } from '@baton/messaging';
import {
  HealthChecks,
  PlatformModule,
  ServiceMetrics,
  databaseHealthCheck,
  typeOrmOptions,
  type ServiceConfig,
} from '@baton/platform';
import { CreateReturnService } from './authorisation/create-return.service';
import { ReturnAuthorisation } from './authorisation/return-authorisation';
import { ReturnLabelStep } from './authorisation/return-label-step';
import { ReturnPreparation } from './authorisation/return-preparation';
import { DispositionService } from './disposition/disposition.service';
import { ExchangePlacement } from './exchange/exchange-placement';
import { InventoryClient } from './peers/inventory.client';
import { OrdersClient } from './peers/orders.client';
import { ReturnLabelsClient } from './peers/return-labels.client';
import { ReturnPoliciesRepository } from './policy/return-policies.repository';
import { ReturnPoliciesService } from './policy/return-policies.service';
import { InspectionService } from './receipt/inspection.service';
import { ReturnReceivingService } from './receipt/return-receiving.service';
import { OrderAccountsRepository } from './refund/order-accounts.repository';
import { RefundConfirmationService } from './refund/refund-confirmation.service';
import { RefundSettlement } from './refund/refund-settlement';
import { RefundsRepository } from './refund/refunds.repository';
import { ReturnClosingService } from './return/return-closing.service';
import { ReturnHandlingGrpcController } from './return/return-handling.grpc-controller';
import { ReturnLifecycle } from './return/return-lifecycle';
import { ReturnsGrpcController } from './return/returns.grpc-controller';
import { ReturnsQueryService } from './return/returns-query.service';
import { ReturnsRepository } from './return/returns.repository';
import { returnsEntities, returnsMigrations } from './returns-persistence';

export interface ReturnsModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
}

/**
 * The returns service: RMAs by mail and in any store, receipt, per-unit inspection, disposition
 * back into the network, refunds and exchanges — over gRPC, on its own database, publishing every
 * step through its outbox. Reads orders (GetOrder, PlaceOrder for exchanges) and inventory
 * locations over gRPC.
 */
@Module({})
export class ReturnsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus }: ReturnsModuleOptions): DynamicModule {
    return {
      module: ReturnsModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: returnsEntities,
            migrations: returnsMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
      controllers: [ReturnsGrpcController, ReturnHandlingGrpcController],
      providers: [
        OrdersClient,
        InventoryClient,
        ReturnLabelsClient,
        ReturnsRepository,
        OrderAccountsRepository,
        RefundsRepository,
        ReturnPoliciesRepository,
        ReturnPoliciesService,
        ReturnLifecycle,
        ReturnsQueryService,
        ReturnPreparation,
        ReturnAuthorisation,
        ReturnLabelStep,
        ExchangePlacement,
        ReturnClosingService,
        CreateReturnService,
        ReturnReceivingService,
        InspectionService,
        RefundSettlement,
        DispositionService,
        RefundConfirmationService,
      ],
      exports: [ReturnsQueryService, CreateReturnService],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
