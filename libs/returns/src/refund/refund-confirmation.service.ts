import { Injectable } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { createEvent } from '@baton/messaging';
import { Violations } from '../authorisation/create-return.validation';
import { historyEntry, ReturnLifecycle } from '../return/return-lifecycle';
import { ReturnsError } from '../return/returns.errors';
import { ReturnsRepository } from '../return/returns.repository';
import { RefundsRepository } from './refunds.repository';

const OUTCOMES = ['succeeded', 'failed'] as const;

/**
 * The payment side's answer to a requested refund: `succeeded` (with its payment reference) or
 * `failed`. Answered once; repeating the same answer is harmless and changes nothing, a different
 * answer to a settled refund is refused (409). Every answer is kept in the return's history and
 * announced with `returns.refund.settled.v1`.
 */
@Injectable()
export class RefundConfirmationService {
  constructor(
    private readonly lifecycle: ReturnLifecycle,
    private readonly refunds: RefundsRepository,
    private readonly repository: ReturnsRepository,
  ) {}

  async confirmRefund(request: returnsV1.ConfirmRefundRequest): Promise<returnsV1.Return> {
    const v = new Violations();
    v.text('returnId', request.returnId, 64);
    const refundId = v.uuid('refundId', request.refundId, true) ?? '';
    const outcome = v.oneOf('outcome', OUTCOMES, (request.outcome ?? '').trim());
    const paymentReference = v.text('paymentReference', request.paymentReference, 128, outcome === 'succeeded');
    const message = v.text('message', request.message, 500, false);
    v.throwIfAny('The refund confirmation is invalid');
    const status = outcome === 'succeeded' ? 'confirmed' : 'failed';
    return this.lifecycle.change(request.returnId, async (manager, ret) => {
      const refund = await this.refunds.lockOfReturn(manager, ret.id);
      if (!refund || refund.id !== refundId || refund.status === 'not_requested') {
        throw new ReturnsError('REFUND_NOT_FOUND', `Return ${ret.id} has no requested refund ${refundId}`, { returnId: ret.id, refundId });
      }
      if (refund.status === status) return [];
      if (refund.status !== 'requested') {
        throw new ReturnsError('REFUND_ALREADY_SETTLED', `Refund ${refundId} is already ${refund.status}`, {
          returnId: ret.id,
          refundId,
          status: refund.status,
        });
      }
      const now = new Date();
      await this.refunds.settle(manager, refund.id, { status, paymentReference: paymentReference || null, message: message || null, settledAt: now });
      await this.repository.recordHistory(manager, [
        historyEntry(ret.id, ret.status, ret.status, `refund ${refundId} ${status}${paymentReference ? ` (${paymentReference})` : ''}`, now),
      ]);
      return [
        createEvent('returns.refund.settled.v1', { type: 'return', id: ret.id }, {
          refundId,
          returnId: ret.id,
          orderId: ret.orderId,
          outcome,
          amountMinor: refund.amountMinor,
          currency: refund.currency,
          paymentReference,
        }),
      ];
    });
  }
}
