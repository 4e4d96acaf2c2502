import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { AvailabilityService } from '../availability/availability.service';
import { StockQueriesService } from '../stock/stock-queries.service';
import { StockService } from '../stock/stock.service';

const SERVICE = inventoryV1.INVENTORY_SERVICE_NAME;

type StockMethods =
  | 'receiveStock'
  | 'adjustStock'
  | 'countStock'
  | 'writeOffStock'
  | 'restockReturn'
  | 'setSafetyStock'
  | 'listPositions'
  | 'listMovements'
  | 'getAvailability'
  | 'getCartAvailability';

/** Stock operations, ledger reads and available-to-promise over gRPC; maps only. */
@Controller()
export class StockGrpcController implements Pick<inventoryV1.InventoryServiceController, StockMethods> {
  constructor(
    private readonly stock: StockService,
    private readonly queries: StockQueriesService,
    private readonly availability: AvailabilityService,
  ) {}

  @GrpcMethod(SERVICE, 'receiveStock')
  async receiveStock(request: inventoryV1.ReceiveStockRequest): Promise<inventoryV1.ReceiveStockResponse> {
    return { position: await this.stock.receiveStock(request) };
  }

  @GrpcMethod(SERVICE, 'adjustStock')
  adjustStock(request: inventoryV1.AdjustStockRequest): Promise<inventoryV1.AdjustStockResponse> {
    return this.stock.adjustStock(request);
  }

  @GrpcMethod(SERVICE, 'countStock')
  countStock(request: inventoryV1.CountStockRequest): Promise<inventoryV1.CountStockResponse> {
    return this.stock.countStock(request);
  }

  @GrpcMethod(SERVICE, 'writeOffStock')
  writeOffStock(request: inventoryV1.WriteOffStockRequest): Promise<inventoryV1.WriteOffStockResponse> {
    return this.stock.writeOffStock(request);
  }

  @GrpcMethod(SERVICE, 'restockReturn')
  restockReturn(request: inventoryV1.RestockReturnRequest): Promise<inventoryV1.RestockReturnResponse> {
    return this.stock.restockReturn(request);
  }

  @GrpcMethod(SERVICE, 'setSafetyStock')
  async setSafetyStock(request: inventoryV1.SetSafetyStockRequest): Promise<inventoryV1.SetSafetyStockResponse> {
    return { position: await this.stock.setSafetyStock(request) };
  }

  @GrpcMethod(SERVICE, 'listPositions')
  listPositions(request: inventoryV1.ListPositionsRequest): Promise<inventoryV1.ListPositionsResponse> {
    return this.queries.listPositions(request);
  }

  @GrpcMethod(SERVICE, 'listMovements')
  listMovements(request: inventoryV1.ListMovementsRequest): Promise<inventoryV1.ListMovementsResponse> {
    return this.queries.listMovements(request);
  }

  @GrpcMethod(SERVICE, 'getAvailability')
  async getAvailability(request: inventoryV1.GetAvailabilityRequest): Promise<inventoryV1.GetAvailabilityResponse> {
    return { positions: await this.availability.getAvailability(request) };
  }

  @GrpcMethod(SERVICE, 'getCartAvailability')
  getCartAvailability(request: inventoryV1.GetCartAvailabilityRequest): Promise<inventoryV1.GetCartAvailabilityResponse> {
    return this.availability.getCartAvailability(request);
  }
}
