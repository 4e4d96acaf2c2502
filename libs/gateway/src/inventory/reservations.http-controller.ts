import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { inventoryV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { ConfirmReservationsDto, ReleaseReservationsDto, ReservePlanDto } from './reservations.dto';
import { ReservationListView } from './reservation.view';

const ORDER_ID = { name: 'orderId', example: 'ORDER-2026-0001', description: 'The order the reservations are for' };

/**
 * Direct access to reservations, for integrations that source outside Baton's orders service and
 * for operators. Thin: validate, forward over gRPC, map back.
 */
@ApiTags('reservations')
@ApiBearerAuth()
@Controller('v1/reservations')
export class ReservationsHttpController {
  constructor(@Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer) {}

  @Post()
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({
    summary: 'Reserve a plan: every line or none',
    description: 'Lines for the same item and location are summed before checking. Idempotent by (order, line).',
  })
  @ApiResponse({ status: 200, type: ReservationListView })
  @ApiResponse({ status: 409, description: 'INSUFFICIENT_STOCK (details.lines names each short line) or RESERVATION_MISMATCH' })
  async reserve(@Body() body: ReservePlanDto): Promise<{ items: inventoryV1.Reservation[] }> {
    const { reservations } = await this.inventory.call('reservePlan', { ...body, ttlSeconds: body.ttlSeconds ?? 0 });
    return { items: reservations };
  }

  @Get(':orderId')
  @RequireRoles('service', 'readonly')
  @ApiOperation({ summary: 'The reservations of an order' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: ReservationListView })
  async list(@Param('orderId') orderId: string): Promise<{ items: inventoryV1.Reservation[] }> {
    const { reservations } = await this.inventory.call('listReservations', { orderId });
    return { items: reservations };
  }

  @Post(':orderId/confirm')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({ summary: 'Confirm held reservations', description: 'Confirmed reservations no longer expire.' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: ReservationListView })
  @ApiResponse({ status: 404, description: 'RESERVATION_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RESERVATION_NOT_HELD or RESERVATION_EXPIRED (details.lines names them)' })
  async confirm(@Param('orderId') orderId: string, @Body() body: ConfirmReservationsDto): Promise<{ items: inventoryV1.Reservation[] }> {
    const { reservations } = await this.inventory.call('confirmReservations', { orderId, lineIds: body.lineIds ?? [] });
    return { items: reservations };
  }

  @Post(':orderId/release')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({ summary: 'Release reservations, whole or in part', description: 'Idempotent by reference.' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: ReservationListView })
  @ApiResponse({ status: 404, description: 'RESERVATION_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RELEASE_EXCEEDS_OPEN (details.lines names them)' })
  async release(@Param('orderId') orderId: string, @Body() body: ReleaseReservationsDto): Promise<{ items: inventoryV1.Reservation[] }> {
    const { reservations } = await this.inventory.call('releaseReservations', {
      orderId,
      lines: body.lines ?? [],
      reference: body.reference,
      reason: body.reason ?? '',
    });
    return { items: reservations };
  }
}
