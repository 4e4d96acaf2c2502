import { Injectable } from '@nestjs/common';
import type { EventEnvelope, LineQuantityData } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import type { EntityManager } from 'typeorm';
import { type MovementIntent, movementKeyOf, positionKeyOf } from '../stock/position-deltas';
import { StockLedger } from '../stock/stock-ledger';
import type { StockPositionEntity } from '../stock/stock-position.entity';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import type { ReservationEntity } from './reservation.entity';
import { planConsumption, planRelease, takeFromFreeStock } from './reservation-settlement';
import { settledStatus } from './reservation-state-machine';
import { ReservationSettler } from './reservation-settler';
import { type ReservationSettlement, ReservationsRepository } from './reservations.repository';

type HandedOver = EventEnvelope<'fulfillment.fulfillment.shipped.v1' | 'fulfillment.fulfillment.collected.v1'>;

/**
 * What the rest of the network tells inventory about reserved stock, applied inside the event's
 * inbox transaction (so an event has its effect once): cancellations and expired pickups release,
 * rejections release (and a short pick lowers on hand by what was not there), shipments and
 * collections consume. Every movement's reference names the event, so even a handler run twice
 * books once. Reservation rows are locked before positions, as on every path.
 */
@Injectable()
export class FulfilmentStockService {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly positions: StockPositionsRepository,
    private readonly settler: ReservationSettler,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  /** orders.order.cancelled.v1: release exactly the cancelled quantities (what is still held of them). */
  async releaseCancelled(manager: EntityManager, envelope: EventEnvelope<'orders.order.cancelled.v1'>): Promise<void> {
    const { orderId, lines, reason } = envelope.data;
    await this.releaseLines(manager, envelope, orderId, lines, `order cancelled: ${reason}`, undefined);
  }

  /** fulfillment.fulfillment.expired.v1: an uncollected pickup's units go back to available. */
  async releaseExpiredPickup(manager: EntityManager, envelope: EventEnvelope<'fulfillment.fulfillment.expired.v1'>): Promise<void> {
    const { orderId, lines, locationId } = envelope.data;
    await this.releaseLines(manager, envelope, orderId, lines, 'pickup not collected in time', locationId);
  }

  /**
   * fulfillment.fulfillment.rejected.v1: release what the location gave back. For a short pick
   * the units were not on the shelf: on hand at that location goes down by them as a `count`,
   * but never below what stays reserved there for other orders (reserved ≤ on hand); the rest of
   * the shortfall is left for a cycle count to find.
   */
  async releaseRejected(manager: EntityManager, envelope: EventEnvelope<'fulfillment.fulfillment.rejected.v1'>): Promise<void> {
    const { orderId, lines, locationId, shortPick, reason } = envelope.data;
    const locked = await this.reservations.lockForOrder(manager, orderId, lineIdsOf(lines));
    const plan = planRelease(atLocation(locked, locationId), lines, false);
    const extraIntents: MovementIntent[] = [];
    if (shortPick) {
      const keys = uniqueKeys(lines.map((line) => ({ sku: line.sku, locationId })));
      const current = byKey(await this.positions.lock(manager, keys));
      const releasedHere = new Map<string, number>();
      for (const { reservation, quantity } of plan.releases) {
        const key = positionKeyOf(reservation);
        releasedHere.set(key, (releasedHere.get(key) ?? 0) + quantity);
      }
      for (const line of lines) {
        const key = positionKeyOf({ sku: line.sku, locationId });
        const position = current.get(key);
        if (!position) continue;
        const countable = position.onHand - (position.reserved - (releasedHere.get(key) ?? 0));
        const lowered = Math.max(0, Math.min(line.quantity, countable));
        if (lowered === 0) continue;
        position.onHand -= lowered;
        extraIntents.push({
          sku: line.sku,
          locationId,
          type: 'count',
          onHandDelta: -lowered,
          reservedDelta: 0,
          reference: `event/${envelope.id}/${line.lineId}`,
          reason: `short pick: ${reason}`,
        });
      }
    }
    await this.settler.release(manager, plan.releases, {
      orderId,
      referenceOf: (reservation) => `event/${envelope.id}/${reservation.lineId}`,
      reason: `fulfilment rejected: ${reason}`,
      reference: envelope.id,
      extraIntents,
      principal: principalOf(envelope),
    });
  }

