import { ApiProperty } from '@nestjs/swagger';
import { ChannelConnectionView } from './channel-connection.view';

export class ChannelConnectionPageView {
  @ApiProperty({ type: [ChannelConnectionView] })
  items!: ChannelConnectionView[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
