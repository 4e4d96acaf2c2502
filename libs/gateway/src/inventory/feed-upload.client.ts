import { Client, type ClientWritableStream, credentials, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { GRPC_SERVICES, PROTO_ROOT, type inventoryV1 } from '@baton/contracts';
import { GRPC_LOADER_OPTIONS, currentContext, fromGrpcError, metadataFromContext, protoPathOf } from '@baton/platform';

const CHUNK_CHARACTERS = 256 * 1024;
const MIN_DEADLINE_MS = 10 * 60_000;

/**
 * The client of inventory's client-streaming ImportFeed RPC (GrpcPeer speaks unary calls only):
 * sends the header, then the feed text in chunks, honouring the stream's back-pressure, with the
 * request context as metadata and the callee's refusals kept (RemoteError with kind and code).
 */
export class FeedUploadClient {
  private readonly client: Client;
  private readonly method: MethodDefinition<object, object>;

  constructor(
    address: string,
    private readonly timeoutMs: number,
  ) {
    const { package: pkg, service } = GRPC_SERVICES.inventory;
    const definition = loadSync(protoPathOf('inventory'), { ...GRPC_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] })[
      `${pkg}.${service}`
    ] as Record<string, MethodDefinition<object, object>>;
    this.method = definition.ImportFeed;
    this.client = new Client(address, credentials.createInsecure());
  }

  upload(header: inventoryV1.FeedHeader, text: string): Promise<inventoryV1.FeedResult> {
    return new Promise<inventoryV1.FeedResult>((resolve, reject) => {
      const call: ClientWritableStream<object> = this.client.makeClientStreamRequest<object, object>(
        this.method.path,
        this.method.requestSerialize,
        this.method.responseDeserialize,
        metadataFromContext(currentContext()),
        { deadline: Date.now() + Math.max(this.timeoutMs, MIN_DEADLINE_MS) },
        (error: ServiceError | null, response?: object) => {
          if (error) reject(fromGrpcError(error));
          else resolve((response as inventoryV1.ImportFeedResponse).result as inventoryV1.FeedResult);
        },
      );
      void send(call, header, text).catch(reject);
    });
  }

  close(): void {
    this.client.close();
  }
}

async function send(call: ClientWritableStream<object>, header: inventoryV1.FeedHeader, text: string): Promise<void> {
  const write = (message: inventoryV1.ImportFeedRequest) =>
    call.write(message) ? Promise.resolve() : new Promise<void>((resolve) => call.once('drain', () => resolve()));
  await write({ header });
  for (let offset = 0; offset < text.length; offset += CHUNK_CHARACTERS) {
    await write({ chunk: text.slice(offset, offset + CHUNK_CHARACTERS) });
  }
  call.end();
}
