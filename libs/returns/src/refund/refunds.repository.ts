import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { RefundEntity } from './refund.entity';

/** The only place that queries refunds; tenant-scoped, writes in the caller's transaction. */
@Injectable()
export class RefundsRepository {
  async insert(manager: EntityManager, refund: RefundEntity): Promise<void> {
    await manager.insert(RefundEntity, refund);
  }

  /** Locks the refund of a return (the return itself is locked by the caller first). */
  async lockOfReturn(manager: EntityManager, returnId: string): Promise<RefundEntity | null> {
    return manager
      .getRepository(RefundEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.tenant_id = :tenantId AND f.return_id = :returnId', { tenantId: requireTenant(), returnId })
      .getOne();
  }

  async settle(
    manager: EntityManager,
    refundId: string,
    changes: Pick<RefundEntity, 'status' | 'paymentReference' | 'message' | 'settledAt'>,
  ): Promise<void> {
    await manager.update(RefundEntity, tenantScope({ id: refundId }), changes);
  }
}
