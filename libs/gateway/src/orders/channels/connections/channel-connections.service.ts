import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { decodeCursor, pageSize, toPage, type Page, type PageQueryDto } from '../../../limits/pagination';
import type { ChannelConnectionEntity } from './channel-connection.entity';
import type { ChannelConnectionView } from './channel-connection.view';
import { ChannelConnectionsRepository } from './channel-connections.repository';
import type { CreateChannelConnectionDto } from './create-channel-connection.dto';

/** Channel connections of the caller's tenant; their secrets go in and never come out. */
@Injectable()
export class ChannelConnectionsService {
  constructor(private readonly connections: ChannelConnectionsRepository) {}

  async create(dto: CreateChannelConnectionDto): Promise<ChannelConnectionView> {
    const row = await this.connections.insert({
      id: randomUUID(),
      type: dto.type,
      channel: dto.channel ?? dto.type,
      name: dto.name,
      sharedSecret: dto.sharedSecret,
    });
    return toView(row);
  }

  async get(id: string): Promise<ChannelConnectionView> {
    const row = await this.connections.find(id);
    if (!row) throw new DomainError('not_found', 'CHANNEL_CONNECTION_NOT_FOUND', `Channel connection ${id} does not exist`, { id });
    return toView(row);
  }

  async list(query: PageQueryDto): Promise<Page<ChannelConnectionView>> {
    const limit = pageSize(query);
    const rows = await this.connections.list(decodeCursor(query.cursor, 2), limit + 1);
    return toPage(rows, limit, (c) => [c.createdAt.toISOString(), c.id], toView);
  }
}

function toView(row: ChannelConnectionEntity): ChannelConnectionView {
  return {
    id: row.id,
    type: row.type,
    channel: row.channel,
    name: row.name,
    webhookPath: `/v1/channels/${row.type}/${row.id}/orders`,
    createdAt: row.createdAt.toISOString(),
  };
}
