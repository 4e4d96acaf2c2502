import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { currentContext } from '@baton/platform';
import type { EntityManager } from 'typeorm';
import {
  type MovementIntent,
  type PositionDelta,
  mayCreatePosition,
  movementKeyOf,
  positionKeyOf,
  sumDeltas,
} from './position-deltas';
import { type OnePositionReservation, type OneStatementOutcome, OneStatementReservationsRepository } from './one-statement-reservations.repository';
import { stockChangedData, stockLowData } from './stock-events';
import { StockMovementsRepository } from './stock-movements.repository';
import type { StockPositionEntity } from './stock-position.entity';
import { type ChangedPosition, StockPositionsRepository } from './stock-positions.repository';

/** The guard refused at least one position; the caller's transaction must roll back. */
export class PositionRefused extends Error {
  constructor(readonly refused: PositionDelta[]) {
    super(`The stock guard refused ${refused.length} position(s)`);
  }
}

export interface LedgerBooking {
  /** The intents that were new and are now in the ledger and in their positions. */
  booked: MovementIntent[];
  /** Intents already in the ledger (same type, reference, sku, location): nothing changed for them. */
  repeated: MovementIntent[];
  /** Every position a booked intent changed, as it is now. */
  positions: StockPositionEntity[];
}

export interface ApplyOptions {
  /**
   * Runs after the ledger entries are written and before the positions change: the caller's own
   * rows and events for the booked intents go here, so the positions' row locks are taken last
   * and held only until commit.
   */
  beforePositions?: (booked: MovementIntent[]) => Promise<void>;
  /** Who booked it; by default the request context's principal. */
  principal?: string | null;
  /** The caller created (and locked) the positions already: skip creating them. */
  positionsExist?: boolean;
  /**
   * `all` (default): `inventory.stock.changed.v1` per position whose on hand changed, and
   * `inventory.stock.low.v1` on a fall through the threshold. `low-only`: bulk imports, which
   * announce themselves with one feed event instead of one event per row.
   */
  announce?: 'all' | 'low-only';
}

/**
 * The one guarded path every stock change takes — API calls, reservations, feeds, event
 * consumers, the expiry sweeper. Invariants, kept in one place: a position changes only together
 * with its ledger entries (so it always equals their sum); a movement is booked once per
 * (type, reference, sku, location); every change passes the guard (nothing negative, reserved ≤
 * on hand, reservations only out of available-to-promise) in the same statement that makes it;
 * on-hand changes are announced with `inventory.stock.changed.v1` and a fall through the item's
 * low-stock threshold with `inventory.stock.low.v1`, in the same transaction.
 */
@Injectable()
export class StockLedger {
  constructor(
    private readonly positions: StockPositionsRepository,
    private readonly movements: StockMovementsRepository,
    private readonly outbox: Outbox,
    private readonly oneStatement: OneStatementReservationsRepository,
  ) {}

  /**
   * The hot path of the same guarded change: the reservation of a single position, booked in one
   * statement and its own transaction (reservation rows, ledger entries, events and the guarded
   * update together, or nothing). Plans touching several positions take {@link apply}, which
   * locks them in one global order.
   */
  reserveOnePosition(input: OnePositionReservation): Promise<OneStatementOutcome> {
    return this.oneStatement.reserve(input);
  }

  /**
   * Books `intents` in the caller's transaction. Throws {@link PositionRefused} when the guard
   * refuses any position: the caller's transaction then rolls back as a whole.
   */
  async apply(manager: EntityManager, intents: MovementIntent[], options: ApplyOptions = {}): Promise<LedgerBooking> {
    const principal = options.principal !== undefined ? options.principal : (currentContext()?.principal ?? null);
    const fresh = await this.movements.recordNew(manager, intents, principal);
    const booked = intents.filter((intent) => fresh.has(movementKeyOf(intent)));
    const repeated = intents.filter((intent) => !fresh.has(movementKeyOf(intent)));
    if (options.beforePositions) await options.beforePositions(booked);
    if (booked.length === 0) return { booked, repeated, positions: [] };

    const deltas = sumDeltas(booked).filter((delta) => delta.onHandDelta !== 0 || delta.reservedDelta !== 0);
    if (!options.positionsExist) await this.positions.ensureExist(manager, deltas.filter(mayCreatePosition));
    const changed = await this.positions.applyGuarded(manager, deltas);
    if (changed.length < deltas.length) {
      const done = new Set(changed.map((position) => positionKeyOf(position)));
      throw new PositionRefused(deltas.filter((delta) => !done.has(positionKeyOf(delta))));
    }
    await this.announce(manager, deltas, changed, options.announce ?? 'all');
    return { booked, repeated, positions: changed.map(withoutThreshold) };
  }

  private async announce(
    manager: EntityManager,
    deltas: PositionDelta[],
    changed: ChangedPosition[],
    announce: 'all' | 'low-only',
  ): Promise<void> {
    const after = new Map(changed.map((position) => [positionKeyOf(position), position]));
    const events: EventEnvelope[] = [];
    for (const delta of deltas) {
      const position = after.get(positionKeyOf(delta)) as ChangedPosition;
      const aggregate = { type: 'stock_position', id: `${delta.locationId}/${delta.sku}` };
      const changedData = announce === 'all' ? stockChangedData(delta, position) : null;
      if (changedData) events.push(createEvent('inventory.stock.changed.v1', aggregate, changedData));
      const low = stockLowData(delta, position);
      if (low) events.push(createEvent('inventory.stock.low.v1', aggregate, low));
    }
    await this.outbox.append(manager, ...events);
  }
}

function withoutThreshold(position: ChangedPosition): StockPositionEntity {
  const { lowStockThreshold: _threshold, ...rest } = position;
  return rest;
}
