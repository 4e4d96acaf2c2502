import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition, type ServiceDefinition } from '@grpc/proto-loader';
import type { Observable } from 'rxjs';
import { GRPC_SERVICES, PROTO_ROOT, type GrpcServiceName } from '@baton/contracts';
import { currentContext } from '../context/request-context';
import { fromGrpcError } from '../errors/rpc-error';
import { GRPC_LOADER_OPTIONS, protoPathOf } from './grpc-loader-options';
import { metadataFromContext } from './grpc-metadata';

/** The unary RPC names of a ts-proto client interface (camelCase). */
export type PeerMethod<TClient> = {
  [K in keyof TClient]: TClient[K] extends (request: never, ...rest: never[]) => Observable<unknown> ? K : never;
}[keyof TClient] &
  string;

export type PeerRequest<TClient, K extends PeerMethod<TClient>> = TClient[K] extends (request: infer R, ...rest: never[]) => unknown
  ? R
  : never;

export type PeerResponse<TClient, K extends PeerMethod<TClient>> = TClient[K] extends (...args: never[]) => Observable<infer R>
  ? R
  : never;

const definitions = new Map<GrpcServiceName, ServiceDefinition>();

function serviceDefinition(name: GrpcServiceName): ServiceDefinition {
  let definition = definitions.get(name);
  if (!definition) {
    const { package: pkg, service } = GRPC_SERVICES[name];
    const loaded = loadSync(protoPathOf(name), { ...GRPC_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] });
    definition = loaded[`${pkg}.${service}`] as ServiceDefinition;
    definitions.set(name, definition);
  }
  return definition;
}

/**
 * A typed client for another Baton service. Every call carries the current request context as
 * metadata (so the callee sees the same tenant and correlation id), has a deadline, and fails with
 * a RemoteError that keeps the callee's error kind and code.
 */
export class GrpcPeer<TClient> {
  private readonly client: Client;
  private readonly methods: Map<string, MethodDefinition<object, object>>;

  constructor(
    readonly service: GrpcServiceName,
    readonly address: string,
    readonly timeoutMs: number,
  ) {
    this.client = new Client(address, credentials.createInsecure());
    this.methods = new Map();
    for (const [rpcName, method] of Object.entries(serviceDefinition(service))) {
      this.methods.set(method.originalName ?? rpcName.charAt(0).toLowerCase() + rpcName.slice(1), method);
    }
  }

  /** Calls one unary RPC by its camelCase (ts-proto) name. */
  call<K extends PeerMethod<TClient>>(method: K, request: PeerRequest<TClient, K>): Promise<PeerResponse<TClient, K>> {
    const definition = this.methods.get(method);
    if (!definition || definition.requestStream || definition.responseStream) {
      return Promise.reject(new Error(`${GRPC_SERVICES[this.service].service} has no unary method ${method}`));
    }
    const metadata = metadataFromContext(currentContext());
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest<object, object>(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request as object,
        metadata,
        { deadline: Date.now() + this.timeoutMs },
        (error: ServiceError | null, response?: object) => {
          if (error) reject(fromGrpcError(error));
          else resolve(response as PeerResponse<TClient, K>);
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
