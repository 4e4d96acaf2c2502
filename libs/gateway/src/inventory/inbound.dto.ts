import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../limits/pagination';
import { IDENTIFIER, IDENTIFIER_MESSAGE, MAX_QUANTITY, UUID_EXAMPLE } from './inventory-vocabulary';

export const INBOUND_KINDS = ['purchase_order', 'asn', 'transfer'] as const;
export const INBOUND_STATUSES = ['open', 'partially_received', 'received', 'closed'] as const;

export class InboundLineDto {
  @ApiProperty({ example: '1' })
  @Matches(IDENTIFIER, { message: `lineId ${IDENTIFIER_MESSAGE}` })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid', description: 'Destination' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ example: 120, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  expectedQuantity!: number;

  @ApiProperty({ example: '2026-11-05T09:00:00Z' })
  @IsISO8601({ strict: true })
  eta!: string;
}

export class CreateInboundDto {
  @ApiProperty({ enum: ['purchase_order', 'asn'], example: 'purchase_order' })
  @IsIn(['purchase_order', 'asn'])
  kind!: 'purchase_order' | 'asn';

  @ApiProperty({ example: 'PO-2026-0042', description: 'The PO / ASN number; creating it again is idempotent' })
  @IsString()
  @Length(1, 100)
  reference!: string;

  @ApiPropertyOptional({ example: 'ACME Textiles' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supplier?: string;

  @ApiProperty({ type: [InboundLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InboundLineDto)
  lines!: InboundLineDto[];
}

export class TransferLineDto {
  @ApiProperty({ example: '1' })
  @Matches(IDENTIFIER, { message: `lineId ${IDENTIFIER_MESSAGE}` })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: 12, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class TransferDto {
  @ApiProperty({ example: 'TR-2026-0007', description: 'The transfer number; sending it again is idempotent' })
  @IsString()
  @Length(1, 100)
  reference!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  @IsUUID()
  fromLocationId!: string;

  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', format: 'uuid' })
  @IsUUID()
  toLocationId!: string;

  @ApiProperty({ type: [TransferLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TransferLineDto)
  lines!: TransferLineDto[];

  @ApiProperty({ example: '2026-11-03T12:00:00Z' })
  @IsISO8601({ strict: true })
  eta!: string;

  @ApiPropertyOptional({ example: 'replenish store' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReceiptLineDto {
  @ApiProperty({ example: '1' })
  @Matches(IDENTIFIER, { message: `lineId ${IDENTIFIER_MESSAGE}` })
  lineId!: string;

  @ApiProperty({ example: 60, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ReceiveInboundDto {
  @ApiProperty({ example: 'GRN-2026-0099', description: 'The dock receipt; sending it again books nothing' })
  @IsString()
  @Length(1, 100)
  receiptId!: string;

  @ApiProperty({ type: [ReceiptLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines!: ReceiptLineDto[];

  @ApiPropertyOptional({ example: false, description: 'Close the supply after this receipt (the rest is recorded short)' })
  @IsOptional()
  @IsBoolean()
  close?: boolean;
}

export class CloseInboundDto {
  @ApiPropertyOptional({ example: 'supplier cancelled the rest' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListInboundQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: INBOUND_KINDS, example: 'purchase_order' })
  @IsOptional()
  @IsIn(INBOUND_KINDS)
  kind?: string;

  @ApiPropertyOptional({ enum: INBOUND_STATUSES, example: 'open' })
  @IsOptional()
  @IsIn(INBOUND_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: 'TSHIRT-BLUE-M' })
  @IsOptional()
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku?: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'Destination; required for a partner key' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}
