import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { OrderLineCreditEntity } from './order-line-credit.entity';
import { OrderReturnAccountEntity } from './order-return-account.entity';

export interface LineCreditChange {
  lineId: string;
  orderedQuantity: number;
  units: number;
  minor: number;
}

/**
 * The per-order account of what returns credited back, and its lock. Every return of an order
 * that reserves quantities or credits money takes this lock first, so the arithmetic of what is
 * left to return and to refund is never done on a stale picture.
 */
@Injectable()
export class OrderAccountsRepository {
  /** Creates the order's account if it has none, then locks it for the caller's transaction. */
  async lock(manager: EntityManager, orderId: string, currency: string, paidMinor: number): Promise<OrderReturnAccountEntity> {
    await manager.query(
      `INSERT INTO order_return_accounts (tenant_id, order_id, currency, paid_minor)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, order_id) DO NOTHING`,
      [requireTenant(), orderId, currency, paidMinor],
    );
    const account = await manager
      .getRepository(OrderReturnAccountEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.tenant_id = :tenantId AND a.order_id = :orderId', { tenantId: requireTenant(), orderId })
      .getOne();
    if (!account) throw new Error(`The return account of order ${orderId} vanished under its lock`);
    return account;
  }

  async lineCredits(manager: EntityManager, orderId: string): Promise<OrderLineCreditEntity[]> {
    return manager.find(OrderLineCreditEntity, { where: tenantScope({ orderId }) });
  }

  /**
   * Books a credit: the paid amount as orders reports it now, the credited and shipping totals,
   * and per line the units and money credited. The database refuses a credit beyond what was paid
   * and more units than were ordered, whatever the caller computed.
   */
  async credit(
    manager: EntityManager,
    orderId: string,
    paidMinor: number,
    creditMinor: number,
    shippingMinor: number,
    lines: readonly LineCreditChange[],
  ): Promise<void> {
    const tenantId = requireTenant();
    await manager.query(
      `UPDATE order_return_accounts
          SET paid_minor = $3, credited_minor = credited_minor + $4,
              shipping_refunded_minor = shipping_refunded_minor + $5, updated_at = now()
        WHERE tenant_id = $1 AND order_id = $2`,
      [tenantId, orderId, paidMinor, creditMinor, shippingMinor],
    );
    for (const line of lines) {
      await manager.query(
        `INSERT INTO order_line_credits AS c (tenant_id, order_id, line_id, ordered_quantity, credited_units, credited_minor)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, order_id, line_id) DO UPDATE
           SET credited_units = c.credited_units + EXCLUDED.credited_units,
               credited_minor = c.credited_minor + EXCLUDED.credited_minor,
               ordered_quantity = EXCLUDED.ordered_quantity`,
        [tenantId, orderId, line.lineId, line.orderedQuantity, line.units, line.minor],
      );
    }
  }
}
