import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, ReturnDisposedV1 } from '@baton/domain';
import { EventConsumers, Outbox, createEvent } from '@baton/messaging';
import { InboundRepository, type NewLine } from '../inbound/inbound.repository';
import type { MovementIntent } from '../stock/position-deltas';
import { StockLedger } from '../stock/stock-ledger';

/** How long a unit sent on from a return is expected in transit (inventory has no carrier ETA for it). */
export const RETURN_TRANSFER_TRANSIT_DAYS = 3;

type DisposedUnit = ReturnDisposedV1['units'][number];

/**
 * Puts returned units back into the network, from `returns.return.disposed.v1`, through inventory's
 * one guarded path (the {@link StockLedger}) and in the consumer's inbox transaction, so a
 * redelivered event books nothing twice (and every movement is idempotent by its reference too):
 * - `restock`: a `return_restock` movement, on hand +q at the receiving location — ATP rises there.
 * - `write_off`: the unit is booked in (`return_restock` +q) and written off (`write_off` −q) in the
 *   same booking, so the ledger shows both and the position never changes: it never becomes
 *   available, not even for an instant.
 * - `transfer` / `return_to_vendor`: booked in and straight out again (`transfer_out`), with an
 *   inbound transfer supply at the target location, received there like any transfer.
 * - `refurbish` and `none` change no stock (the unit is out of the sellable network).
 */
@Injectable()
export class ReturnDispositionsConsumer implements OnModuleInit {
  private readonly logger = new Logger(ReturnDispositionsConsumer.name);

  constructor(
    private readonly consumers: EventConsumers,
    private readonly ledger: StockLedger,
    private readonly inbound: InboundRepository,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.consumers.on('returns.return.disposed.v1', (envelope, manager) => this.apply(envelope, manager));
  }

  async apply(envelope: EventEnvelope<'returns.return.disposed.v1'>, manager: EntityManager): Promise<void> {
    const { returnId, locationId, units } = envelope.data;
    const intents: MovementIntent[] = [];
    const transfers = new Map<string, { disposition: string; target: string; lines: NewLine[] }>();
    const eta = new Date(new Date(envelope.occurredAt).getTime() + RETURN_TRANSFER_TRANSIT_DAYS * 86_400_000);
    for (const unit of units) {
      const base = `return/${returnId}/${unit.lineId}`;
      const bookIn = (reference: string): MovementIntent => ({
        sku: unit.sku,
        locationId,
        type: 'return_restock',
        onHandDelta: unit.quantity,
        reservedDelta: 0,
        reference,
        reason: `return ${returnId}: ${unit.quantity} unit(s) back (${unit.disposition})`,
      });
      switch (unit.disposition) {
        case 'restock':
          intents.push(bookIn(`${base}/restock`));
          break;
        case 'write_off':
          intents.push(bookIn(`${base}/write_off`), {
            ...bookIn(`${base}/write_off`),
            type: 'write_off',
            onHandDelta: -unit.quantity,
            reason: `return ${returnId}: ${unit.quantity} returned unit(s) written off`,
          });
          break;
        case 'transfer':
        case 'return_to_vendor':
          this.sendOn(unit, base, locationId, eta, intents, transfers);
          break;
        default:
          break;
      }
    }
    if (intents.length === 0) return;
    for (const [reference, transfer] of transfers) {
      const supplyId = randomUUID();
      const created = await this.inbound.insertIfNew(
        manager,
        { id: supplyId, kind: 'transfer', reference, supplier: '', sourceLocationId: locationId },
        transfer.lines,
      );
      if (!created) continue;
      await this.outbox.append(
        manager,
        createEvent('inventory.transfer.dispatched.v1', { type: 'inbound_supply', id: supplyId }, {
          supplyId,
          reference,
          fromLocationId: locationId,
          toLocationId: transfer.target,
          eta: eta.toISOString(),
          lines: transfer.lines.map((line) => ({ lineId: line.lineId, sku: line.sku, quantity: line.expectedQuantity })),
        }),
      );
    }
    await this.ledger.apply(manager, intents);
  }

  private sendOn(
    unit: DisposedUnit,
    base: string,
    from: string,
    eta: Date,
    intents: MovementIntent[],
    transfers: Map<string, { disposition: string; target: string; lines: NewLine[] }>,
  ): void {
    const target = unit.targetLocationId;
    if (!target) {
      this.logger.warn(`${base}: ${unit.disposition} without a target location; nothing booked for it`);
      return;
    }
    const reference = `${base}/${unit.disposition}/${target}`;
    intents.push(
      { sku: unit.sku, locationId: from, type: 'return_restock', onHandDelta: unit.quantity, reservedDelta: 0, reference, reason: `${unit.disposition} to ${target}` },
      { sku: unit.sku, locationId: from, type: 'transfer_out', onHandDelta: -unit.quantity, reservedDelta: 0, reference, reason: `${unit.disposition} to ${target}` },
    );
    const supplyReference = `${base.slice(0, base.lastIndexOf('/'))}/${unit.disposition}/${from}/${target}`;
    const transfer = transfers.get(supplyReference) ?? { disposition: unit.disposition, target, lines: [] };
    transfer.lines.push({ lineId: `${unit.lineId}/${unit.sku}`, sku: unit.sku, locationId: target, expectedQuantity: unit.quantity, eta });
    transfers.set(supplyReference, transfer);
  }
}
