import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { returnsV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { Violations } from '../authorisation/create-return.validation';
import { ReturnLifecycle, type ReturnChange } from '../return/return-lifecycle';
import { ReturnUnitEntity } from '../return/return-unit.entity';
import type { ReturnEntity } from '../return/return.entity';
import { ReturnsError } from '../return/returns.errors';
import { ReturnsRepository } from '../return/returns.repository';
import { RETURN_GRADES, type ReturnGrade } from '../return/return-vocabulary';

interface InspectCommand {
  returnId: string;
  grades: Array<{ unitId: string; grade: ReturnGrade; note: string }>;
  finish: boolean;
}

function validateInspect(request: returnsV1.InspectReturnRequest): InspectCommand {
  const v = new Violations();
  const returnId = v.text('returnId', request.returnId, 64);
  const seen = new Set<string>();
  const grades = (request.grades ?? []).map((g, index) => {
    const unitId = v.uuid(`grades[${index}].unitId`, g.unitId, true) ?? '';
    if (unitId !== '' && seen.has(unitId)) v.add(`grades[${index}].unitId`, 'grades the same unit twice');
    seen.add(unitId);
    return {
      unitId,
      grade: v.oneOf(`grades[${index}].grade`, RETURN_GRADES, (g.grade ?? '').trim()),
      note: v.text(`grades[${index}].note`, g.note, 500, false),
    };
  });
  if (grades.length === 0 && !request.finish) v.add('grades', 'grade at least one unit, or finish the inspection');
  v.throwIfAny('The inspection is invalid');
  return { returnId, grades, finish: request.finish };
}

/**
 * Grades every received unit (resellable, damaged, defective, wrong item, missing — an empty box
 * is a received unit graded missing). Grades may be given in several calls and changed until the
 * inspection is finished. Finishing needs every received unit graded; units that were authorised
 * but never arrived are then recorded as missing, receiving ends, and
 * `returns.return.inspected.v1` reports the grades.
 */
@Injectable()
export class InspectionService {
  constructor(
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
  ) {}

  async inspectReturn(request: returnsV1.InspectReturnRequest): Promise<returnsV1.Return> {
    const command = validateInspect(request);
    return this.lifecycle.change(command.returnId, (manager, ret) => this.inspect(manager, ret, command));
  }

  private async inspect(manager: EntityManager, ret: ReturnEntity, command: InspectCommand): Promise<ReturnChange> {
    if (ret.status !== 'received') {
      throw new ReturnsError('ILLEGAL_TRANSITION', `Return ${ret.id} is ${ret.status}; only a received return is inspected`, {
        returnId: ret.id,
        from: ret.status,
        to: 'inspected',
        reason: 'NOT_ALLOWED',
      });
    }
    const now = new Date();
    const units = await this.repository.unitsOf(manager, ret.id);
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const unknown = command.grades.flatMap((g, index) =>
      byId.has(g.unitId) ? [] : [{ field: `grades[${index}].unitId`, message: 'is not a received unit of this return' }],
    );
    if (unknown.length > 0) throw new ValidationError(unknown, 'The inspection is invalid');
    const graded = command.grades.map((g) => Object.assign(byId.get(g.unitId) as ReturnUnitEntity, { grade: g.grade, note: g.note, inspectedAt: now }));
    await this.repository.saveUnits(manager, graded);
    if (!command.finish) return [];

    const ungraded = units.filter((unit) => unit.grade === null);
    if (ungraded.length > 0) {
      throw new ReturnsError('INSPECTION_INCOMPLETE', `${ungraded.length} received unit(s) have no grade yet`, {
        returnId: ret.id,
        ungradedUnitIds: ungraded.map((unit) => unit.id),
      });
    }
    const missing = await this.recordMissing(manager, ret.id, now);
    const all = [...units, ...missing];
    await this.lifecycle.transition(manager, ret, 'inspected', `${all.length} unit(s) graded, ${missing.length} never arrived`);
    const counts = new Map<string, { lineId: string; sku: string; grade: string; quantity: number; unexpected: boolean }>();
    for (const unit of all) {
      const lineId = unit.orderLineId ?? `unexpected:${unit.sku}`;
      const key = `${lineId}\u0000${unit.sku}\u0000${unit.grade}`;
      const entry = counts.get(key) ?? { lineId, sku: unit.sku, grade: unit.grade as string, quantity: 0, unexpected: unit.unexpected };
      entry.quantity += 1;
      counts.set(key, entry);
    }
    return [
      createEvent('returns.return.inspected.v1', { type: 'return', id: ret.id }, { returnId: ret.id, orderId: ret.orderId, grades: [...counts.values()] }),
    ];
  }

  /** Units authorised but never received, recorded as missing (no location). */
  private async recordMissing(manager: EntityManager, returnId: string, now: Date): Promise<ReturnUnitEntity[]> {
    const lines = await this.repository.linesOf(manager, returnId);
    let seq = await this.repository.nextUnitSeq(manager, returnId);
    const missing = lines.flatMap((line) =>
      Array.from({ length: line.quantity - line.receivedQuantity }, () =>
        Object.assign(new ReturnUnitEntity(), {
          id: randomUUID(),
          tenantId: requireTenant(),
          returnId,
          seq: seq++,
          orderLineId: line.orderLineId,
          sku: line.sku,
          unexpected: false,
          received: false,
          receiptId: null,
          locationId: null,
          grade: 'missing',
          disposition: null,
          targetLocationId: null,
          note: 'never arrived',
          receivedAt: null,
          inspectedAt: now,
          disposedAt: null,
        } satisfies ReturnUnitEntity),
      ),
    );
    await this.repository.insertUnits(manager, missing);
    return missing;
  }
}
