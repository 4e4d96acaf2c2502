import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { returnsV1 } from '@baton/contracts';
import { CreateReturnService } from '../authorisation/create-return.service';
import { ReturnPoliciesService } from '../policy/return-policies.service';
import { ReturnClosingService } from './return-closing.service';
import { ReturnsQueryService } from './returns-query.service';

const SERVICE = returnsV1.RETURNS_SERVICE_NAME;

/** The RPCs of returns as a whole: what can come back, creating, reading, cancelling, policies. */
export type ReturnsRpcs = Pick<
  returnsV1.ReturnsServiceController,
  'getReturnable' | 'createReturn' | 'getReturn' | 'listReturns' | 'cancelReturn' | 'getReturnPolicy' | 'setReturnPolicy'
>;

/**
 * Half of the returns gRPC surface (the other half, goods and money, is
 * ReturnHandlingGrpcController; together they implement the whole generated interface — checked
 * at compile time there). Maps requests to the services and nothing else.
 */
@Controller()
export class ReturnsGrpcController implements ReturnsRpcs {
  constructor(
    private readonly queries: ReturnsQueryService,
    private readonly creation: CreateReturnService,
    private readonly closing: ReturnClosingService,
    private readonly policies: ReturnPoliciesService,
  ) {}

  @GrpcMethod(SERVICE, 'getReturnable')
  getReturnable(request: returnsV1.GetReturnableRequest): Promise<returnsV1.GetReturnableResponse> {
    return this.queries.getReturnable(request.orderId);
  }

  @GrpcMethod(SERVICE, 'createReturn')
  createReturn(request: returnsV1.CreateReturnRequest): Promise<returnsV1.CreateReturnResponse> {
    return this.creation.createReturn(request);
  }

  @GrpcMethod(SERVICE, 'getReturn')
  async getReturn(request: returnsV1.GetReturnRequest): Promise<returnsV1.GetReturnResponse> {
    return { rma: await this.queries.getReturn(request.returnId) };
  }

  @GrpcMethod(SERVICE, 'listReturns')
  listReturns(request: returnsV1.ListReturnsRequest): Promise<returnsV1.ListReturnsResponse> {
    return this.queries.listReturns(request);
  }

  @GrpcMethod(SERVICE, 'cancelReturn')
  async cancelReturn(request: returnsV1.CancelReturnRequest): Promise<returnsV1.CancelReturnResponse> {
    return { rma: await this.closing.cancelReturn(request) };
  }

  @GrpcMethod(SERVICE, 'getReturnPolicy')
  async getReturnPolicy(_request: returnsV1.GetReturnPolicyRequest): Promise<returnsV1.GetReturnPolicyResponse> {
    return { policy: await this.policies.getPolicy() };
  }

  @GrpcMethod(SERVICE, 'setReturnPolicy')
  async setReturnPolicy(request: returnsV1.SetReturnPolicyRequest): Promise<returnsV1.SetReturnPolicyResponse> {
    return { policy: await this.policies.setPolicy(request) };
  }
}
