import { Controller } from '@nestjs/common';
import { GrpcMethod, GrpcStreamMethod } from '@nestjs/microservices';
import { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { type Observable, from } from 'rxjs';
import { FeedImportService } from '../feed/feed-import.service';
import { messagesOf } from '../feed/observable-chunks';

const SERVICE = inventoryV1.INVENTORY_SERVICE_NAME;

/** Stock feeds over gRPC: a client stream of a header then text chunks; maps only. */
@Controller()
export class FeedsGrpcController implements Pick<inventoryV1.InventoryServiceController, 'importFeed' | 'getFeed'> {
  constructor(private readonly feeds: FeedImportService) {}

  /**
   * Subscribes to the stream before returning, and returns an Observable rather than a Promise:
   * Nest replays messages that arrived before the handler only once the handler has returned,
   * so a handler that awaited the stream before returning would wait forever.
   */
  @GrpcStreamMethod(SERVICE, 'importFeed')
  importFeed(request: Observable<inventoryV1.ImportFeedRequest>): Observable<inventoryV1.ImportFeedResponse> {
    const messages = messagesOf(request);
    const first = messages.next();
    return from(
      (async () => {
        const opening = await first;
        const header = opening.done ? undefined : opening.value.header;
        return { result: await this.feeds.importFeed(header, chunksOf(messages)) };
      })(),
    );
  }

  @GrpcMethod(SERVICE, 'getFeed')
  async getFeed(request: inventoryV1.GetFeedRequest): Promise<inventoryV1.GetFeedResponse> {
    return { result: await this.feeds.getFeed(request) };
  }
}

async function* chunksOf(messages: AsyncIterable<inventoryV1.ImportFeedRequest>): AsyncGenerator<string> {
  for await (const message of messages) {
    if (message.header) throw new ValidationError([{ field: 'header', message: 'must be sent once, as the first message' }]);
    if (message.chunk) yield message.chunk;
  }
}
