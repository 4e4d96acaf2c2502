import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { ItemsService } from '../item/items.service';
import { LocationsService } from '../location/locations.service';

const SERVICE = inventoryV1.INVENTORY_SERVICE_NAME;

type CatalogueMethods =
  | 'createLocation'
  | 'updateLocation'
  | 'deactivateLocation'
  | 'reactivateLocation'
  | 'deleteLocation'
  | 'getLocation'
  | 'listLocations'
  | 'createItem'
  | 'updateItem'
  | 'getItem'
  | 'listItems';

/** Locations and items over gRPC: wraps each service answer in its response message, nothing more. */
@Controller()
export class CatalogueGrpcController implements Pick<inventoryV1.InventoryServiceController, CatalogueMethods> {
  constructor(
    private readonly locations: LocationsService,
    private readonly items: ItemsService,
  ) {}

  @GrpcMethod(SERVICE, 'createLocation')
  async createLocation(request: inventoryV1.CreateLocationRequest): Promise<inventoryV1.CreateLocationResponse> {
    return { location: await this.locations.createLocation(request) };
  }

  @GrpcMethod(SERVICE, 'updateLocation')
  async updateLocation(request: inventoryV1.UpdateLocationRequest): Promise<inventoryV1.UpdateLocationResponse> {
    return { location: await this.locations.updateLocation(request) };
  }

  @GrpcMethod(SERVICE, 'deactivateLocation')
  async deactivateLocation(request: inventoryV1.DeactivateLocationRequest): Promise<inventoryV1.DeactivateLocationResponse> {
    return { location: await this.locations.deactivateLocation(request) };
  }

  @GrpcMethod(SERVICE, 'reactivateLocation')
  async reactivateLocation(request: inventoryV1.ReactivateLocationRequest): Promise<inventoryV1.ReactivateLocationResponse> {
    return { location: await this.locations.reactivateLocation(request) };
  }

  @GrpcMethod(SERVICE, 'deleteLocation')
  async deleteLocation(request: inventoryV1.DeleteLocationRequest): Promise<inventoryV1.DeleteLocationResponse> {
    await this.locations.deleteLocation(request);
    return {};
  }

  @GrpcMethod(SERVICE, 'getLocation')
  async getLocation(request: inventoryV1.GetLocationRequest): Promise<inventoryV1.GetLocationResponse> {
    return { location: await this.locations.getLocation(request) };
  }

  @GrpcMethod(SERVICE, 'listLocations')
  listLocations(request: inventoryV1.ListLocationsRequest): Promise<inventoryV1.ListLocationsResponse> {
    return this.locations.listLocations(request);
  }

  @GrpcMethod(SERVICE, 'createItem')
  async createItem(request: inventoryV1.CreateItemRequest): Promise<inventoryV1.CreateItemResponse> {
    return { item: await this.items.createItem(request) };
  }

  @GrpcMethod(SERVICE, 'updateItem')
  async updateItem(request: inventoryV1.UpdateItemRequest): Promise<inventoryV1.UpdateItemResponse> {
    return { item: await this.items.updateItem(request) };
  }

  @GrpcMethod(SERVICE, 'getItem')
  async getItem(request: inventoryV1.GetItemRequest): Promise<inventoryV1.GetItemResponse> {
    return { item: await this.items.getItem(request) };
  }

  @GrpcMethod(SERVICE, 'listItems')
  listItems(request: inventoryV1.ListItemsRequest): Promise<inventoryV1.ListItemsResponse> {
    return this.items.listItems(request);
  }
}
