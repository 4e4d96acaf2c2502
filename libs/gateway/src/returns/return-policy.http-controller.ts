import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { returnsV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { RETURNS_PEER, type ReturnsPeer } from '../grpc-peers';
import { ReturnPolicyDto, ReturnPolicyView } from './return-policy.dto';

/** The tenant's return policy: readable by every key that handles returns, replaced by admins only. */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('v1/return-policy')
export class ReturnPolicyHttpController {
  constructor(@Inject(RETURNS_PEER) private readonly returns: ReturnsPeer) {}

  @Get()
  @RequireRoles('channel', 'store', 'service', 'readonly', 'partner')
  @ApiOperation({ summary: "The tenant's return policy (the defaults until one is set)" })
  @ApiResponse({ status: 200, type: ReturnPolicyView })
  async getPolicy(): Promise<returnsV1.ReturnPolicy> {
    const { policy } = await this.returns.call('getReturnPolicy', {});
    return policy as returnsV1.ReturnPolicy;
  }

  @Put()
  @ApiOperation({ summary: "Replace the tenant's return policy (admin)", description: 'Window, reasons, rules, fees, disposition rules.' })
  @ApiResponse({ status: 200, type: ReturnPolicyView })
  @ApiResponse({ status: 400, description: 'A field or a named location is invalid; the stored policy is unchanged' })
  async setPolicy(@Body() body: ReturnPolicyDto): Promise<returnsV1.ReturnPolicy> {
    const { policy } = await this.returns.call('setReturnPolicy', {
      policy: {
        returnWindowDays: body.returnWindowDays,
        reasons: body.reasons,
        nonReturnableSkus: body.nonReturnableSkus ?? [],
        finalSaleSkus: body.finalSaleSkus ?? [],
        restockingFeeBps: body.restockingFeeBps ?? 0,
        shippingRefund: body.shippingRefund ?? 'merchant_fault',
        defaultMailLocationId: body.defaultMailLocationId ?? '',
        dispositionRules: (body.dispositionRules ?? []).map((rule) => ({
          grade: rule.grade,
          skuPattern: rule.skuPattern ?? '',
          disposition: rule.disposition,
          targetLocationId: rule.targetLocationId ?? '',
        })),
        refundableGrades: body.refundableGrades ?? [],
        version: 0,
        updatedAt: '',
      },
    });
    return policy as returnsV1.ReturnPolicy;
  }
}
