import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { InboundService } from '../inbound/inbound.service';
import { TransfersService } from '../inbound/transfers.service';

const SERVICE = inventoryV1.INVENTORY_SERVICE_NAME;

type InboundMethods =
  | 'createInboundSupply'
  | 'transferStock'
  | 'receiveInbound'
  | 'closeInboundSupply'
  | 'getInboundSupply'
  | 'listInboundSupplies';

/** Inbound supply and transfers over gRPC; maps only. */
@Controller()
export class InboundGrpcController implements Pick<inventoryV1.InventoryServiceController, InboundMethods> {
  constructor(
    private readonly inbound: InboundService,
    private readonly transfers: TransfersService,
  ) {}

  @GrpcMethod(SERVICE, 'createInboundSupply')
  createInboundSupply(request: inventoryV1.CreateInboundSupplyRequest): Promise<inventoryV1.CreateInboundSupplyResponse> {
    return this.inbound.createInboundSupply(request);
  }

  @GrpcMethod(SERVICE, 'transferStock')
  transferStock(request: inventoryV1.TransferStockRequest): Promise<inventoryV1.TransferStockResponse> {
    return this.transfers.transferStock(request);
  }

  @GrpcMethod(SERVICE, 'receiveInbound')
  receiveInbound(request: inventoryV1.ReceiveInboundRequest): Promise<inventoryV1.ReceiveInboundResponse> {
    return this.inbound.receiveInbound(request);
  }

  @GrpcMethod(SERVICE, 'closeInboundSupply')
  async closeInboundSupply(request: inventoryV1.CloseInboundSupplyRequest): Promise<inventoryV1.CloseInboundSupplyResponse> {
    return { supply: await this.inbound.closeInboundSupply(request) };
  }

  @GrpcMethod(SERVICE, 'getInboundSupply')
  async getInboundSupply(request: inventoryV1.GetInboundSupplyRequest): Promise<inventoryV1.GetInboundSupplyResponse> {
    return { supply: await this.inbound.getInboundSupply(request) };
  }

  @GrpcMethod(SERVICE, 'listInboundSupplies')
  listInboundSupplies(request: inventoryV1.ListInboundSuppliesRequest): Promise<inventoryV1.ListInboundSuppliesResponse> {
    return this.inbound.listInboundSupplies(request);
  }
}
