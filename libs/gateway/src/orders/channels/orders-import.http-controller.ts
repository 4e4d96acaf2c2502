import { Body, Controller, HttpCode, Post, Query, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../../auth/roles';
import { ImportQueryDto } from './import-query.dto';
import { ImportResultView } from './import-result.view';
import { OrdersImportService } from './orders-import.service';

const EXAMPLE_CSV = [
  'channel_order_id,customer_email,currency,ship_to_name,ship_to_line1,ship_to_city,ship_to_postal_code,ship_to_country,sku,quantity,unit_price_minor',
  'B2B-1001,buyer@shop.example,EUR,Shop Utrecht,Oudegracht 1,Utrecht,3511 AB,NL,TSHIRT-BLUE-M,20,1250',
  'B2B-1001,buyer@shop.example,EUR,Shop Utrecht,Oudegracht 1,Utrecht,3511 AB,NL,TSHIRT-RED-L,10,1250',
].join('\n');

/** CSV batch import of B2B orders. */
@ApiTags('channels')
@ApiBearerAuth()
@Controller('v1/orders/import')
export class OrdersImportHttpController {
  constructor(private readonly imports: OrdersImportService) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('channel')
  @ApiOperation({
    summary: 'Import B2B orders from CSV',
    description:
      'One row per order line; rows with the same channel_order_id are one order. Columns: channel_order_id, customer_email, ' +
      'currency, delivery_method (optional), ship_to_name, ship_to_line1, ship_to_line2 (optional), ship_to_city, ' +
      'ship_to_postal_code, ship_to_country, sku, quantity, unit_price_minor. A bad order is reported with its rows and does ' +
      'not stop the others; re-sending a file places only what is new.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: EXAMPLE_CSV } })
  @ApiResponse({ status: 200, type: ImportResultView, description: 'The outcome of every order in the file' })
  @ApiResponse({ status: 400, description: 'The file is not valid CSV of these columns; nothing was placed' })
  @ApiResponse({ status: 413, description: 'The file is larger than GATEWAY_MAX_IMPORT_BYTES' })
  @ApiResponse({ status: 415, description: 'The body is not text/csv' })
  @ApiResponse({ status: 503, description: 'A service did not answer; orders placed so far stay placed' })
  importCsv(@Body() body: unknown, @Query() query: ImportQueryDto): Promise<ImportResultView> {
    if (body !== undefined && typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the orders as text/csv');
    return this.imports.importCsv(body ?? '', query.channel ?? 'b2b');
  }
}
