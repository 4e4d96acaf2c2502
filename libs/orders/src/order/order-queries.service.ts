import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import type { SourcingDecisionEntity } from './sourcing-decision.entity';
import { decisionToContract } from './sourcing-decision.mapper';
import { ORDER_STATUSES } from './order-state-machine';
import { toOrderContract } from './order.mapper';
import { OrderQueriesRepository, type OrderCursor, type OrderFilters } from './order-queries.repository';
import { OrdersRepository } from './orders.repository';
import { findOrder } from './orders.service';
import { Violations } from './violations';

const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

function encodeCursor(cursor: OrderCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id })).toString('base64url');
}

function decodeCursor(v: Violations, token: string): OrderCursor | undefined {
  if (!token) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    const createdAt = new Date(String(parsed.c));
    if (typeof parsed.i !== 'string' || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor');
    return { createdAt, id: parsed.i };
  } catch {
    v.add('pageToken', 'is not a token this service gave out');
    return undefined;
  }
}

function instant(v: Violations, field: string, value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) v.add(field, 'must be an ISO 8601 date-time');
  return date;
}

/** Reading orders: the filtered, paginated list, an order's history and its sourcing decisions. */
@Injectable()
export class OrderQueriesService {
  constructor(
    private readonly queries: OrderQueriesRepository,
    private readonly orders: OrdersRepository,
  ) {}

  async list(request: ordersV1.ListOrdersRequest): Promise<ordersV1.ListOrdersResponse> {
    const v = new Violations();
    const statuses = request.statuses ?? [];
    statuses.forEach((status, i) => {
      if (!(ORDER_STATUSES as readonly string[]).includes(status)) v.add(`statuses[${i}]`, `must be one of: ${ORDER_STATUSES.join(', ')}`);
    });
    const pageSize = request.pageSize === 0 ? DEFAULT_PAGE : v.integer('pageSize', request.pageSize, 1, MAX_PAGE);
    const filters: OrderFilters = {
      statuses,
      channel: request.channel || undefined,
      channelOrderId: request.channelOrderId || undefined,
      createdFrom: instant(v, 'createdFrom', request.createdFrom),
      createdTo: instant(v, 'createdTo', request.createdTo),
      locationIds:
        request.locationId || (request.locationIds ?? []).length > 0
          ? [...(request.locationId ? [request.locationId] : []), ...(request.locationIds ?? [])]
          : undefined,
      customer: request.customer?.trim() || undefined,
    };
    const after = decodeCursor(v, request.pageToken);
    if (v.list.length > 0) throw new ValidationError(v.list);
    const { page, more } = await this.queries.list(filters, after, pageSize);
    const last = page[page.length - 1];
    return {
      orders: page.map(toOrderContract),
      nextPageToken: more && last ? encodeCursor({ createdAt: last.order.createdAt, id: last.order.id }) : '',
    };
  }

  async history(orderId: string): Promise<ordersV1.GetOrderHistoryResponse> {
    await findOrder(this.orders, orderId);
    const changes = await this.queries.history(orderId);
    return {
      changes: changes.map((c) => ({
        lineId: c.lineId ?? '',
        fromStatus: c.fromStatus ?? '',
        toStatus: c.toStatus,
        reason: c.reason,
        principal: c.principal ?? '',
        correlationId: c.correlationId,
        causeEventId: c.causeEventId ?? '',
        causeEventType: c.causeEventType ?? '',
        occurredAt: c.occurredAt.toISOString(),
      })),
    };
  }

  async explanation(orderId: string): Promise<ordersV1.GetSourcingExplanationResponse> {
    await findOrder(this.orders, orderId);
    const decisions: SourcingDecisionEntity[] = await this.queries.decisions(orderId);
    return { decisions: decisions.map(decisionToContract) };
  }
}
