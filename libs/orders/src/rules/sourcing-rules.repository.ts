import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { SourcingRuleSetEntity } from './sourcing-rule-set.entity';
import type { SourcingRules } from './sourcing-rules';

/** The only place that queries sourcing rule sets; always within the current tenant. */
@Injectable()
export class SourcingRulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActive(): Promise<SourcingRuleSetEntity | null> {
    return this.dataSource.getRepository(SourcingRuleSetEntity).findOne({ where: tenantScope({ status: 'active' as const }) });
  }

  findVersion(version: number): Promise<SourcingRuleSetEntity | null> {
    return this.dataSource.getRepository(SourcingRuleSetEntity).findOne({ where: tenantScope({ version }) });
  }

  list(): Promise<SourcingRuleSetEntity[]> {
    return this.dataSource.getRepository(SourcingRuleSetEntity).find({ where: tenantScope({}), order: { version: 'DESC' } });
  }

  /** Stores a new draft under the next version number; versions of one tenant are numbered under a lock. */
  async insertDraft(rules: SourcingRules, note: string, createdBy: string | null): Promise<SourcingRuleSetEntity> {
    const tenantId = requireTenant();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sourcing-rules:' || $1))`, [tenantId]);
      const [{ next }] = await manager.query<Array<{ next: number }>>(
        `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM sourcing_rule_sets WHERE tenant_id = $1`,
        [tenantId],
      );
      const entity = Object.assign(new SourcingRuleSetEntity(), {
        tenantId,
        version: Number(next),
        status: 'draft' as const,
        rules,
        note,
        createdBy,
        createdAt: new Date(),
        activatedBy: null,
        activatedAt: null,
      });
      await manager.insert(SourcingRuleSetEntity, entity);
      return entity;
    });
  }

  /** Makes `version` the active one and retires the one active before, atomically. */
  async activate(version: number, activatedBy: string | null): Promise<SourcingRuleSetEntity | null> {
    const tenantId = requireTenant();
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sourcing-rules:' || $1))`, [tenantId]);
      const target = await manager.findOne(SourcingRuleSetEntity, { where: { tenantId, version } });
      if (!target || target.status === 'active') return target;
      await manager.update(SourcingRuleSetEntity, { tenantId, status: 'active' }, { status: 'retired' });
      Object.assign(target, { status: 'active', activatedBy, activatedAt: new Date() });
      await manager.update(SourcingRuleSetEntity, { tenantId, version }, { status: 'active', activatedBy, activatedAt: target.activatedAt });
      return target;
    });
  }
}
