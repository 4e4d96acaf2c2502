import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequireRoles } from '../auth/roles';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';
import { FulfillmentAccess } from './fulfillment-access';
import { LabelQuery } from './fulfillment-queries.dto';

/** Shipping labels, as documents to print. */
@ApiTags('fulfillments')
@ApiBearerAuth()
@Controller('v1/shipments')
export class ShipmentsHttpController {
  constructor(
    @Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer,
    private readonly access: FulfillmentAccess,
  ) {}

  @Get(':id/label')
  @RequireRoles('store', 'service', 'partner')
  @ApiOperation({ summary: "A shipment's label", description: 'A one-page 4×6 inch PDF, or ZPL for thermal printers (format=zpl).' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'Shipment id (from the fulfilment’s shipments)' })
  @ApiProduces('application/pdf', 'application/zpl')
  @ApiResponse({ status: 200, description: 'The label document' })
  @ApiResponse({ status: 404, description: 'SHIPMENT_NOT_FOUND' })
  async label(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: LabelQuery, @Res() res: Response): Promise<void> {
    const label = await this.fulfillments.call('getShipmentLabel', { shipmentId: id, format: query.format ?? 'pdf' });
    await this.access.visible(label.fulfillmentId);
    res
      .status(200)
      .type(label.contentType)
      .setHeader('Content-Disposition', `inline; filename="${label.filename}"`)
      .send(Buffer.from(label.content));
  }
}
