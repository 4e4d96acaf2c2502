import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { Outbox, createEvent } from '@baton/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { requireIdentifier, requirePositiveInteger, requireText } from '../input-rules';
import { InventoryError } from '../inventory.errors';
import { StockMovementsRepository } from '../stock/stock-movements.repository';
import { inTransaction } from '../transactions';
import { toReservation } from './reservation.mapper';
import { planRelease } from './reservation-settlement';
import { confirmRefusal } from './reservation-state-machine';
import { ReservationSettler } from './reservation-settler';
import { ReservationsRepository } from './reservations.repository';

/**
 * Confirms and releases reservations on request (the orders service, an operator). Invariants:
 * a confirmed reservation never expires; a release gives back at most what a line still holds,
 * once per release reference; a request that cannot be honoured for every line changes nothing.
 */
@Injectable()
export class ReservationLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reservations: ReservationsRepository,
    private readonly settler: ReservationSettler,
    private readonly movements: StockMovementsRepository,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Held → confirmed for the given lines (or every held line). Confirming a confirmed line again
   * is a no-op; a line that is released, consumed, expired or past its expiry refuses the whole
   * request, naming the lines.
   */
  async confirmReservations(request: inventoryV1.ConfirmReservationsRequest): Promise<inventoryV1.Reservation[]> {
    const violations = [
      ...requireIdentifier('orderId', request.orderId),
      ...request.lineIds.flatMap((lineId, index) => requireIdentifier(`lineIds[${index}]`, lineId)),
    ];
    if (violations.length > 0) throw new ValidationError(violations);
    const result = await inTransaction(this.dataSource, async (manager) => {
      const lineIds = request.lineIds.length > 0 ? [...new Set(request.lineIds)] : undefined;
      const locked = await this.reservations.lockForOrder(manager, request.orderId, lineIds);
      const found = new Set(locked.map((reservation) => reservation.lineId));
      const missing = (lineIds ?? []).filter((lineId) => !found.has(lineId));
      if (locked.length === 0 || missing.length > 0) {
        throw new InventoryError('RESERVATION_NOT_FOUND', `Order ${request.orderId} has no reservation for some lines`, {
          orderId: request.orderId,
          lineIds: missing,
        });
      }
      const now = new Date();
      const chosen = lineIds ? locked : locked.filter((r) => r.status === 'held' || r.status === 'confirmed');
      const refused = chosen
        .map((reservation) => ({ lineId: reservation.lineId, status: reservation.status, why: confirmRefusal(reservation, now) }))
        .filter((line) => line.why !== null);
      if (refused.length > 0) {
        const expired = refused.every((line) => line.why === 'EXPIRED');
        throw new InventoryError(
          expired ? 'RESERVATION_EXPIRED' : 'RESERVATION_NOT_HELD',
          expired ? 'Some reservations expired before they were confirmed' : 'Some lines are not held any more',
          { orderId: request.orderId, lines: refused.map(({ lineId, status }) => ({ lineId, status })) },
        );
      }
      const toConfirm = chosen.filter((reservation) => reservation.status === 'held');
      await this.reservations.confirm(
        manager,
        toConfirm.map((reservation) => reservation.id),
      );
      if (toConfirm.length > 0) {
        await this.outbox.append(
          manager,
          createEvent(
            'inventory.reservation.confirmed.v1',
            { type: 'order', id: request.orderId },
            {
              orderId: request.orderId,
              reservations: toConfirm.map((r) => ({
                reservationId: r.id,
                lineId: r.lineId,
                sku: r.sku,
                locationId: r.locationId,
                quantity: r.quantity,
              })),
            },
          ),
        );
      }
      return this.reservations.findByOrder(request.orderId, manager);
    });
    this.outbox.notify();
    const asked = request.lineIds.length > 0 ? new Set(request.lineIds) : undefined;
    return result.filter((r) => !asked || asked.has(r.lineId)).map(toReservation);
  }

  /**
   * Gives units back: the given quantities of the given lines, or everything still held. The
   * reference makes it idempotent (the same reference releases once). A line asking for more than
   * it holds refuses the whole request.
   */
  async releaseReservations(request: inventoryV1.ReleaseReservationsRequest): Promise<inventoryV1.Reservation[]> {
    const violations: FieldViolation[] = [
      ...requireIdentifier('orderId', request.orderId),
      ...requireText('reference', request.reference),
      ...request.lines.flatMap((line, index) => [
        ...requireIdentifier(`lines[${index}].lineId`, line.lineId),
        ...requirePositiveInteger(`lines[${index}].quantity`, line.quantity),
      ]),
    ];
    if (request.reason.length > 500) violations.push({ field: 'reason', message: 'must be at most 500 characters' });
    if (violations.length > 0) throw new ValidationError(violations);
    const result = await inTransaction(this.dataSource, async (manager) => {
      const lineIds = request.lines.length > 0 ? [...new Set(request.lines.map((line) => line.lineId))] : undefined;
      const locked = await this.reservations.lockForOrder(manager, request.orderId, lineIds);
      if (locked.length === 0) {
        throw new InventoryError('RESERVATION_NOT_FOUND', `Order ${request.orderId} has no reservations for these lines`, {
          orderId: request.orderId,
          lineIds: lineIds ?? [],
        });
      }
      const plan = planRelease(locked, request.lines.length > 0 ? request.lines : 'all', true);
      if (plan.unknownLines.length > 0) {
        throw new InventoryError('RESERVATION_NOT_FOUND', `Order ${request.orderId} has no reservation for some lines`, {
          orderId: request.orderId,
          lineIds: plan.unknownLines,
        });
      }
      if (plan.exceeding.length > 0 && !(await this.alreadyReleased(manager, request))) {
        throw new InventoryError('RELEASE_EXCEEDS_OPEN', 'Some lines hold fewer units than asked to release', {
          orderId: request.orderId,
          lines: plan.exceeding,
        });
      }
      await this.settler.release(manager, plan.releases, {
        orderId: request.orderId,
        referenceOf: (reservation) => releaseReference(request, reservation.lineId),
        reason: request.reason || 'released on request',
        reference: request.reference,
      });
      return this.reservations.findByOrder(request.orderId, manager);
    });
    this.outbox.notify();
    return result.map(toReservation);
  }

  async listReservations(request: inventoryV1.ListReservationsRequest): Promise<inventoryV1.Reservation[]> {
    const violations = requireIdentifier('orderId', request.orderId);
    if (violations.length > 0) throw new ValidationError(violations);
    return (await this.reservations.findByOrder(request.orderId)).map(toReservation);
  }

  /**
   * A repeated release request whose first attempt already released the units finds less open
   * than it asks; it is a repeat, not an error, when every line's release under this reference is
   * in the ledger.
   */
  private async alreadyReleased(
    manager: EntityManager,
    request: inventoryV1.ReleaseReservationsRequest,
  ): Promise<boolean> {
    const references = [...new Set(request.lines.map((line) => releaseReference(request, line.lineId)))];
    const found = await this.movements.existingReferences(manager, 'release', references);
    return found.size === references.length;
  }
}

function releaseReference(request: { orderId: string; reference: string }, lineId: string): string {
  return `order/${request.orderId}/${lineId}/release/${request.reference}`;
}
