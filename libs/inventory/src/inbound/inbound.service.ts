import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { requireUuid } from '../input-rules';
import { InventoryError } from '../inventory.errors';
import { decodePageToken, pageOf, pageSizeOf } from '../pagination';
import { isForeignKeyViolation } from '../postgres-errors';
import { movementKeyOf, type MovementIntent } from '../stock/position-deltas';
import { StockLedger } from '../stock/stock-ledger';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import { inTransaction } from '../transactions';
import { INBOUND_KINDS, INBOUND_STATUSES, type InboundKind } from './inbound-supply.entity';
import { lineQuantities, statusAfterReceipt, toInboundSupply } from './inbound.mapper';
import { type NewLine, type SupplyWithLines, InboundRepository } from './inbound.repository';
import { validateCreateInbound, validateReceiveInbound } from './inbound-input';

/**
 * Inbound supply: purchase orders and ASNs with an ETA per line and destination, and receiving
 * them into on hand. Invariants: creating a supply is idempotent by (kind, reference); a receipt
 * is idempotent by its receipt id and books each line through the ledger (`receipt`, or
 * `transfer_in` for a transfer), so received units and on hand move together; over-receipts are
 * kept and reported, and closing a supply records what never came as short.
 */
@Injectable()
export class InboundService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbound: InboundRepository,
    private readonly positions: StockPositionsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  async createInboundSupply(request: inventoryV1.CreateInboundSupplyRequest): Promise<inventoryV1.CreateInboundSupplyResponse> {
    reject(validateCreateInbound(request));
    const kind = request.kind as InboundKind;
    const lines: NewLine[] = request.lines.map((line) => ({
      lineId: line.lineId,
      sku: line.sku,
      locationId: line.locationId,
      expectedQuantity: line.expectedQuantity,
      eta: new Date(line.eta),
    }));
    try {
      const outcome = await inTransaction(this.dataSource, async (manager) => {
        const id = randomUUID();
        const created = await this.inbound.insertIfNew(
          manager,
          { id, kind, reference: request.reference, supplier: request.supplier.trim(), sourceLocationId: null },
          lines,
        );
        if (created) await this.positions.ensureExist(manager, lines);
        const supply = await this.inbound.findByReference(manager, kind, request.reference);
        return { supply: supply as SupplyWithLines, created };
      });
      if (!outcome.created) assertSameLines(outcome.supply, lines);
      return { supply: toInboundSupply(outcome.supply), created: outcome.created };
    } catch (error) {
      throw translateMissing(error);
    }
  }

  /**
   * Books received quantities. Lines must belong to the supply; a closed supply takes no new
   * receipt. The same receipt id sent again books nothing and answers the supply as it is.
   */
  async receiveInbound(request: inventoryV1.ReceiveInboundRequest): Promise<inventoryV1.ReceiveInboundResponse> {
    reject(validateReceiveInbound(request));
    const outcome = await inTransaction(this.dataSource, async (manager) => {
      const found = this.found(request.supplyId, await this.inbound.lock(manager, request.supplyId));
      const byLine = new Map(found.lines.map((line) => [line.lineId, line]));
      const unknown: FieldViolation[] = request.lines
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => !byLine.has(line.lineId))
        .map(({ index }) => ({ field: `lines[${index}].lineId`, message: 'is not a line of this supply' }));
      reject(unknown);
      const type = found.supply.kind === 'transfer' ? 'transfer_in' : 'receipt';
      const intents: MovementIntent[] = request.lines.map((line) => {
        const target = byLine.get(line.lineId)!;
        return {
          sku: target.sku,
          locationId: target.locationId,
          type,
          onHandDelta: line.quantity,
          reservedDelta: 0,
          reference: `inbound/${found.supply.id}/${request.receiptId}/${line.lineId}`,
          reason: `${found.supply.kind} ${found.supply.reference}`,
        };
      });
      let applied = false;
      await this.ledger.apply(manager, intents, {
        beforePositions: async (booked) => {
          const bookedKeys = new Set(booked.map(movementKeyOf));
          const received = request.lines.filter((_line, index) => bookedKeys.has(movementKeyOf(intents[index])));
          if (received.length === 0) return;
          if (found.supply.status === 'closed') {
            throw new InventoryError('INBOUND_CLOSED', 'The supply is closed; it takes no more receipts', {
              supplyId: found.supply.id,
            });
          }
          applied = true;
          await this.inbound.addReceived(manager, found.supply.id, received);
          await this.afterReceipt(manager, found, received, request);
        },
      });
      return { supply: (await this.inbound.findById(request.supplyId, manager)) as SupplyWithLines, applied };
    });
    if (outcome.applied) this.outbox.notify();
    return { supply: toInboundSupply(outcome.supply), applied: outcome.applied };
  }

  /** Ends a supply: what was not received stops counting as inbound and is reported short. Idempotent. */
  async closeInboundSupply(request: inventoryV1.CloseInboundSupplyRequest): Promise<inventoryV1.InboundSupply> {
    reject(requireUuid('supplyId', request.supplyId));
    const supply = await inTransaction(this.dataSource, async (manager) => {
      const found = this.found(request.supplyId, await this.inbound.lock(manager, request.supplyId));
      if (found.supply.status !== 'closed') await this.close(manager, found);
      return (await this.inbound.findById(request.supplyId, manager)) as SupplyWithLines;
    });
    this.outbox.notify();
    return toInboundSupply(supply);
  }

  async getInboundSupply(request: inventoryV1.GetInboundSupplyRequest): Promise<inventoryV1.InboundSupply> {
    reject(requireUuid('supplyId', request.supplyId));
    return toInboundSupply(this.found(request.supplyId, await this.inbound.findById(request.supplyId)));
  }

  async listInboundSupplies(request: inventoryV1.ListInboundSuppliesRequest): Promise<inventoryV1.ListInboundSuppliesResponse> {
    const violations: FieldViolation[] = [];
    if (request.kind && !(INBOUND_KINDS as readonly string[]).includes(request.kind)) {
      violations.push({ field: 'kind', message: `must be one of ${INBOUND_KINDS.join(', ')}` });
    }
    if (request.status && !(INBOUND_STATUSES as readonly string[]).includes(request.status)) {
      violations.push({ field: 'status', message: `must be one of ${INBOUND_STATUSES.join(', ')}` });
    }
    if (request.locationId) violations.push(...requireUuid('locationId', request.locationId));
    reject(violations);
    const limit = pageSizeOf(request.pageSize);
    const before = decodePageToken(request.pageToken, 1);
    const rows = await this.inbound.page(
      {
        kind: request.kind || undefined,
        status: request.status || undefined,
        sku: request.sku || undefined,
        locationId: request.locationId || undefined,
      },
      before ? Number(before[0]) : undefined,
      limit + 1,
    );
    const page = pageOf(rows, limit, (row) => [row.seq]);
    return { supplies: page.rows.map(toInboundSupply), nextPageToken: page.nextPageToken };
  }

  private async afterReceipt(
    manager: EntityManager,
    found: SupplyWithLines,
    received: inventoryV1.ReceiptLineInput[],
    request: inventoryV1.ReceiveInboundRequest,
  ): Promise<void> {
    const receivedNow = new Map(received.map((line) => [line.lineId, line.quantity]));
    const lines = found.lines.map((line) => ({ ...line, receivedQuantity: line.receivedQuantity + (receivedNow.get(line.lineId) ?? 0) }));
    await this.inbound.setStatus(manager, found.supply.id, statusAfterReceipt(lines));
    await this.outbox.append(
      manager,
      createEvent('inventory.inbound.received.v1', { type: 'inbound_supply', id: found.supply.id }, {
        supplyId: found.supply.id,
        kind: found.supply.kind,
        reference: found.supply.reference,
        receiptId: request.receiptId,
        lines: lines
          .filter((line) => receivedNow.has(line.lineId))
          .map((line) => ({
            lineId: line.lineId,
            sku: line.sku,
            locationId: line.locationId,
            quantity: receivedNow.get(line.lineId) ?? 0,
            receivedQuantity: line.receivedQuantity,
            expectedQuantity: line.expectedQuantity,
            overReceived: lineQuantities(line, false).overReceived,
          })),
      }),
    );
    if (request.close) await this.close(manager, { supply: found.supply, lines });
  }

  private async close(manager: EntityManager, found: SupplyWithLines): Promise<void> {
    await this.inbound.setStatus(manager, found.supply.id, 'closed');
    await this.outbox.append(
      manager,
      createEvent('inventory.inbound.closed.v1', { type: 'inbound_supply', id: found.supply.id }, {
        supplyId: found.supply.id,
        kind: found.supply.kind,
        reference: found.supply.reference,
        shortLines: found.lines
          .map((line) => ({ line, short: lineQuantities(line, true).shortClosed }))
          .filter(({ short }) => short > 0)
          .map(({ line, short }) => ({ lineId: line.lineId, sku: line.sku, locationId: line.locationId, shortQuantity: short })),
      }),
    );
  }

  private found(supplyId: string, supply: SupplyWithLines | null): SupplyWithLines {
    if (!supply) throw new InventoryError('INBOUND_NOT_FOUND', `No inbound supply with id "${supplyId}"`, { supplyId });
    return supply;
  }
}

