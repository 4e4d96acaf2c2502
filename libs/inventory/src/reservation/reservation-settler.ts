import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import type { EntityManager } from 'typeorm';
import type { MovementIntent } from '../stock/position-deltas';
import { movementKeyOf } from '../stock/position-deltas';
import { StockLedger } from '../stock/stock-ledger';
import type { ReservationEntity } from './reservation.entity';
import type { PlannedRelease } from './reservation-settlement';
import { openQuantityOf, settledStatus } from './reservation-state-machine';
import { type ReservationSettlement, ReservationsRepository } from './reservations.repository';

export interface ReleaseContext {
  orderId: string;
  /** The ledger reference of each line's release movement: what makes the release idempotent. */
  referenceOf: (reservation: ReservationEntity) => string;
  /** Why, recorded on the movements and the event. */
  reason: string;
  /** The reference the released event reports (a release request, a cancellation event…). */
  reference: string;
  /** Released by the expiry sweeper: the lines end `expired` and announce `inventory.reservation.expired.v1`. */
  byExpiry?: boolean;
  /** Extra intents booked in the same ledger call (e.g. the count of a short pick). */
  extraIntents?: MovementIntent[];
  principal?: string | null;
}

/**
 * Gives reserved units back, for every path that releases: an API release, a cancellation, a
 * rejected or expired fulfilment, the expiry sweeper. The reservation rows must be locked by the
 * caller. Invariant: a reservation's released quantity grows only together with the ledger's
 * `release` movement (same transaction, idempotent by the movement's reference) and the guarded
 * decrease of the position's reserved units.
 */
@Injectable()
export class ReservationSettler {
  constructor(
    private readonly reservations: ReservationsRepository,
    private readonly ledger: StockLedger,
    private readonly outbox: Outbox,
  ) {}

  /** Books the releases (and any extra intents); returns the reservations whose release was new. */
  async release(manager: EntityManager, plan: PlannedRelease[], context: ReleaseContext): Promise<PlannedRelease[]> {
    const intents = plan.map(({ reservation, quantity }) => releaseIntent(reservation, quantity, context));
    const done: PlannedRelease[] = [];
    await this.ledger.apply(manager, [...intents, ...(context.extraIntents ?? [])], {
      principal: context.principal,
      beforePositions: async (booked) => {
        const bookedKeys = new Set(booked.map(movementKeyOf));
        plan.forEach((planned, index) => {
          if (bookedKeys.has(movementKeyOf(intents[index]))) done.push(planned);
        });
        const settlements: ReservationSettlement[] = done.map(({ reservation, quantity }) => ({
          id: reservation.id,
          released: quantity,
          consumed: 0,
          status: settledStatus(reservation, { released: quantity, consumed: 0, byExpiry: context.byExpiry }),
        }));
        await this.reservations.settle(manager, settlements);
        await this.outbox.append(manager, ...releaseEvents(done, context));
      },
    });
    return done;
  }
}

function releaseIntent(reservation: ReservationEntity, quantity: number, context: ReleaseContext): MovementIntent {
  return {
    sku: reservation.sku,
    locationId: reservation.locationId,
    type: 'release',
    onHandDelta: 0,
    reservedDelta: -quantity,
    reference: context.referenceOf(reservation),
    reason: context.reason,
  };
}

function releaseEvents(done: PlannedRelease[], context: ReleaseContext): EventEnvelope[] {
  if (done.length === 0) return [];
  if (context.byExpiry) {
    return done.map(({ reservation, quantity }) =>
      createEvent(
        'inventory.reservation.expired.v1',
        { type: 'order', id: reservation.orderId },
        {
          reservationId: reservation.id,
          orderId: reservation.orderId,
          lineId: reservation.lineId,
          sku: reservation.sku,
          locationId: reservation.locationId,
          quantity,
        },
      ),
    );
  }
  return [
    createEvent(
      'inventory.reservation.released.v1',
      { type: 'order', id: context.orderId },
      {
        orderId: context.orderId,
        reason: context.reason,
        reference: context.reference,
        releases: done.map(({ reservation, quantity }) => ({
          reservationId: reservation.id,
          lineId: reservation.lineId,
          sku: reservation.sku,
          locationId: reservation.locationId,
          quantity,
          openQuantity: openQuantityOf(reservation) - quantity,
        })),
      },
    ),
  ];
}
