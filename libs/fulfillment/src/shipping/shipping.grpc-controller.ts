import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentsService } from '../fulfillment/fulfillments.service';
import { PickListsService } from '../picking/pick-lists.service';
import { DeliveryService } from './delivery.service';
import { ShippingService } from './shipping.service';

type Handles = Pick<
  fulfillmentV1.FulfillmentServiceController,
  'shipFulfillment' | 'confirmReceipt' | 'getShipmentLabel' | 'ingestTrackingUpdate' | 'createPickList' | 'getPickList'
>;

const SERVICE = fulfillmentV1.FULFILLMENT_SERVICE_NAME;

/** The picking, shipping and delivery part of the gRPC surface; maps only. */
@Controller()
export class ShippingGrpcController implements Handles {
  constructor(
    private readonly shipping: ShippingService,
    private readonly delivery: DeliveryService,
    private readonly pickLists: PickListsService,
    private readonly fulfillments: FulfillmentsService,
  ) {}

  @GrpcMethod(SERVICE, 'shipFulfillment')
  async shipFulfillment(request: fulfillmentV1.ShipFulfillmentRequest): Promise<fulfillmentV1.ShipFulfillmentResponse> {
    return { fulfillment: await this.shipping.ship(request) };
  }

  @GrpcMethod(SERVICE, 'confirmReceipt')
  async confirmReceipt(request: fulfillmentV1.ConfirmReceiptRequest): Promise<fulfillmentV1.ConfirmReceiptResponse> {
    return { fulfillment: await this.fulfillments.view(await this.delivery.confirmReceipt(request.fulfillmentId)) };
  }

  @GrpcMethod(SERVICE, 'getShipmentLabel')
  async getShipmentLabel(request: fulfillmentV1.GetShipmentLabelRequest): Promise<fulfillmentV1.GetShipmentLabelResponse> {
    return this.delivery.label(request);
  }

  @GrpcMethod(SERVICE, 'ingestTrackingUpdate')
  async ingestTrackingUpdate(request: fulfillmentV1.IngestTrackingUpdateRequest): Promise<fulfillmentV1.IngestTrackingUpdateResponse> {
    return this.delivery.ingest(request);
  }

  @GrpcMethod(SERVICE, 'createPickList')
  async createPickList(request: fulfillmentV1.CreatePickListRequest): Promise<fulfillmentV1.CreatePickListResponse> {
    return { pickList: await this.pickLists.create(request) };
  }

  @GrpcMethod(SERVICE, 'getPickList')
  async getPickList(request: fulfillmentV1.GetPickListRequest): Promise<fulfillmentV1.GetPickListResponse> {
    return { pickList: await this.pickLists.get(request.pickListId) };
  }
}