  /**
   * fulfillment.fulfillment.shipped.v1 (`ship`) and .collected.v1 (`pick`): the units left the
   * location, so on hand and reserved both go down by what was reserved for the line there; units
   * beyond the reservation come out of free stock as far as it goes.
   */
  async consumeHandedOver(manager: EntityManager, envelope: HandedOver, movementType: 'ship' | 'pick'): Promise<void> {
    const { orderId, fulfillmentId, locationId, lines } = envelope.data;
    const locked = await this.reservations.lockForOrder(manager, orderId, lineIdsOf(lines));
    const plan = planConsumption(locked, locationId, lines);
    const keys = uniqueKeys(lines.map((line) => ({ sku: line.sku, locationId })));
    const free = new Map(
      (await this.positions.lock(manager, keys)).map((p) => [positionKeyOf(p), p.onHand - p.reserved] as const),
    );
    const intents: MovementIntent[] = [];
    const settlements = new Map<string, { reservation: ReservationEntity; released: number; consumed: number }>();
    const reported: Array<{ lineId: string; sku: string; locationId: string; quantity: number; fromReservation: number }> = [];
    const reference = (lineId: string) => `event/${envelope.id}/${lineId}`;
    for (const step of plan) {
      const key = positionKeyOf({ sku: step.line.sku, locationId });
      const { taken } = takeFromFreeStock(step.line.quantity - step.fromReservation, free.get(key) ?? 0);
      free.set(key, (free.get(key) ?? 0) - taken);
      if (step.fromReservation + taken > 0) {
        intents.push({
          sku: step.line.sku,
          locationId,
          type: movementType,
          onHandDelta: -(step.fromReservation + taken),
          reservedDelta: -step.fromReservation,
          reference: reference(step.line.lineId),
          reason: `${movementType === 'ship' ? 'shipped' : 'collected'} by fulfilment ${fulfillmentId}`,
        });
        reported.push({ ...step.line, locationId, quantity: step.fromReservation + taken, fromReservation: step.fromReservation });
      }
      if (step.reservation && step.releasedElsewhere > 0) {
        intents.push({
          sku: step.reservation.sku,
          locationId: step.reservation.locationId,
          type: 'release',
          onHandDelta: 0,
          reservedDelta: -step.releasedElsewhere,
          reference: reference(step.line.lineId),
          reason: `handed over from another location by fulfilment ${fulfillmentId}`,
        });
      }
      if (step.reservation && step.fromReservation + step.releasedElsewhere > 0) {
        const entry = settlements.get(step.reservation.id) ?? { reservation: step.reservation, released: 0, consumed: 0 };
        entry.consumed += step.fromReservation;
        entry.released += step.releasedElsewhere;
        settlements.set(step.reservation.id, entry);
      }
    }
    await this.ledger.apply(manager, intents, {
      principal: principalOf(envelope),
      beforePositions: async (booked) => {
        const bookedKeys = new Set(booked.map(movementKeyOf));
        if (!intents.some((intent) => bookedKeys.has(movementKeyOf(intent)))) return;
        const rows: ReservationSettlement[] = [...settlements.values()].map(({ reservation, released, consumed }) => ({
          id: reservation.id,
          released,
          consumed,
          status: settledStatus(reservation, { released, consumed }),
        }));
        await this.reservations.settle(manager, rows);
        await this.outbox.append(
          manager,
          createEvent('inventory.reservation.consumed.v1', { type: 'order', id: orderId }, {
            orderId,
            fulfillmentId,
            movementType,
            lines: reported,
          }),
        );
      },
    });
  }

  private async releaseLines(
    manager: EntityManager,
    envelope: EventEnvelope,
    orderId: string,
    lines: LineQuantityData[],
    reason: string,
    onlyAt: string | undefined,
  ): Promise<void> {
    const locked = await this.reservations.lockForOrder(manager, orderId, lineIdsOf(lines));
    const plan = planRelease(onlyAt ? atLocation(locked, onlyAt) : locked, lines, false);
    await this.settler.release(manager, plan.releases, {
      orderId,
      referenceOf: (reservation) => `event/${envelope.id}/${reservation.lineId}`,
      reason,
      reference: envelope.id,
      principal: principalOf(envelope),
    });
  }
}

function lineIdsOf(lines: ReadonlyArray<{ lineId: string }>): string[] {
  return [...new Set(lines.map((line) => line.lineId))];
}

function atLocation(reservations: ReservationEntity[], locationId: string): ReservationEntity[] {
  return reservations.filter((reservation) => reservation.locationId === locationId);
}

function uniqueKeys<T extends { sku: string; locationId: string }>(keys: T[]): T[] {
  return [...new Map(keys.map((key) => [positionKeyOf(key), key])).values()];
}

function byKey(positions: StockPositionEntity[]): Map<string, StockPositionEntity> {
  return new Map(positions.map((position) => [positionKeyOf(position), { ...position }]));
}

function principalOf(envelope: EventEnvelope): string {
  return `event:${envelope.type}`;
}
