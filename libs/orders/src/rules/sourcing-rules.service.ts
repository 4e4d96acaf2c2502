import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { currentContext } from '@baton/platform';
import { OrdersError } from '../order/orders.errors';
import type { SourcingRuleSetEntity } from './sourcing-rule-set.entity';
import { DEFAULT_SOURCING_RULES, type RuleSetView } from './sourcing-rules';
import { ruleSetToContract, rulesFromContract } from './sourcing-rules.mapper';
import { SourcingRulesRepository } from './sourcing-rules.repository';

const DEFAULT_VIEW: RuleSetView = {
  version: 0,
  status: 'default',
  rules: DEFAULT_SOURCING_RULES,
  note: 'built-in defaults',
  createdBy: null,
  createdAt: null,
  activatedBy: null,
  activatedAt: null,
};

function view(entity: SourcingRuleSetEntity): RuleSetView {
  return {
    version: entity.version,
    status: entity.status,
    rules: entity.rules,
    note: entity.note,
    createdBy: entity.createdBy,
    createdAt: entity.createdAt,
    activatedBy: entity.activatedBy,
    activatedAt: entity.activatedAt,
  };
}

/**
 * A tenant's sourcing rules as versioned data. Invariants: a stored version never changes (a
 * change is a new draft); at most one version is active; a draft can be tried (a delivery promise
 * with `rulesVersion`) before it is activated; without an active version the built-in defaults
 * (version 0) apply.
 */
@Injectable()
export class SourcingRulesService {
  constructor(private readonly repository: SourcingRulesRepository) {}

  /** The rules placement uses now. */
  async active(): Promise<RuleSetView> {
    const active = await this.repository.findActive();
    return active ? view(active) : DEFAULT_VIEW;
  }

  /** A given version (0 = the active one, or the defaults). */
  async version(version: number): Promise<RuleSetView> {
    if (!Number.isSafeInteger(version) || version < 0) throw new ValidationError([{ field: 'version', message: 'must be 0 or a version number' }]);
    if (version === 0) return this.active();
    const found = await this.repository.findVersion(version);
    if (!found) throw new OrdersError('RULES_NOT_FOUND', `Sourcing rules version ${version} does not exist`, { version });
    return view(found);
  }

  async get(request: ordersV1.GetSourcingRulesRequest): Promise<ordersV1.GetSourcingRulesResponse> {
    return { ruleSet: ruleSetToContract(await this.version(request.version)) };
  }

  async list(): Promise<ordersV1.ListSourcingRulesResponse> {
    const stored = (await this.repository.list()).map(view);
    const hasActive = stored.some((s) => s.status === 'active');
    return { ruleSets: [...stored, ...(hasActive ? [] : [DEFAULT_VIEW])].map(ruleSetToContract) };
  }

  async saveDraft(request: ordersV1.SaveSourcingRulesDraftRequest): Promise<ordersV1.SaveSourcingRulesDraftResponse> {
    const rules = rulesFromContract(request.rules);
    const note = (request.note ?? '').trim();
    if (note.length > 500) throw new ValidationError([{ field: 'note', message: 'must be at most 500 characters' }]);
    const saved = await this.repository.insertDraft(rules, note, currentContext()?.principal ?? null);
    return { ruleSet: ruleSetToContract(view(saved)) };
  }

  async activate(request: ordersV1.ActivateSourcingRulesRequest): Promise<ordersV1.ActivateSourcingRulesResponse> {
    if (!Number.isSafeInteger(request.version) || request.version < 1) {
      throw new ValidationError([{ field: 'version', message: 'must be a stored version number' }]);
    }
    const existing = await this.repository.findVersion(request.version);
    if (!existing) throw new OrdersError('RULES_NOT_FOUND', `Sourcing rules version ${request.version} does not exist`, { version: request.version });
    if (existing.status === 'retired') {
      throw new OrdersError('ILLEGAL_TRANSITION', `Version ${request.version} was retired; save it again as a new draft`, {
        entity: 'sourcing_rules',
        from: 'retired',
        to: 'active',
        reason: 'FINAL_STATUS',
      });
    }
    const activated = await this.repository.activate(request.version, currentContext()?.principal ?? null);
    return { ruleSet: ruleSetToContract(view(activated as SourcingRuleSetEntity)) };
  }
}
