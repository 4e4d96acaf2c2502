import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '@baton/domain';
import { HealthController, MetricsController, currentContext } from '@baton/platform';
import type { GatewaySettings } from '../gateway-config';
import { GATEWAY_SETTINGS } from '../gateway.tokens';
import { RateLimiter } from '../limits/rate-limiter';
import { ApiKeysService } from './api-keys.service';
import { type Principal, attachPrincipal, principalOf } from './principal';
import { type ApiKeyRole, PUBLIC_KEY, ROLES_KEY } from './roles';

export { RequireRoles, Public } from './roles';

/** Probes and metrics are not part of the API: no key, no limit. */
const PLATFORM_CONTROLLERS = new Set<unknown>([HealthController, MetricsController]);

/**
 * The gateway's one door, applied to every route: authenticates the API key, puts its tenant,
 * partner and principal into the request context (from where they travel to every service in gRPC
 * metadata), takes one request from the key's rate-limit bucket (429 with Retry-After when empty),
 * and refuses with 403 a function the key's roles do not allow. Routes are admin-only unless they
 * name their roles with `@RequireRoles`, or are `@Public()` (then limited per client address).
 * Running it twice on one request (global and `@UseGuards`) authenticates and counts once.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http' || PLATFORM_CONTROLLERS.has(context.getClass())) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) {
      if (!principalOf(request)) this.limit(response, `ip:${request.ip ?? 'unknown'}`, this.settings.publicRateLimitPerMinute);
      return true;
    }
    let principal = principalOf(request);
    if (!principal) {
      principal = await this.authenticate(request, response);
      attachPrincipal(request, principal);
      const ctx = currentContext();
      if (!ctx) throw new DomainError('internal', 'NO_REQUEST_CONTEXT', 'The request has no context');
      ctx.tenantId = principal.tenantId;
      ctx.principal = `key:${principal.keyId}`;
      if (principal.partnerId) ctx.partnerId = principal.partnerId;
      this.limit(response, `key:${principal.keyId}`, principal.rateLimitPerMinute ?? this.settings.rateLimitPerMinute);
    }
    const required = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES_KEY, targets) ?? ['admin'];
    const roles = principal.roles;
    if (!roles.includes('admin') && !required.some((role) => roles.includes(role))) {
      throw new DomainError('forbidden', 'ROLE_FORBIDDEN', `This route needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }

  /** Authenticates the request's key; failed attempts are rate-limited per client address (no key guessing). */
  private async authenticate(request: Request, response: Response): Promise<Principal> {
    try {
      return await this.keys.authenticate(presentedKey(request));
    } catch (error) {
      this.limit(response, `auth-failure:${request.ip ?? 'unknown'}`, this.settings.publicRateLimitPerMinute);
      throw error;
    }
  }

  private limit(response: Response, caller: string, perMinute: number): void {
    const taken = this.limiter.take(caller, perMinute);
    response.setHeader('X-RateLimit-Limit', String(perMinute));
    if (taken.allowed) {
      response.setHeader('X-RateLimit-Remaining', String(taken.remaining));
      return;
    }
    response.setHeader('X-RateLimit-Remaining', '0');
    response.setHeader('Retry-After', String(taken.retryAfterSeconds));
    throw new HttpException(
      `Rate limit of ${perMinute} requests a minute exceeded; retry after ${taken.retryAfterSeconds} s`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

function presentedKey(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}