function reject(violations: FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

/** A repeated create must describe the same lines; otherwise its reference is taken by another supply. */
export function assertSameLines(existing: SupplyWithLines, lines: NewLine[]): void {
  const byLine = new Map(existing.lines.map((line) => [line.lineId, line]));
  const same =
    existing.lines.length === lines.length &&
    lines.every((line) => {
      const other = byLine.get(line.lineId);
      return (
        other !== undefined &&
        other.sku === line.sku &&
        other.locationId === line.locationId &&
        other.expectedQuantity === line.expectedQuantity &&
        other.eta.getTime() === line.eta.getTime()
      );
    });
  if (!same) {
    throw new InventoryError(
      'INBOUND_REFERENCE_TAKEN',
      `A ${existing.supply.kind} with reference "${existing.supply.reference}" exists with other lines`,
      { supplyId: existing.supply.id, reference: existing.supply.reference },
    );
  }
}

/** The destination or SKU of a line must exist: the foreign key that failed says which. */
export function translateMissing(error: unknown): unknown {
  if (isForeignKeyViolation(error, 'inbound_lines_item_fk') || isForeignKeyViolation(error, 'stock_positions_item_fk')) {
    return new InventoryError('ITEM_NOT_FOUND', 'A line names a SKU that is not an item');
  }
  if (
    isForeignKeyViolation(error, 'inbound_lines_location_fk') ||
    isForeignKeyViolation(error, 'stock_positions_location_fk') ||
    isForeignKeyViolation(error, 'inbound_supplies_source_fk')
  ) {
    return new InventoryError('LOCATION_NOT_FOUND', 'A line names a location that does not exist');
  }
  return error;
}
