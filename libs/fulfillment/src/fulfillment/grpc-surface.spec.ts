import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROTO_ROOT } from '@baton/contracts';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { NetworkGrpcController } from '../carriers/network.grpc-controller';
import { ShippingGrpcController } from '../shipping/shipping.grpc-controller';
import { FulfillmentsGrpcController } from './fulfillments.grpc-controller';

describe('fulfillment gRPC surface', () => {
  it('serves every RPC of the contract exactly once', () => {
    const proto = readFileSync(join(PROTO_ROOT, 'baton/fulfillment/v1/fulfillment.proto'), 'utf8');
    const rpcs = [...proto.matchAll(/^\s*rpc (\w+)\(/gm)].map((m) => m[1].charAt(0).toLowerCase() + m[1].slice(1)).sort();
    const served = [FulfillmentsGrpcController, ShippingGrpcController, NetworkGrpcController]
      .flatMap((controller) =>
        Object.getOwnPropertyNames(controller.prototype).filter((name) => Reflect.getMetadata(PATTERN_METADATA, (controller.prototype as unknown as Record<string, object>)[name]) !== undefined),
      )
      .sort();
    expect(rpcs.length).toBeGreaterThan(20);
    expect(served).toEqual(rpcs);
  });
});
