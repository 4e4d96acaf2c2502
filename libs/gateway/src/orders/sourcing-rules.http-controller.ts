import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ordersV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { ORDERS_PEER, OrdersPeer } from '../grpc-peers';
import { SaveSourcingRulesDto } from './sourcing-rules.dto';

const VERSION = { name: 'version', example: 3, description: 'Rules version (0 = the active one)' };

/**
 * A tenant's sourcing rules as versioned data: read them, save a new draft, try it (POST
 * /v1/promise with rulesVersion), activate it. Changing rules is for admin keys only.
 */
@ApiTags('sourcing rules')
@ApiBearerAuth()
@Controller('v1/sourcing-rules')
export class SourcingRulesHttpController {
  constructor(@Inject(ORDERS_PEER) private readonly orders: OrdersPeer) {}

  @Get()
  @RequireRoles('service', 'readonly')
  @ApiOperation({ summary: 'Every version of the sourcing rules, newest first (version 0 = built-in defaults)' })
  @ApiResponse({ status: 200, description: '{ ruleSets: SourcingRuleSet[] }' })
  list(): Promise<ordersV1.ListSourcingRulesResponse> {
    return this.orders.call('listSourcingRules', {});
  }

  @Get(':version')
  @RequireRoles('service', 'readonly')
  @ApiOperation({ summary: 'One version of the sourcing rules' })
  @ApiParam(VERSION)
  @ApiResponse({ status: 200, description: '{ ruleSet }' })
  @ApiResponse({ status: 404, description: 'No such version' })
  get(@Param('version', ParseIntPipe) version: number): Promise<ordersV1.GetSourcingRulesResponse> {
    return this.orders.call('getSourcingRules', { version });
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Save a new draft version of the sourcing rules', description: 'Admin only. Try it with POST /v1/promise {rulesVersion}.' })
  @ApiResponse({ status: 201, description: '{ ruleSet } with status draft' })
  @ApiResponse({ status: 400, description: 'The rules are invalid; every bad field is named as rules.<path>' })
  save(@Body() body: SaveSourcingRulesDto): Promise<ordersV1.SaveSourcingRulesDraftResponse> {
    const rules = body.rules;
    return this.orders.call('saveSourcingRulesDraft', {
      note: body.note ?? '',
      rules: {
        ...rules,
        carrierServices: rules.carrierServices.map((s) => ({
          ...s,
          carrier: s.carrier ?? '',
          name: s.name ?? '',
          transitDaysByZone: s.transitDaysByZone ?? {},
          zones: s.zones.map((z) => ({ code: z.code, countries: z.countries ?? [], maxDistanceKm: z.maxDistanceKm })),
        })),
      },
    });
  }

  @Post(':version/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make a draft version the active sourcing rules', description: 'Admin only. The version active before is retired.' })
  @ApiParam(VERSION)
  @ApiResponse({ status: 200, description: '{ ruleSet } with status active' })
  @ApiResponse({ status: 404, description: 'No such version' })
  @ApiResponse({ status: 422, description: 'The version was retired' })
  activate(@Param('version', ParseIntPipe) version: number): Promise<ordersV1.ActivateSourcingRulesResponse> {
    return this.orders.call('activateSourcingRules', { version });
  }
}
