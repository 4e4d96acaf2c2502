import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { currentContext } from '@baton/platform';
import { DataSource } from 'typeorm';
import { InventoryError } from '../inventory.errors';
import { isForeignKeyViolation } from '../postgres-errors';
import { availableToPromise, toStockPosition } from './availability';
import { validateReceiveStock } from './receive-stock-input';
import { StockMovementsRepository } from './stock-movements.repository';
import type { StockPositionEntity } from './stock-position.entity';
import { StockPositionsRepository } from './stock-positions.repository';

/**
 * Books stock into positions and answers availability. Invariant: a position changes only in the
 * transaction that appends its ledger entry and its `inventory.stock.changed.v1` outbox row, so
 * the position is always the sum of its ledger and no change goes unannounced.
 */
@Injectable()
export class StockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: StockPositionsRepository,
    private readonly movements: StockMovementsRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Receives `quantity` units into a position. Idempotent by reference: a repeat (even a
   * concurrent one) books nothing and returns the position as it is now.
   */
  async receiveStock(request: inventoryV1.ReceiveStockRequest): Promise<inventoryV1.StockPosition> {
    const violations = validateReceiveStock(request);
    if (violations.length > 0) throw new ValidationError(violations);
    const key = { sku: request.sku, locationId: request.locationId };
    let outcome: { position: StockPositionEntity | null; isNew: boolean };
    try {
      outcome = await this.dataSource.transaction(async (manager) => {
        const isNew = await this.movements.recordOnce(manager, {
          ...key,
          type: 'receipt',
          onHandDelta: request.quantity,
          reservedDelta: 0,
          reference: request.reference,
          reason: request.reason || null,
          principal: currentContext()?.principal ?? null,
        });
        if (!isNew) return { position: await this.positions.find(key, manager), isNew };
        const position = await this.positions.addOnHand(manager, key, request.quantity);
        await this.outbox.append(
          manager,
          createEvent(
            'inventory.stock.changed.v1',
            { type: 'stock_position', id: `${key.locationId}/${key.sku}` },
            {
              ...key,
              movementType: 'receipt',
              quantity: request.quantity,
              onHand: position.onHand,
              reserved: position.reserved,
              available: availableToPromise(position),
              reference: request.reference,
            },
          ),
        );
        return { position, isNew };
      });
    } catch (error) {
      throw translateMissingReference(error, request);
    }
    if (outcome.isNew) this.outbox.notify();
    if (!outcome.position) throw new Error(`Receipt ${request.reference} is in the ledger but its position is missing`);
    return toStockPosition(outcome.position);
  }

  /** Available-to-promise for one SKU at every active location that holds a position for it. */
  async getAvailability(request: inventoryV1.GetAvailabilityRequest): Promise<inventoryV1.StockPosition[]> {
    if (request.sku.length === 0) throw new ValidationError([{ field: 'sku', message: 'must not be empty' }]);
    const positions = await this.positions.findAtActiveLocations(request.sku);
    return positions.map(toStockPosition);
  }
}

function translateMissingReference(error: unknown, request: inventoryV1.ReceiveStockRequest): unknown {
  if (isForeignKeyViolation(error, 'stock_positions_item_fk')) {
    return new InventoryError('ITEM_NOT_FOUND', `No item with SKU "${request.sku}"`, { sku: request.sku });
  }
  if (isForeignKeyViolation(error, 'stock_positions_location_fk')) {
    return new InventoryError('LOCATION_NOT_FOUND', `No location with id "${request.locationId}"`, {
      locationId: request.locationId,
    });
  }
  return error;
}
