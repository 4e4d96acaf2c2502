import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../auth/roles';
import { PageQueryDto, type Page } from '../limits/pagination';
import { ApiKeyAdminService } from './api-key-admin.service';
import { ApiKeyPageView } from './api-key-page.view';
import { ApiKeyView } from './api-key.view';
import { IssueApiKeyDto } from './issue-api-key.dto';
import { IssuedApiKeyView } from './issued-api-key.view';
import { RotateApiKeyDto } from './rotate-api-key.dto';

const KEY_ID = { name: 'id', format: 'uuid', example: '5b0c7d38-2a55-4d8e-8a0e-3f1d6c9b7a21', description: 'API key id' };

/** API keys of the caller's tenant: issued once, listed without the secret, rotated, revoked. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('v1/admin/api-keys')
export class ApiKeysAdminController {
  constructor(private readonly keys: ApiKeyAdminService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue an API key', description: 'The key is in this response only; store it now.' })
  @ApiResponse({ status: 201, type: IssuedApiKeyView, description: 'The new key, shown once' })
  @ApiResponse({ status: 400, description: 'The body is invalid (e.g. a partner key with the channel role); nothing was stored' })
  issue(@Body() body: IssueApiKeyDto): Promise<IssuedApiKeyView> {
    return this.keys.issue(body);
  }

  @Get()
  @ApiOperation({ summary: 'List API keys', description: 'Oldest first; keys are never shown, only their prefixes.' })
  @ApiResponse({ status: 200, type: ApiKeyPageView, description: 'One page of keys' })
  list(@Query() query: PageQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an API key' })
  @ApiParam(KEY_ID)
  @ApiResponse({ status: 200, type: ApiKeyView, description: 'The key (without the secret)' })
  @ApiResponse({ status: 404, description: 'No such key in this tenant' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyView> {
    return this.keys.get(id);
  }

  @Post(':id/rotate')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rotate an API key',
    description: 'Issues a new key with the same roles; the old key stays valid for the grace period, then expires.',
  })
  @ApiParam(KEY_ID)
  @ApiResponse({ status: 201, type: IssuedApiKeyView, description: 'The new key, shown once' })
  @ApiResponse({ status: 404, description: 'No such key in this tenant' })
  @ApiResponse({ status: 409, description: 'The key is revoked, expired or already rotated' })
  rotate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RotateApiKeyDto): Promise<IssuedApiKeyView> {
    return this.keys.rotate(id, body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Ends the key now. Revoking twice answers the same.' })
  @ApiParam(KEY_ID)
  @ApiResponse({ status: 200, type: ApiKeyView, description: 'The revoked key' })
  @ApiResponse({ status: 404, description: 'No such key in this tenant' })
  revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyView> {
    return this.keys.revoke(id);
  }
}
