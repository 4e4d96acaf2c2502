import { type DynamicModule, Inject, type MiddlewareConsumer, Module, type NestModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeyAdminService } from './admin/api-key-admin.service';
import { ApiKeysAdminController } from './admin/api-keys.admin-controller';
import { PartnersAdminController } from './admin/partners.admin-controller';
import { PartnersService } from './admin/partners.service';
import { TenantsAdminController } from './admin/tenants.admin-controller';
import { TenantsService } from './admin/tenants.service';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysRepository } from './auth/api-keys.repository';
import { ApiKeysService } from './auth/api-keys.service';
import { PartnerScope } from './auth/partner-scope';
import { PartnersRepository } from './auth/partners.repository';
import type { GatewaySettings } from './gateway-config';
import { GATEWAY_SETTINGS } from './gateway.tokens';
import { RequestLoggingMiddleware } from './http/request-logging.middleware';
import { IdempotencyKeysRepository } from './idempotency/idempotency-keys.repository';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencySweeper } from './idempotency/idempotency-sweeper';
import { RateLimiter } from './limits/rate-limiter';

/** Creates the bootstrap key from configuration, so a fresh deployment has one way in. */
class BootstrapKeyInstaller implements OnApplicationBootstrap {
  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly keys: ApiKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.bootstrapApiKey) return;
    await this.keys.ensureKey(
      this.settings.bootstrapTenant,
      this.settings.bootstrapTenant,
      this.settings.bootstrapApiKey,
      ['admin'],
      'bootstrap key from configuration',
    );
  }
}

/**
 * What every route of the gateway gets, whichever team wrote it: API-key authentication with
 * roles and partner binding (a global guard), per-key rate limits, idempotency keys on every POST
 * (a global interceptor), request logging with the correlation id — and the admin API for
 * tenants, partners and keys. Exports what route modules need: the guard, {@link PartnerScope}
 * and the settings.
 */
@Module({})
export class AccessModule implements NestModule {
  static forRoot(settings: GatewaySettings): DynamicModule {
    return {
      module: AccessModule,
      controllers: [TenantsAdminController, PartnersAdminController, ApiKeysAdminController],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: settings },
        ApiKeysRepository,
        ApiKeysService,
        PartnersRepository,
        PartnerScope,
        RateLimiter,
        ApiKeyGuard,
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        IdempotencyKeysRepository,
        IdempotencyInterceptor,
        { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
        IdempotencySweeper,
        TenantsService,
        PartnersService,
        ApiKeyAdminService,
        BootstrapKeyInstaller,
        RequestLoggingMiddleware,
      ],
      exports: [GATEWAY_SETTINGS, ApiKeysService, ApiKeyGuard, PartnerScope, RateLimiter],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLoggingMiddleware).forRoutes('{*path}');
  }
}
