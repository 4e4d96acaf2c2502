import { type GrpcOptions, Transport } from '@nestjs/microservices';
import { GRPC_SERVICES, PROTO_ROOT, type GrpcServiceName } from '@baton/contracts';
import { GRPC_LOADER_OPTIONS, protoPathOf } from './grpc-loader-options';

/** Nest microservice options serving one Baton gRPC service on `url` (host:port). */
export function grpcServerOptions(name: GrpcServiceName, url: string): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      package: GRPC_SERVICES[name].package,
      protoPath: protoPathOf(name),
      url,
      gracefulShutdown: true,
      loader: { ...GRPC_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] },
    },
  };
}
