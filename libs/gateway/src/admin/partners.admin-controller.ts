import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles';
import { PageQueryDto, type Page } from '../limits/pagination';
import { CreatePartnerDto } from './create-partner.dto';
import { EntityIdPipe } from './entity-id.pipe';
import { PartnerPageView } from './partner-page.view';
import { PartnerView } from './partner.view';
import { PartnersService } from './partners.service';
import { UpdatePartnerDto } from './update-partner.dto';

const PARTNER_ID = { name: 'id', example: 'franchise-north', description: 'Partner id' };

/** Partners (merchants, franchisees) of the caller's tenant and the locations they own. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('v1/admin/partners')
export class PartnersAdminController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a partner', description: 'A location can belong to one partner only.' })
  @ApiResponse({ status: 201, type: PartnerView, description: 'The partner' })
  @ApiResponse({ status: 400, description: 'The body is invalid; nothing was stored' })
  @ApiResponse({ status: 409, description: 'The id is taken, or a location belongs to another partner' })
  create(@Body() body: CreatePartnerDto): Promise<PartnerView> {
    return this.partners.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List partners', description: 'Ordered by id.' })
  @ApiResponse({ status: 200, type: PartnerPageView, description: 'One page of partners' })
  list(@Query() query: PageQueryDto): Promise<Page<PartnerView>> {
    return this.partners.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a partner' })
  @ApiParam(PARTNER_ID)
  @ApiResponse({ status: 200, type: PartnerView, description: 'The partner' })
  @ApiResponse({ status: 404, description: 'No such partner in this tenant' })
  get(@Param('id', EntityIdPipe) id: string): Promise<PartnerView> {
    return this.partners.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a partner or replace its locations' })
  @ApiParam(PARTNER_ID)
  @ApiResponse({ status: 200, type: PartnerView, description: 'The partner after the change' })
  @ApiResponse({ status: 400, description: 'The body is invalid; nothing was stored' })
  @ApiResponse({ status: 404, description: 'No such partner in this tenant' })
  @ApiResponse({ status: 409, description: 'A location belongs to another partner' })
  update(@Param('id', EntityIdPipe) id: string, @Body() body: UpdatePartnerDto): Promise<PartnerView> {
    return this.partners.update(id, body);
  }
}
