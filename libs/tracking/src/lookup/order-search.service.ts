import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { normalizeEmail, normalizePhone } from '../projection/read-model-drafts';
import { OrderViewsService } from '../status/order-views.service';
import { TrackingError } from '../tracking.errors';
import { type OrderCriterion, OrderIndexRepository, type SearchCursor } from './order-index.repository';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;

function criterionOf(request: trackingV1.SearchOrdersRequest): OrderCriterion {
  const given: OrderCriterion[] = [];
  if (request.orderId) given.push({ by: 'orderId', value: request.orderId.trim() });
  if (request.channelOrderId) given.push({ by: 'channelOrderId', value: request.channelOrderId.trim() });
  if (request.email) given.push({ by: 'email', value: normalizeEmail(request.email) });
  if (request.phone) given.push({ by: 'phone', value: normalizePhone(request.phone) });
  if (request.trackingNumber) given.push({ by: 'trackingNumber', value: request.trackingNumber.trim() });
  if (given.length !== 1) {
    throw new TrackingError(
      'SEARCH_CRITERION_REQUIRED',
      'Search by exactly one of orderId, channelOrderId, email, phone or trackingNumber',
      { given: given.map((c) => c.by) },
    );
  }
  return given[0];
}

function decodeCursor(token: string): SearchCursor | null {
  if (!token) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<SearchCursor>;
    if (typeof parsed.lastEventAt === 'string' && typeof parsed.orderId === 'string' && !Number.isNaN(Date.parse(parsed.lastEventAt))) {
      return { lastEventAt: parsed.lastEventAt, orderId: parsed.orderId };
    }
  } catch {
    // falls through to the refusal below
  }
  throw new TrackingError('INVALID_PAGE_TOKEN', 'The page token is not one this search returned');
}

/**
 * Customer-service look-up: finds the current tenant's orders by one criterion and answers each
 * with its current customer-facing status, most recently active first, a page at a time.
 */
@Injectable()
export class OrderSearchService {
  constructor(
    private readonly index: OrderIndexRepository,
    private readonly views: OrderViewsService,
  ) {}

  async searchOrders(request: trackingV1.SearchOrdersRequest): Promise<trackingV1.SearchOrdersResponse> {
    const criterion = criterionOf(request);
    if (request.limit < 0 || request.limit > MAX_SEARCH_LIMIT) {
      throw new ValidationError([{ field: 'limit', message: `must be between 1 and ${MAX_SEARCH_LIMIT}` }]);
    }
    const limit = request.limit || DEFAULT_SEARCH_LIMIT;
    const locations = OrderViewsService.filterOf(request.scope);
    const found = await this.index.search(criterion, decodeCursor(request.pageToken), limit + 1, locations);
    const page = found.slice(0, limit);
    const facts = await this.views.load(page.map((order) => order.orderId));
    const now = new Date();
    const orders = page.map((order): trackingV1.OrderSummary => {
      const orderFacts = facts.get(order.orderId);
      const view = orderFacts ? this.views.viewOf(orderFacts, now) : undefined;
      return {
        orderId: order.orderId,
        channel: order.channel ?? '',
        channelOrderId: order.channelOrderId ?? '',
        customerEmail: order.customerEmail ?? '',
        customerPhone: order.customerPhone ?? '',
        status: view?.status ?? 'received',
        promisedBy: view?.promisedBy ?? '',
        atRisk: view?.atRisk ?? false,
        placedAt: order.placedAt?.toISOString() ?? '',
        lastEventAt: order.lastEventAt.toISOString(),
        trackingNumbers: [...new Set(view?.shipments.map((s) => s.trackingNumber) ?? [])],
      };
    });
    const last = page[page.length - 1];
    const nextPageToken =
      found.length > limit && last
        ? Buffer.from(JSON.stringify({ lastEventAt: last.lastEventAt.toISOString(), orderId: last.orderId })).toString('base64url')
        : '';
    return { orders, nextPageToken };
  }
}
