import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../../../auth/roles';
import { PageQueryDto, type Page } from '../../../limits/pagination';
import { ChannelConnectionPageView } from './channel-connection-page.view';
import { ChannelConnectionView } from './channel-connection.view';
import { ChannelConnectionsService } from './channel-connections.service';
import { CreateChannelConnectionDto } from './create-channel-connection.dto';

const CONNECTION_ID = { name: 'id', format: 'uuid', example: '9f3a2b1c-4d5e-4f60-8a7b-1c2d3e4f5a6b', description: 'Connection id' };

/** Channel connections (Shopify shops) of the caller's tenant. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('v1/admin/channel-connections')
export class ChannelConnectionsAdminController {
  constructor(private readonly connections: ChannelConnectionsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Connect a channel', description: 'Returns the webhook path to configure in the shop.' })
  @ApiResponse({ status: 201, type: ChannelConnectionView, description: 'The connection (without its secret)' })
  create(@Body() body: CreateChannelConnectionDto): Promise<ChannelConnectionView> {
    return this.connections.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List channel connections' })
  @ApiResponse({ status: 200, type: ChannelConnectionPageView, description: 'One page of connections' })
  list(@Query() query: PageQueryDto): Promise<Page<ChannelConnectionView>> {
    return this.connections.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a channel connection' })
  @ApiParam(CONNECTION_ID)
  @ApiResponse({ status: 200, type: ChannelConnectionView, description: 'The connection (without its secret)' })
  @ApiResponse({ status: 404, description: 'No such connection in this tenant' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ChannelConnectionView> {
    return this.connections.get(id);
  }
}
