import { Injectable } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { UUID, Violations } from '../authorisation/create-return.validation';
import { assessLines } from '../authorisation/returnable-quantities';
import { OrdersClient } from '../peers/orders.client';
import { ReturnPoliciesService } from '../policy/return-policies.service';
import { toReturnContract } from './return.mapper';
import { RETURN_STATUSES, type ReturnStatus } from './return-state-machine';
import { ReturnLifecycle } from './return-lifecycle';
import { ReturnsRepository, type ListCursor } from './returns.repository';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Reads: one return, returns by order, status or location (newest first, keyset pages), and what
 * of an order can still come back. Reads change nothing and take no locks.
 */
@Injectable()
export class ReturnsQueryService {
  constructor(
    private readonly repository: ReturnsRepository,
    private readonly lifecycle: ReturnLifecycle,
    private readonly orders: OrdersClient,
    private readonly policies: ReturnPoliciesService,
  ) {}

  getReturn(returnId: string): Promise<returnsV1.Return> {
    if (!returnId) throw new ValidationError([{ field: 'returnId', message: 'is required' }]);
    return this.lifecycle.current(returnId);
  }

  async listReturns(request: returnsV1.ListReturnsRequest): Promise<returnsV1.ListReturnsResponse> {
    const v = new Violations();
    const orderId = v.uuid('orderId', request.orderId, false);
    const locationId = v.uuid('locationId', request.locationId, false);
    const locationIds = (request.locationIds ?? []).map((id, index) => v.uuid(`locationIds[${index}]`, id, true) ?? '');
    if (locationIds.length > 100) v.add('locationIds', 'must name at most 100 locations');
    const status = (request.status ?? '').trim();
    if (status !== '') v.oneOf('status', RETURN_STATUSES, status);
    const pageSize = request.pageSize === 0 ? DEFAULT_PAGE_SIZE : v.integer('pageSize', request.pageSize, 1, MAX_PAGE_SIZE);
    const cursor = decodeCursor(request.pageToken, v);
    v.throwIfAny('The list request is invalid');
    const rows = await this.repository.listIds(
      {
        orderId: orderId ?? undefined,
        locationId: locationId ?? undefined,
        locationIds: request.locationIds.length > 0 ? locationIds : undefined,
        status: (status || undefined) as ReturnStatus | undefined,
      },
      pageSize + 1,
      cursor,
    );
    const page = rows.slice(0, pageSize);
    const aggregates = await this.repository.findAggregates(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      returns: aggregates.map(toReturnContract),
      nextPageToken: rows.length > pageSize && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : '',
    };
  }

  /**
   * Per order line: what reached the customer, what other returns hold, what is left and, when
   * nothing is, why. The window shown is the latest end over the lines (each line's own refusal
   * says when its window closed).
   */
  async getReturnable(orderId: string): Promise<returnsV1.GetReturnableResponse> {
    const v = new Violations();
    v.uuid('orderId', orderId, true);
    v.throwIfAny('The request is invalid');
    const [{ order }, policy] = await Promise.all([this.orders.getOrder(orderId), this.policies.policy()]);
    const claims = await this.repository.findClaimsOfOrder(this.repository.readManager(), orderId);
    const now = new Date();
    const assessments = assessLines(order, claims, policy, now);
    const windowEnd = assessments.reduce<Date | null>(
      (latest, a) => (latest === null || a.windowEndsAt.getTime() > latest.getTime() ? a.windowEndsAt : latest),
      null,
    );
    return {
      orderId,
      currency: order.currency,
      windowEndsAt: windowEnd?.toISOString() ?? '',
      windowOpen: windowEnd !== null && now.getTime() <= windowEnd.getTime(),
      lines: assessments.map((a) => ({
        lineId: a.lineId,
        sku: a.sku,
        orderedQuantity: a.orderedQuantity,
        lineStatus: a.lineStatus,
        eligibleQuantity: a.eligibleQuantity,
        returnedQuantity: a.returnedQuantity,
        returnableQuantity: a.returnableQuantity,
        refusal: a.refusal ?? '',
        paidMinor: a.paidMinor,
      })),
    };
  }
}

function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id }), 'utf8').toString('base64url');
}

function decodeCursor(token: string, v: Violations): ListCursor | null {
  if (!token) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { c?: unknown; i?: unknown };
    const createdAt = typeof parsed.c === 'string' ? new Date(parsed.c) : null;
    if (createdAt && !Number.isNaN(createdAt.getTime()) && typeof parsed.i === 'string' && UUID.test(parsed.i)) {
      return { createdAt, id: parsed.i };
    }
  } catch {
    // falls through to the violation below
  }
  v.add('pageToken', 'is not a token from a previous page');
  return null;
}
