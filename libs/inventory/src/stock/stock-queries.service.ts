import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { MOVEMENT_TYPES } from './movement-types';
import { decodePageToken, pageOf, pageSizeOf } from '../pagination';
import { requireIdentifier, requireUuid } from '../input-rules';
import { toStockPosition } from './availability';
import type { StockMovementEntity } from './stock-movement.entity';
import { StockMovementsRepository } from './stock-movements.repository';
import { StockPositionsRepository } from './stock-positions.repository';

const TYPES: ReadonlySet<string> = new Set(MOVEMENT_TYPES);

/**
 * Reads positions and the ledger, page by page (keyset pagination, so pages stay stable while
 * stock moves).
 */
@Injectable()
export class StockQueriesService {
  constructor(
    private readonly positions: StockPositionsRepository,
    private readonly movements: StockMovementsRepository,
  ) {}

  async listPositions(request: inventoryV1.ListPositionsRequest): Promise<inventoryV1.ListPositionsResponse> {
    rejectAll([
      ...(request.sku ? requireIdentifier('sku', request.sku) : []),
      ...(request.locationId ? requireUuid('locationId', request.locationId) : []),
    ]);
    const limit = pageSizeOf(request.pageSize);
    const after = decodePageToken(request.pageToken, 2) as [string, string] | undefined;
    const rows = await this.positions.page(
      { sku: request.sku || undefined, locationId: request.locationId || undefined },
      after,
      limit + 1,
    );
    const page = pageOf(rows, limit, (row) => [row.sku, row.locationId]);
    return { positions: page.rows.map(toStockPosition), nextPageToken: page.nextPageToken };
  }

  async listMovements(request: inventoryV1.ListMovementsRequest): Promise<inventoryV1.ListMovementsResponse> {
    const violations: FieldViolation[] = [
      ...(request.sku ? requireIdentifier('sku', request.sku) : []),
      ...(request.locationId ? requireUuid('locationId', request.locationId) : []),
    ];
    if (request.type && !TYPES.has(request.type)) {
      violations.push({ field: 'type', message: `must be one of ${MOVEMENT_TYPES.join(', ')}` });
    }
    rejectAll(violations);
    const limit = pageSizeOf(request.pageSize);
    const before = decodePageToken(request.pageToken, 1);
    const rows = await this.movements.page(
      {
        sku: request.sku || undefined,
        locationId: request.locationId || undefined,
        type: request.type || undefined,
        reference: request.reference || undefined,
      },
      before ? Number(before[0]) : undefined,
      limit + 1,
    );
    const page = pageOf(rows, limit, (row) => [row.seq]);
    return { movements: page.rows.map(toMovement), nextPageToken: page.nextPageToken };
  }
}

function rejectAll(violations: FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

export function toMovement(entity: StockMovementEntity): inventoryV1.Movement {
  return {
    id: entity.id,
    seq: entity.seq,
    sku: entity.sku,
    locationId: entity.locationId,
    type: entity.type,
    onHandDelta: entity.onHandDelta,
    reservedDelta: entity.reservedDelta,
    reference: entity.reference,
    reason: entity.reason ?? '',
    principal: entity.principal ?? '',
    createdAt: entity.createdAt.toISOString(),
  };
}
