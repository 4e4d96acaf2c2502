import { Controller } from '@nestjs/common';
import { inventoryV1 } from '@baton/contracts';
import { ItemsService } from './item/items.service';
import { LocationsService } from './location/locations.service';
import { ReservationsService } from './reservation/reservations.service';
import { StockService } from './stock/stock.service';

/** The gRPC face of inventory: wraps each service answer in its response message, nothing more. */
@Controller()
@inventoryV1.InventoryServiceControllerMethods()
export class InventoryGrpcController implements inventoryV1.InventoryServiceController {
  constructor(
    private readonly locations: LocationsService,
    private readonly items: ItemsService,
    private readonly stock: StockService,
    private readonly reservations: ReservationsService,
  ) {}

  async createLocation(request: inventoryV1.CreateLocationRequest): Promise<inventoryV1.CreateLocationResponse> {
    return { location: await this.locations.createLocation(request) };
  }

  async listLocations(_request: inventoryV1.ListLocationsRequest): Promise<inventoryV1.ListLocationsResponse> {
    return { locations: await this.locations.listLocations() };
  }

  async createItem(request: inventoryV1.CreateItemRequest): Promise<inventoryV1.CreateItemResponse> {
    return { item: await this.items.createItem(request) };
  }

  async receiveStock(request: inventoryV1.ReceiveStockRequest): Promise<inventoryV1.ReceiveStockResponse> {
    return { position: await this.stock.receiveStock(request) };
  }

  async getAvailability(request: inventoryV1.GetAvailabilityRequest): Promise<inventoryV1.GetAvailabilityResponse> {
    return { positions: await this.stock.getAvailability(request) };
  }

  async reservePlan(request: inventoryV1.ReservePlanRequest): Promise<inventoryV1.ReservePlanResponse> {
    return { reservations: await this.reservations.reservePlan(request) };
  }
}
