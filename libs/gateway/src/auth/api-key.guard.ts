import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '@baton/domain';
import { currentContext } from '@baton/platform';
import { ApiKeyRole, ApiKeysService } from './api-keys.service';

const ROLES_KEY = 'baton:roles';

/** The roles allowed to call a route; `admin` may call every route. */
export const RequireRoles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Authenticates the API key and puts its tenant into the request context, from where it travels
 * to every service in gRPC metadata. A function the key's roles do not allow answers 403.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = await this.keys.authenticate(presentedKey(request));
    const required = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && !principal.roles.includes('admin') && !required.some((role) => principal.roles.includes(role))) {
      throw new DomainError('forbidden', 'ROLE_FORBIDDEN', `This route needs one of the roles: ${required.join(', ')}`);
    }
    const ctx = currentContext();
    if (!ctx) throw new DomainError('internal', 'NO_REQUEST_CONTEXT', 'The request has no context');
    ctx.tenantId = principal.tenantId;
    ctx.principal = `key:${principal.keyId}`;
    return true;
  }
}

function presentedKey(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}
