import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles';
import { PageQueryDto, type Page } from '../limits/pagination';
import { CreateTenantDto } from './create-tenant.dto';
import { CreatedTenantView } from './created-tenant.view';
import { TenantPageView } from './tenant-page.view';
import { TenantView } from './tenant.view';
import { TenantsService } from './tenants.service';

/** Tenant administration: creating and listing tenants is for the operator's admin keys only. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('v1/admin')
export class TenantsAdminController {
  constructor(private readonly tenants: TenantsService) {}

  @Post('tenants')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a tenant',
    description: 'Operator only. Creates the tenant and its first admin key, which is shown once in this response.',
  })
  @ApiResponse({ status: 201, type: CreatedTenantView, description: 'The tenant and its first admin key' })
  @ApiResponse({ status: 400, description: 'The body is invalid; nothing was stored' })
  @ApiResponse({ status: 403, description: 'The key is not an admin key of the operator tenant' })
  @ApiResponse({ status: 409, description: 'A tenant with this id exists' })
  create(@Body() body: CreateTenantDto): Promise<CreatedTenantView> {
    return this.tenants.create(body);
  }

  @Get('tenants')
  @ApiOperation({ summary: 'List tenants', description: 'Operator only; oldest first.' })
  @ApiResponse({ status: 200, type: TenantPageView, description: 'One page of tenants' })
  @ApiResponse({ status: 403, description: 'The key is not an admin key of the operator tenant' })
  list(@Query() query: PageQueryDto): Promise<Page<TenantView>> {
    return this.tenants.list(query);
  }

  @Get('tenant')
  @ApiOperation({ summary: "The caller's own tenant" })
  @ApiResponse({ status: 200, type: TenantView, description: 'The tenant of the calling key' })
  current(): Promise<TenantView> {
    return this.tenants.current();
  }
}
