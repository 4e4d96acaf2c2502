import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { returnsV1 } from '@baton/contracts';
import { DispositionService } from '../disposition/disposition.service';
import { InspectionService } from '../receipt/inspection.service';
import { ReturnReceivingService } from '../receipt/return-receiving.service';
import { RefundConfirmationService } from '../refund/refund-confirmation.service';
import { ReturnClosingService } from './return-closing.service';
import type { ReturnsRpcs } from './returns.grpc-controller';

const SERVICE = returnsV1.RETURNS_SERVICE_NAME;

/** The RPCs that move goods and money: in transit, receive, inspect, dispose, reject, refund confirmation. */
export type ReturnHandlingRpcs = Pick<
  returnsV1.ReturnsServiceController,
  'markInTransit' | 'receiveReturn' | 'inspectReturn' | 'disposeReturn' | 'rejectReturn' | 'confirmRefund'
>;

/** Compile-time proof that the two controllers together serve every RPC of the contract. */
type Uncovered = Exclude<keyof returnsV1.ReturnsServiceController, keyof ReturnsRpcs | keyof ReturnHandlingRpcs>;
export const EVERY_RETURNS_RPC_IS_SERVED: [Uncovered] extends [never] ? true : Uncovered = true;

/** The other half of the returns gRPC surface (see ReturnsGrpcController); maps only. */
@Controller()
export class ReturnHandlingGrpcController implements ReturnHandlingRpcs {
  constructor(
    private readonly receiving: ReturnReceivingService,
    private readonly inspection: InspectionService,
    private readonly disposition: DispositionService,
    private readonly closing: ReturnClosingService,
    private readonly refunds: RefundConfirmationService,
  ) {}

  @GrpcMethod(SERVICE, 'markInTransit')
  async markInTransit(request: returnsV1.MarkInTransitRequest): Promise<returnsV1.MarkInTransitResponse> {
    return { rma: await this.receiving.markInTransit(request) };
  }

  @GrpcMethod(SERVICE, 'receiveReturn')
  async receiveReturn(request: returnsV1.ReceiveReturnRequest): Promise<returnsV1.ReceiveReturnResponse> {
    return { rma: await this.receiving.receiveReturn(request) };
  }

  @GrpcMethod(SERVICE, 'inspectReturn')
  async inspectReturn(request: returnsV1.InspectReturnRequest): Promise<returnsV1.InspectReturnResponse> {
    return { rma: await this.inspection.inspectReturn(request) };
  }

  @GrpcMethod(SERVICE, 'disposeReturn')
  async disposeReturn(request: returnsV1.DisposeReturnRequest): Promise<returnsV1.DisposeReturnResponse> {
    return { rma: await this.disposition.disposeReturn(request) };
  }

  @GrpcMethod(SERVICE, 'rejectReturn')
  async rejectReturn(request: returnsV1.RejectReturnRequest): Promise<returnsV1.RejectReturnResponse> {
    return { rma: await this.closing.rejectReturn(request) };
  }

  @GrpcMethod(SERVICE, 'confirmRefund')
  async confirmRefund(request: returnsV1.ConfirmRefundRequest): Promise<returnsV1.ConfirmRefundResponse> {
    return { rma: await this.refunds.confirmRefund(request) };
  }
}
