import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { EVENT_TYPES, ValidationError, producerOf, type FieldViolation } from '@baton/domain';
import { TrackingError } from '../tracking.errors';
import { TenantSettingsRepository } from './tenant-settings.repository';
import { WebhookSubscriptionsRepository, type WebhookSubscriptionRow } from './webhook-subscriptions.repository';
import { checkWebhookUrl } from './webhook-url-policy';
import { toSubscription } from './webhooks.mapper';

const MAX_EVENT_TYPES = 50;
const MIN_SECRET_LENGTH = 24;
const KNOWN_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const KNOWN_PRODUCERS: ReadonlySet<string> = new Set(EVENT_TYPES.map((type) => producerOf(type)));

/** Event type patterns a subscription may name: a catalogued type, `<service>.*`, or `*`. */
function eventTypeViolations(types: string[]): FieldViolation[] {
  if (types.length === 0 || types.length > MAX_EVENT_TYPES) {
    return [{ field: 'eventTypes', message: `must list 1-${MAX_EVENT_TYPES} event types` }];
  }
  return types.flatMap((type, index) => {
    const known = type === '*' || KNOWN_TYPES.has(type) || (type.endsWith('.*') && KNOWN_PRODUCERS.has(type.slice(0, -2)));
    return known
      ? []
      : [{ field: `eventTypes.${index}`, message: `${type} is not a catalogued event type, "<service>.*" or "*"` }];
  });
}

/** A new signing secret: 32 random bytes, recognisable by its prefix. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * Webhook subscriptions of the current tenant (or partner) and the tenant's webhook settings.
 * Invariant: a stored subscription's URL passed the URL policy in force for its tenant, and its
 * secret is shown once, in the answer to its creation.
 */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsRepository,
    private readonly settings: TenantSettingsRepository,
  ) {}

  async create(request: trackingV1.CreateWebhookSubscriptionRequest): Promise<trackingV1.CreateWebhookSubscriptionResponse> {
    const types = [...new Set(request.eventTypes)];
    const violations = eventTypeViolations(types);
    if (request.secret && (request.secret.length < MIN_SECRET_LENGTH || request.secret.length > 200)) {
      violations.push({ field: 'secret', message: `must be ${MIN_SECRET_LENGTH}-200 characters` });
    }
    if (request.description.length > 500) violations.push({ field: 'description', message: 'must be at most 500 characters' });
    if (violations.length > 0) throw new ValidationError(violations);
    const url = await checkWebhookUrl(request.url, await this.settings.allowsPrivateWebhookUrls());
    const secret = request.secret || generateWebhookSecret();
    const created = await this.subscriptions.insert({ id: randomUUID(), url, secret, eventTypes: types, description: request.description });
    return { subscription: toSubscription(created), secret };
  }

  async list(): Promise<trackingV1.ListWebhookSubscriptionsResponse> {
    return { subscriptions: (await this.subscriptions.findAll()).map(toSubscription) };
  }

  async get(subscriptionId: string): Promise<trackingV1.GetWebhookSubscriptionResponse> {
    return { subscription: toSubscription(await this.require(subscriptionId)) };
  }

  async deactivate(subscriptionId: string): Promise<trackingV1.DeactivateWebhookSubscriptionResponse> {
    const found = await this.subscriptions.deactivate(subscriptionId);
    if (!found) throw notFound(subscriptionId);
    return { subscription: toSubscription(found) };
  }

  /** The subscription of the current tenant (and partner), or WEBHOOK_SUBSCRIPTION_NOT_FOUND. */
  async require(subscriptionId: string): Promise<WebhookSubscriptionRow> {
    const found = await this.subscriptions.findOne(subscriptionId);
    if (!found) throw notFound(subscriptionId);
    return found;
  }

  async getSettings(): Promise<trackingV1.GetWebhookSettingsResponse> {
    return { settings: { allowPrivateUrls: await this.settings.allowsPrivateWebhookUrls() } };
  }

  async updateSettings(request: trackingV1.UpdateWebhookSettingsRequest): Promise<trackingV1.UpdateWebhookSettingsResponse> {
    await this.settings.setAllowPrivateWebhookUrls(request.allowPrivateUrls);
    return { settings: { allowPrivateUrls: request.allowPrivateUrls } };
  }
}

function notFound(subscriptionId: string): TrackingError {
  return new TrackingError('WEBHOOK_SUBSCRIPTION_NOT_FOUND', `No webhook subscription ${subscriptionId}`, { subscriptionId });
}
