import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { returnsV1 } from '@baton/contracts';
import type { EventEnvelope } from '@baton/domain';
import { Outbox } from '@baton/messaging';
import { correlationId, currentContext, requireTenant } from '@baton/platform';
import { UUID } from '../authorisation/create-return.validation';
import { toReturnContract } from './return.mapper';
import { assertReturnTransition, type ReturnStatus } from './return-state-machine';
import { ReturnStatusChangeEntity } from './return-status-change.entity';
import type { ReturnEntity } from './return.entity';
import { ReturnsError } from './returns.errors';
import { ReturnsRepository } from './returns.repository';

/** What one change of a locked return produced: its events, published after the commit. */
export type ReturnChange = EventEnvelope[];

/** A history entry for `returnId` in the current request (principal, correlation id, now). */
export function historyEntry(returnId: string, from: string | null, to: string, reason: string, at = new Date()): ReturnStatusChangeEntity {
  return Object.assign(new ReturnStatusChangeEntity(), {
    tenantId: requireTenant(),
    returnId,
    fromStatus: from,
    toStatus: to,
    reason,
    principal: currentContext()?.principal ?? null,
    correlationId: correlationId(),
    occurredAt: at,
  });
}

/**
 * The one way an existing return changes: in a transaction holding the return's row lock, so
 * concurrent requests on one return are decided one after the other; the change, its history and
 * its events commit together (outbox), and the relay is woken only after the commit.
 */
@Injectable()
export class ReturnLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReturnsRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Runs `work` on the locked return and answers the return as it is after the commit. */
  async change(returnId: string, work: (manager: EntityManager, ret: ReturnEntity) => Promise<ReturnChange>): Promise<returnsV1.Return> {
    const events = await this.dataSource.transaction(async (manager) => {
      const ret = UUID.test(returnId) ? await this.repository.lockReturn(manager, returnId) : null;
      if (!ret) throw new ReturnsError('RETURN_NOT_FOUND', `Return ${returnId} does not exist`, { returnId });
      const produced = await work(manager, ret);
      await this.outbox.append(manager, ...produced);
      return produced;
    });
    if (events.length > 0) this.outbox.notify();
    return this.current(returnId);
  }

  /** Moves a locked return to `to` after the state machine allows it, with its history entry. */
  async transition(manager: EntityManager, ret: ReturnEntity, to: ReturnStatus, reason: string): Promise<void> {
    assertReturnTransition(ret.id, ret.status, to);
    await this.repository.updateReturn(manager, ret.id, { status: to });
    await this.repository.recordHistory(manager, [historyEntry(ret.id, ret.status, to, reason)]);
    ret.status = to;
  }

  async current(returnId: string): Promise<returnsV1.Return> {
    const aggregate = UUID.test(returnId) ? await this.repository.findAggregate(returnId) : null;
    if (!aggregate) throw new ReturnsError('RETURN_NOT_FOUND', `Return ${returnId} does not exist`, { returnId });
    return toReturnContract(aggregate);
  }
}
