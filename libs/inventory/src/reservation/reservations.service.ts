import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { currentContext } from '@baton/platform';
import { DataSource } from 'typeorm';
import { InventoryError } from '../inventory.errors';
import { availableToPromise } from '../stock/availability';
import { PositionRefused, StockLedger } from '../stock/stock-ledger';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import { toReservation } from './reservation.mapper';
import {
  type PositionDemand,
  expiryOf,
  positionKeyOf,
  splitByExisting,
  sumDemand,
  validateReservePlan,
} from './reservation-plan';
import { type NewReservation, ReservationsRepository } from './reservations.repository';
import type { PositionKey } from '../stock/position-deltas';

/** Another request reserved some of the same order lines first; re-read and return its result. */
class LineAlreadyReserved extends Error {}

const MAX_ATTEMPTS = 3;

/**
 * Reserves stock for order lines. Invariants: no oversell under any concurrency (availability
 * check and increment are one guarded UPDATE per position in the ledger's guarded path, with the
 * demand of a request summed per position first); all lines or none; one reservation per
 * (order, line) however often and however concurrently the same plan is sent; every reservation
 * has its ledger entry and its `inventory.stock.reserved.v1` outbox row in the same transaction,
 * and the positions' row locks are taken last, so they are held only until commit.
 */
@Injectable()
export class ReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reservations: ReservationsRepository,
    private readonly positions: StockPositionsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Reserves every line of the plan, or refuses the whole plan with INSUFFICIENT_STOCK naming
   * the lines that cannot be held. Lines already reserved by an earlier identical request are
   * returned as they are; a line sent again with a different item, location or quantity is
   * refused with RESERVATION_MISMATCH.
   */
  async reservePlan(request: inventoryV1.ReservePlanRequest): Promise<inventoryV1.Reservation[]> {
    const violations = validateReservePlan(request);
    if (violations.length > 0) throw new ValidationError(violations);
    const lineIds = request.lines.map((line) => line.lineId);
    for (let attempt = 1; ; attempt++) {
      // The first attempt assumes a new plan: a repeat costs one refused insert, a new plan no extra read.
      const existing =
        attempt === 1 ? [] : (await this.reservations.findByOrderLines(request.orderId, lineIds)).map(toReservation);
      const { missing, mismatched } = splitByExisting(request.lines, existing);
      if (mismatched.length > 0) {
        throw new InventoryError(
          'RESERVATION_MISMATCH',
          'Some lines were already reserved with a different item, location or quantity',
          { orderId: request.orderId, lineIds: mismatched },
        );
      }
      if (missing.length === 0) return inLineOrder(lineIds, existing);
      try {
        const created = await this.reserveNewLines(request.orderId, missing, request.ttlSeconds);
        return inLineOrder(lineIds, [...existing, ...created]);
      } catch (error) {
        if (!(error instanceof LineAlreadyReserved) || attempt === MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async reserveNewLines(
    orderId: string,
    lines: inventoryV1.ReservationLine[],
    ttlSeconds: number,
  ): Promise<inventoryV1.Reservation[]> {
    const expiresAt = expiryOf(new Date(), ttlSeconds);
    const held: NewReservation[] = [...lines]
      .sort((a, b) => (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0))
      .map((line) => ({ id: randomUUID(), orderId, ...line, status: 'held', expiresAt }));
    const demand = sumDemand(lines);
    const reservedEvent = createEvent(
      'inventory.stock.reserved.v1',
      { type: 'order', id: orderId },
      {
        orderId,
        reservations: held.map((r) => ({
          reservationId: r.id,
          lineId: r.lineId,
          sku: r.sku,
          locationId: r.locationId,
          quantity: r.quantity,
          expiresAt: r.expiresAt.toISOString(),
        })),
      },
    );
    if (demand.length === 1) {
      const [only] = demand;
      const outcome = await this.ledger.reserveOnePosition({
        position: only,
        quantity: only.quantity,
        reservations: held,
        principal: currentContext()?.principal ?? null,
        reserved: reservedEvent,
        low: createEvent('inventory.stock.low.v1', { type: 'stock_position', id: `${only.locationId}/${only.sku}` }, {
          sku: only.sku,
          locationId: only.locationId,
          available: 0,
          threshold: 0,
          onHand: 0,
          reserved: 0,
        }),
      });
      if (outcome === 'line-taken') throw new LineAlreadyReserved();
      if (outcome === 'refused') throw await this.insufficientStock(lines, demand, [only]);
      this.outbox.notify();
      return held.map((r) => toReservation(r));
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        if ((await this.reservations.insertHeld(manager, held)) < held.length) throw new LineAlreadyReserved();
        await this.ledger.apply(
          manager,
          held.map((r) => ({
            sku: r.sku,
            locationId: r.locationId,
            type: 'reservation',
            onHandDelta: 0,
            reservedDelta: r.quantity,
            reference: `order/${orderId}/${r.lineId}`,
            reason: null,
          })),
          { beforePositions: () => this.outbox.append(manager, reservedEvent) },
        );
      });
    } catch (error) {
      if (error instanceof PositionRefused) throw await this.insufficientStock(lines, demand, error.refused);
      throw error;
    }
    this.outbox.notify();
    return held.map((r) => toReservation(r));
  }

  /**
   * Names every line whose position cannot cover the plan's demand, read after the rollback so no
   * lock is held for it. The position that refused is always named, even if stock freed since.
   */
  private async insufficientStock(
    lines: inventoryV1.ReservationLine[],
    demand: PositionDemand[],
    refused: PositionKey[],
  ): Promise<InventoryError> {
    const refusedKeys = new Set(refused.map(positionKeyOf));
    const current = new Map(
      (await this.positions.findMany(demand)).map((position) => [
        positionKeyOf(position),
        availableToPromise(position),
      ]),
    );
    const short = new Set(
      demand
        .filter((d) => refusedKeys.has(positionKeyOf(d)) || (current.get(positionKeyOf(d)) ?? 0) < d.quantity)
        .map((d) => positionKeyOf(d)),
    );
    const shortLines = lines
      .filter((line) => short.has(positionKeyOf(line)))
      .map((line) => ({
        lineId: line.lineId,
        sku: line.sku,
        locationId: line.locationId,
        requested: line.quantity,
        available: current.get(positionKeyOf(line)) ?? 0,
      }));
    return new InventoryError('INSUFFICIENT_STOCK', `Not enough stock for ${shortLines.length} line(s)`, {
      lines: shortLines,
    });
  }
}

function inLineOrder(lineIds: string[], reservations: inventoryV1.Reservation[]): inventoryV1.Reservation[] {
  const byLine = new Map(reservations.map((reservation) => [reservation.lineId, reservation]));
  return lineIds.map((lineId) => {
    const reservation = byLine.get(lineId);
    if (!reservation) throw new Error(`Line ${lineId} has no reservation after reserving`);
    return reservation;
  });
}
