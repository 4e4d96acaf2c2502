import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentsService } from './fulfillments.service';
import { PickupService } from './pickup.service';
import { StoreOperationsService } from './store-operations.service';

type Handles = Pick<
  fulfillmentV1.FulfillmentServiceController,
  | 'listOrderFulfillments'
  | 'getFulfillment'
  | 'listFulfillments'
  | 'acceptFulfillment'
  | 'rejectFulfillment'
  | 'confirmPick'
  | 'packFulfillment'
  | 'markReadyForPickup'
  | 'handOver'
  | 'recordArrival'
>;

const SERVICE = fulfillmentV1.FULFILLMENT_SERVICE_NAME;

/** The fulfilment-order part of the gRPC surface (queries, store operations, pickup); maps only. */
@Controller()
export class FulfillmentsGrpcController implements Handles {
  constructor(
    private readonly fulfillments: FulfillmentsService,
    private readonly operations: StoreOperationsService,
    private readonly pickups: PickupService,
  ) {}

  @GrpcMethod(SERVICE, 'listOrderFulfillments')
  async listOrderFulfillments(request: fulfillmentV1.ListOrderFulfillmentsRequest): Promise<fulfillmentV1.ListOrderFulfillmentsResponse> {
    return { fulfillments: await this.fulfillments.listOrderFulfillments(request.orderId) };
  }

  @GrpcMethod(SERVICE, 'getFulfillment')
  async getFulfillment(request: fulfillmentV1.GetFulfillmentRequest): Promise<fulfillmentV1.GetFulfillmentResponse> {
    return { fulfillment: await this.fulfillments.get(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'listFulfillments')
  async listFulfillments(request: fulfillmentV1.ListFulfillmentsRequest): Promise<fulfillmentV1.ListFulfillmentsResponse> {
    return { fulfillments: await this.fulfillments.queue(request) };
  }

  @GrpcMethod(SERVICE, 'acceptFulfillment')
  async acceptFulfillment(request: fulfillmentV1.AcceptFulfillmentRequest): Promise<fulfillmentV1.AcceptFulfillmentResponse> {
    return { fulfillment: await this.operations.accept(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'rejectFulfillment')
  async rejectFulfillment(request: fulfillmentV1.RejectFulfillmentRequest): Promise<fulfillmentV1.RejectFulfillmentResponse> {
    return { fulfillment: await this.operations.reject(request.fulfillmentId, request.reason) };
  }

  @GrpcMethod(SERVICE, 'confirmPick')
  async confirmPick(request: fulfillmentV1.ConfirmPickRequest): Promise<fulfillmentV1.ConfirmPickResponse> {
    return { fulfillment: await this.operations.confirmPick(request) };
  }

  @GrpcMethod(SERVICE, 'packFulfillment')
  async packFulfillment(request: fulfillmentV1.PackFulfillmentRequest): Promise<fulfillmentV1.PackFulfillmentResponse> {
    return { fulfillment: await this.operations.pack(request) };
  }

  @GrpcMethod(SERVICE, 'markReadyForPickup')
  async markReadyForPickup(request: fulfillmentV1.MarkReadyForPickupRequest): Promise<fulfillmentV1.MarkReadyForPickupResponse> {
    return { fulfillment: await this.pickups.markReady(request.fulfillmentId) };
  }

  @GrpcMethod(SERVICE, 'handOver')
  async handOver(request: fulfillmentV1.HandOverRequest): Promise<fulfillmentV1.HandOverResponse> {
    return { fulfillment: await this.pickups.handOver(request) };
  }

  @GrpcMethod(SERVICE, 'recordArrival')
  async recordArrival(request: fulfillmentV1.RecordArrivalRequest): Promise<fulfillmentV1.RecordArrivalResponse> {
    return { fulfillment: await this.pickups.recordArrival(request.fulfillmentId, request.note) };
  }
}
