import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { Outbox } from '@baton/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { InventoryError } from '../inventory.errors';
import { isForeignKeyViolation } from '../postgres-errors';
import { inTransaction } from '../transactions';
import { toStockPosition } from './availability';
import type { MovementType } from './movement-types';
import { type PositionKey, countDelta } from './position-deltas';
import { validateReceiveStock } from './receive-stock-input';
import { PositionRefused, StockLedger } from './stock-ledger';
import {
  validateAdjustStock,
  validateCountStock,
  validateRestockReturn,
  validateSetSafetyStock,
  validateWriteOff,
} from './stock-operation-input';
import type { StockPositionEntity } from './stock-position.entity';
import { StockPositionsRepository } from './stock-positions.repository';

interface Booked {
  position: StockPositionEntity | null;
  applied: boolean;
}

/**
 * The manual stock operations: receipts, adjustments with a reason, cycle counts, write-offs,
 * return restocks and safety stock. Each is one ledger booking through {@link StockLedger}, so
 * the position is always the sum of its ledger, and each is idempotent by its reference: a
 * repeat (even a concurrent one) books nothing and answers the position as it is.
 */
@Injectable()
export class StockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly positions: StockPositionsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  async receiveStock(request: inventoryV1.ReceiveStockRequest): Promise<inventoryV1.StockPosition> {
    reject(validateReceiveStock(request));
    const booked = await this.book(request, 'receipt', request.quantity, request.reference, request.reason || null);
    return positionOf(request, booked.position);
  }

  /** Adds or removes units; removing is refused where it would take on hand below what is reserved. */
  async adjustStock(request: inventoryV1.AdjustStockRequest): Promise<inventoryV1.AdjustStockResponse> {
    reject(validateAdjustStock(request));
    const booked = await this.book(request, 'adjustment', request.quantityDelta, request.reference, request.reason);
    return { position: positionOf(request, booked.position), applied: booked.applied };
  }

  async writeOffStock(request: inventoryV1.WriteOffStockRequest): Promise<inventoryV1.WriteOffStockResponse> {
    reject(validateWriteOff(request));
    const booked = await this.book(request, 'write_off', -request.quantity, request.reference, request.reason);
    return { position: positionOf(request, booked.position), applied: booked.applied };
  }

  async restockReturn(request: inventoryV1.RestockReturnRequest): Promise<inventoryV1.RestockReturnResponse> {
    reject(validateRestockReturn(request));
    const booked = await this.book(request, 'return_restock', request.quantity, request.reference, request.reason || null);
    return { position: positionOf(request, booked.position), applied: booked.applied };
  }

  /**
   * Sets on hand to what was counted; the difference is a `count` movement (a zero difference is
   * booked too, as the record that the position was counted). On hand never goes below what is
   * reserved: that part of a shortfall is answered as `unresolvedShortfall` instead.
   */
  async countStock(request: inventoryV1.CountStockRequest): Promise<inventoryV1.CountStockResponse> {
    reject(validateCountStock(request));
    const key = { sku: request.sku, locationId: request.locationId };
    const outcome = await this.run(request, async (manager) => {
      await this.positions.ensureExist(manager, [key]);
      const [current] = await this.positions.lock(manager, [key]);
      const { delta, unresolvedShortfall } = countDelta(current ?? { onHand: 0, reserved: 0, safetyStock: 0 }, request.counted);
      const booking = await this.ledger.apply(manager, [
        { ...key, type: 'count', onHandDelta: delta, reservedDelta: 0, reference: request.reference, reason: request.reason || null },
      ]);
      const applied = booking.booked.length > 0;
      const position = booking.positions[0] ?? (await this.positions.find(key, manager));
      return { position, applied, difference: applied ? delta : 0, unresolvedShortfall: applied ? unresolvedShortfall : 0 };
    });
    return {
      position: positionOf(request, outcome.position),
      difference: outcome.difference,
      unresolvedShortfall: outcome.unresolvedShortfall,
      applied: outcome.applied,
    };
  }

  /** Pins the safety stock of one position, or (no quantity) lets it follow the item's rules again. */
  async setSafetyStock(request: inventoryV1.SetSafetyStockRequest): Promise<inventoryV1.StockPosition> {
    reject(validateSetSafetyStock(request));
    const key = { sku: request.sku, locationId: request.locationId };
    const position = await this.run(key, (manager) => this.positions.setSafetyStock(manager, key, request.quantity ?? null));
    return toStockPosition(position);
  }

  private async book(
    key: PositionKey,
    type: MovementType,
    onHandDelta: number,
    reference: string,
    reason: string | null,
  ): Promise<Booked> {
    const position = { sku: key.sku, locationId: key.locationId };
    return this.run(position, async (manager) => {
      const booking = await this.ledger.apply(manager, [{ ...position, type, onHandDelta, reservedDelta: 0, reference, reason }]);
      return {
        position: booking.positions[0] ?? (await this.positions.find(position, manager)),
        applied: booking.booked.length > 0,
      };
    });
  }

  /** One transaction with the refusals of the ledger and of the database translated to inventory errors. */
  private async run<T>(key: PositionKey, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      const result = await inTransaction(this.dataSource, work);
      this.outbox.notify();
      return result;
    } catch (error) {
      if (error instanceof PositionRefused) throw await this.refusal(key);
      throw translateMissingReference(error, key);
    }
  }

  private async refusal(key: PositionKey): Promise<InventoryError> {
    const position = await this.positions.find(key);
    const onHand = position?.onHand ?? 0;
    const reserved = position?.reserved ?? 0;
    return new InventoryError(
      reserved > 0 ? 'STOCK_RESERVED' : 'INSUFFICIENT_STOCK',
      `Only ${onHand - reserved} unreserved unit(s) of ${key.sku} are on hand at this location`,
      { sku: key.sku, locationId: key.locationId, onHand, reserved },
    );
  }
}

function reject(violations: FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

function positionOf(key: PositionKey, position: StockPositionEntity | null): inventoryV1.StockPosition {
  return toStockPosition(position ?? { sku: key.sku, locationId: key.locationId, onHand: 0, reserved: 0, safetyStock: 0 });
}

/** Item and location must exist: the foreign keys of positions say which one did not. */
export function translateMissingReference(error: unknown, key: PositionKey): unknown {
  if (isForeignKeyViolation(error, 'stock_positions_item_fk')) {
    return new InventoryError('ITEM_NOT_FOUND', `No item with SKU "${key.sku}"`, { sku: key.sku });
  }
  if (isForeignKeyViolation(error, 'stock_positions_location_fk')) {
    return new InventoryError('LOCATION_NOT_FOUND', `No location with id "${key.locationId}"`, {
      locationId: key.locationId,
    });
  }
  return error;
}
