import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { returnsV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { RETURNS_PEER, type ReturnsPeer } from '../grpc-peers';
import { DisposeReturnDto, InspectReturnDto, ReasonDto, ReceiveReturnDto, RefundConfirmationDto } from './return-actions.dto';
import { ReturnAccess } from './return-access';
import { ReturnView } from './return.view';
import { RETURN_ID } from './returns.http-controller';

/**
 * What happens to a return's goods and money: receipt at a location, inspection per unit,
 * disposition (which completes the return and requests the refund), rejection, and the payment
 * side's refund confirmation. Thin: validate, forward, map back.
 */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('v1/returns')
export class ReturnHandlingHttpController {
  constructor(
    @Inject(RETURNS_PEER) private readonly returns: ReturnsPeer,
    private readonly access: ReturnAccess,
  ) {}

  @Post(':id/receive')
  @HttpCode(200)
  @RequireRoles('store', 'service', 'partner')
  @ApiOperation({
    summary: 'Receive units of a return at a location',
    description: 'Any location that accepts returns; in several parts; items not on the return go in unexpected. A repeated receiptId records nothing new.',
  })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 409, description: 'RECEIPT_EXCEEDS_AUTHORISED: more units of a line than the return authorised' })
  @ApiResponse({ status: 422, description: 'ILLEGAL_TRANSITION (inspection closed) or LOCATION_NOT_ACCEPTING_RETURNS' })
  async receiveReturn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReceiveReturnDto): Promise<returnsV1.Return> {
    await this.access.assertOwnLocation(body.locationId, 'locationId');
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('receiveReturn', {
      returnId: id,
      receiptId: body.receiptId,
      locationId: body.locationId,
      lines: body.lines ?? [],
      unexpected: (body.unexpected ?? []).map((item) => ({ sku: item.sku, quantity: item.quantity, note: item.note ?? '' })),
    });
    return rma as returnsV1.Return;
  }

  @Post(':id/inspect')
  @HttpCode(200)
  @RequireRoles('store', 'service', 'partner')
  @ApiOperation({
    summary: 'Grade received units',
    description: 'resellable, damaged, defective, wrong_item or missing. finish (default true) closes the inspection; units that never arrived become missing.',
  })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 422, description: 'INSPECTION_INCOMPLETE (ungraded units listed) or ILLEGAL_TRANSITION' })
  async inspectReturn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InspectReturnDto): Promise<returnsV1.Return> {
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('inspectReturn', {
      returnId: id,
      grades: body.grades.map((g) => ({ unitId: g.unitId, grade: g.grade, note: g.note ?? '' })),
      finish: body.finish ?? true,
    });
    return rma as returnsV1.Return;
  }

  @Post(':id/dispose')
  @HttpCode(200)
  @RequireRoles('store', 'service', 'partner')
  @ApiOperation({
    summary: 'Decide where every unit goes and complete the return',
    description:
      'restock (at the receiving location), transfer, refurbish, write_off, return_to_vendor; units not named follow the tenant rules. ' +
      'Requests the refund from the price paid.',
  })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 400, description: 'A unit, disposition or target location is invalid; nothing changed' })
  @ApiResponse({ status: 422, description: 'ILLEGAL_TRANSITION: only an inspected return is disposed' })
  async disposeReturn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DisposeReturnDto): Promise<returnsV1.Return> {
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('disposeReturn', {
      returnId: id,
      units: (body.units ?? []).map((u) => ({ unitId: u.unitId, disposition: u.disposition ?? '', targetLocationId: u.targetLocationId ?? '' })),
    });
    return rma as returnsV1.Return;
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequireRoles('store', 'service', 'partner')
  @ApiOperation({ summary: 'Reject a received return', description: 'No refund; nothing is restocked.' })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 422, description: 'ILLEGAL_TRANSITION: only a received or inspected return is rejected' })
  async rejectReturn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto): Promise<returnsV1.Return> {
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('rejectReturn', { returnId: id, reason: body.reason });
    return rma as returnsV1.Return;
  }

  @Post(':id/refund-confirmation')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({
    summary: 'Confirm (or fail) a requested refund',
    description: 'The payment side answers returns.refund.requested.v1. Repeating the same answer changes nothing.',
  })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 404, description: 'REFUND_NOT_FOUND: no such requested refund on this return' })
  @ApiResponse({ status: 409, description: 'REFUND_ALREADY_SETTLED with another outcome' })
  async confirmRefund(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RefundConfirmationDto): Promise<returnsV1.Return> {
    const { rma } = await this.returns.call('confirmRefund', {
      returnId: id,
      refundId: body.refundId,
      outcome: body.outcome,
      paymentReference: body.paymentReference ?? '',
      message: body.message ?? '',
    });
    return rma as returnsV1.Return;
  }
}
