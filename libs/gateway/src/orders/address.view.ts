import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AddressView {
  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ example: 'Damrak 1' })
  line1!: string;

  @ApiProperty({ example: '' })
  line2!: string;

  @ApiProperty({ example: 'Amsterdam' })
  city!: string;

  @ApiProperty({ example: '1012 LG' })
  postalCode!: string;

  @ApiProperty({ example: 'NL' })
  country!: string;

  @ApiPropertyOptional({ example: 52.3731 })
  latitude?: number;

  @ApiPropertyOptional({ example: 4.8926 })
  longitude?: number;
}
