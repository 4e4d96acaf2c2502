import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { fulfillmentV1 } from '@baton/contracts';
import { CapacityService } from '../capacity/capacity.service';
import { FulfillmentPoliciesService } from '../policy/fulfillment-policies.service';
import { CarriersService } from './carriers.service';

type Handles = Pick<
  fulfillmentV1.FulfillmentServiceController,
  | 'listCarrierServices'
  | 'quoteCarrierServices'
  | 'getLocationLoad'
  | 'configureLocation'
  | 'getFulfillmentPolicy'
  | 'setFulfillmentPolicy'
>;

const SERVICE = fulfillmentV1.FULFILLMENT_SERVICE_NAME;

/** Carriers, location capacity and tenant policy: what sourcing and operators ask; maps only. */
@Controller()
export class NetworkGrpcController implements Handles {
  constructor(
    private readonly carriers: CarriersService,
    private readonly capacity: CapacityService,
    private readonly policies: FulfillmentPoliciesService,
  ) {}

  @GrpcMethod(SERVICE, 'listCarrierServices')
  listCarrierServices(): fulfillmentV1.ListCarrierServicesResponse {
    return { services: this.carriers.listServices() };
  }

  @GrpcMethod(SERVICE, 'quoteCarrierServices')
  async quoteCarrierServices(request: fulfillmentV1.QuoteCarrierServicesRequest): Promise<fulfillmentV1.QuoteCarrierServicesResponse> {
    return { quotes: await this.carriers.quote(request) };
  }

  @GrpcMethod(SERVICE, 'getLocationLoad')
  async getLocationLoad(request: fulfillmentV1.GetLocationLoadRequest): Promise<fulfillmentV1.GetLocationLoadResponse> {
    return { loads: await this.capacity.load(request.locationIds) };
  }

  @GrpcMethod(SERVICE, 'configureLocation')
  async configureLocation(request: fulfillmentV1.ConfigureLocationRequest): Promise<fulfillmentV1.ConfigureLocationResponse> {
    return { location: await this.capacity.configure(request) };
  }

  @GrpcMethod(SERVICE, 'getFulfillmentPolicy')
  async getFulfillmentPolicy(): Promise<fulfillmentV1.GetFulfillmentPolicyResponse> {
    return { policy: await this.policies.current() };
  }

  @GrpcMethod(SERVICE, 'setFulfillmentPolicy')
  async setFulfillmentPolicy(request: fulfillmentV1.SetFulfillmentPolicyRequest): Promise<fulfillmentV1.SetFulfillmentPolicyResponse> {
    return { policy: await this.policies.replace(request.policy) };
  }
}
