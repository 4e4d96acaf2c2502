import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { GRPC_SERVICES, PROTO_ROOT, type inventoryV1 } from '@baton/contracts';
import { GRPC_LOADER_OPTIONS, currentContext, fromGrpcError, metadataFromContext, protoPathOf } from '@baton/platform';

/**
 * Sends a feed over inventory's client-streaming ImportFeed RPC: the header, then the text in
 * chunks of `chunkSize` characters (cutting rows anywhere, as a real upload does).
 */
export function streamFeed(
  address: string,
  header: inventoryV1.FeedHeader,
  text: string,
  chunkSize = 64 * 1024,
): Promise<inventoryV1.ImportFeedResponse> {
  const { package: pkg, service } = GRPC_SERVICES.inventory;
  const definition = loadSync(protoPathOf('inventory'), { ...GRPC_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] })[
    `${pkg}.${service}`
  ] as Record<string, MethodDefinition<object, object>>;
  const method = definition.ImportFeed;
  const client = new Client(address, credentials.createInsecure());
  return new Promise<inventoryV1.ImportFeedResponse>((resolve, reject) => {
    const call = client.makeClientStreamRequest<object, object>(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      metadataFromContext(currentContext()),
      { deadline: Date.now() + 120_000 },
      (error: ServiceError | null, response?: object) => {
        client.close();
        if (error) reject(fromGrpcError(error));
        else resolve(response as inventoryV1.ImportFeedResponse);
      },
    );
    call.write({ header });
    for (let i = 0; i < text.length; i += chunkSize) call.write({ chunk: text.slice(i, i + chunkSize) });
    call.end();
  });
}
