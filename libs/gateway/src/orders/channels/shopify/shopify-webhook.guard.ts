import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@baton/domain';
import { currentContext } from '@baton/platform';
import type { RawBodyRequest } from '../../../http/body-parsers';
import type { ChannelConnectionEntity } from '../connections/channel-connection.entity';
import { ChannelConnectionsRepository } from '../connections/channel-connections.repository';
import { SHOPIFY_HMAC_HEADER, verifyShopifySignature } from './shopify-hmac';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const connections = new WeakMap<Request, ChannelConnectionEntity>();

/** The connection whose signature a webhook request carried (set by {@link ShopifyWebhookGuard}). */
export function connectionOf(request: Request): ChannelConnectionEntity {
  const connection = connections.get(request);
  if (!connection) throw new DomainError('internal', 'NO_CHANNEL_CONNECTION', 'The webhook was not authenticated');
  return connection;
}

/**
 * Authenticates a Shopify webhook instead of an API key: the X-Shopify-Hmac-Sha256 header must be
 * the HMAC of the raw body with the connection's shared secret. Only then is the connection's
 * tenant put into the request context. An unknown connection and a wrong signature answer alike (401).
 */
@Injectable()
export class ShopifyWebhookGuard implements CanActivate {
  constructor(private readonly connectionsRepository: ChannelConnectionsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RawBodyRequest>();
    const id = String(request.params.connectionId ?? '');
    const connection = UUID.test(id) ? await this.connectionsRepository.findForWebhook(id) : null;
    const signature = request.header(SHOPIFY_HMAC_HEADER);
    if (!connection || connection.type !== 'shopify' || !request.rawBody || !verifyShopifySignature(request.rawBody, connection.sharedSecret, signature)) {
      throw new DomainError('unauthenticated', 'WEBHOOK_SIGNATURE_INVALID', 'The X-Shopify-Hmac-Sha256 signature does not match this connection');
    }
    const ctx = currentContext();
    if (!ctx) throw new DomainError('internal', 'NO_REQUEST_CONTEXT', 'The request has no context');
    ctx.tenantId = connection.tenantId;
    ctx.principal = `channel-connection:${connection.id}`;
    connections.set(request, connection);
    return true;
  }
}
