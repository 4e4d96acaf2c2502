import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { ReservationLifecycleService } from '../reservation/reservation-lifecycle.service';
import { ReservationsService } from '../reservation/reservations.service';

const SERVICE = inventoryV1.INVENTORY_SERVICE_NAME;

type ReservationMethods = 'reservePlan' | 'confirmReservations' | 'releaseReservations' | 'listReservations';

/** Reservations over gRPC; maps only. */
@Controller()
export class ReservationsGrpcController implements Pick<inventoryV1.InventoryServiceController, ReservationMethods> {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly lifecycle: ReservationLifecycleService,
  ) {}

  @GrpcMethod(SERVICE, 'reservePlan')
  async reservePlan(request: inventoryV1.ReservePlanRequest): Promise<inventoryV1.ReservePlanResponse> {
    return { reservations: await this.reservations.reservePlan(request) };
  }

  @GrpcMethod(SERVICE, 'confirmReservations')
  async confirmReservations(request: inventoryV1.ConfirmReservationsRequest): Promise<inventoryV1.ConfirmReservationsResponse> {
    return { reservations: await this.lifecycle.confirmReservations(request) };
  }

  @GrpcMethod(SERVICE, 'releaseReservations')
  async releaseReservations(request: inventoryV1.ReleaseReservationsRequest): Promise<inventoryV1.ReleaseReservationsResponse> {
    return { reservations: await this.lifecycle.releaseReservations(request) };
  }

  @GrpcMethod(SERVICE, 'listReservations')
  async listReservations(request: inventoryV1.ListReservationsRequest): Promise<inventoryV1.ListReservationsResponse> {
    return { reservations: await this.lifecycle.listReservations(request) };
  }
}
