import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { DataSource } from 'typeorm';
import { InventoryError } from '../inventory.errors';
import { PositionRefused, StockLedger } from '../stock/stock-ledger';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import { inTransaction } from '../transactions';
import { toInboundSupply } from './inbound.mapper';
import { type NewLine, type SupplyWithLines, InboundRepository } from './inbound.repository';
import { assertSameLines, translateMissing } from './inbound.service';
import { validateTransfer } from './inbound-input';

/**
 * Moves stock between locations: units leave the source at once (`transfer_out`, through the
 * guarded path — reserved units never leave) and are inbound at the destination until received
 * there (`transfer_in`). Invariant: the units out and the supply in transit are created in one
 * transaction, idempotent by the transfer reference.
 */
@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbound: InboundRepository,
    private readonly positions: StockPositionsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  async transferStock(request: inventoryV1.TransferStockRequest): Promise<inventoryV1.TransferStockResponse> {
    const violations = validateTransfer(request);
    if (violations.length > 0) throw new ValidationError(violations);
    const eta = new Date(request.eta);
    const lines: NewLine[] = request.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      locationId: request.toLocationId,
      expectedQuantity: line.quantity,
      eta,
    }));
    try {
      const outcome = await inTransaction(this.dataSource, async (manager) => {
        const id = randomUUID();
        const created = await this.inbound.insertIfNew(
          manager,
          { id, kind: 'transfer', reference: request.reference, supplier: '', sourceLocationId: request.fromLocationId },
          lines,
        );
        if (created) {
          await this.positions.ensureExist(manager, lines);
          await this.ledger.apply(
            manager,
            request.lines.map((line) => ({
              sku: line.sku,
              locationId: request.fromLocationId,
              type: 'transfer_out',
              onHandDelta: -line.quantity,
              reservedDelta: 0,
              reference: `transfer/${request.reference}/${line.lineId}`,
              reason: request.reason || `transfer ${request.reference} to ${request.toLocationId}`,
            })),
            {
              beforePositions: () =>
                this.outbox.append(
                  manager,
                  createEvent('inventory.transfer.dispatched.v1', { type: 'inbound_supply', id }, {
                    supplyId: id,
                    reference: request.reference,
                    fromLocationId: request.fromLocationId,
                    toLocationId: request.toLocationId,
                    eta: eta.toISOString(),
                    lines: request.lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity })),
                  }),
                ),
            },
          );
        }
        return { supply: (await this.inbound.findByReference(manager, 'transfer', request.reference)) as SupplyWithLines, created };
      });
      if (outcome.created) this.outbox.notify();
      else assertSameTransfer(outcome.supply, request, lines);
      return { supply: toInboundSupply(outcome.supply), created: outcome.created };
    } catch (error) {
      if (error instanceof PositionRefused) {
        throw new InventoryError('INSUFFICIENT_STOCK', 'The source has not enough unreserved stock for some lines', {
          fromLocationId: request.fromLocationId,
          skus: error.refused.map((refused) => refused.sku),
        });
      }
      throw translateMissing(error);
    }
  }
}

function assertSameTransfer(existing: SupplyWithLines, request: inventoryV1.TransferStockRequest, lines: NewLine[]): void {
  if (existing.supply.sourceLocationId !== request.fromLocationId) {
    throw new InventoryError('INBOUND_REFERENCE_TAKEN', `Transfer "${request.reference}" exists from another location`, {
      supplyId: existing.supply.id,
    });
  }
  assertSameLines(existing, lines);
}
