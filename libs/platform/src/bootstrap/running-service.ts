import type { INestApplication } from '@nestjs/common';
import type { ServiceConfig } from '../config/service-config';

/** A started service: its Nest app, where it listens, and how to stop it. */
export interface RunningService {
  app: INestApplication;
  service: string;
  config: ServiceConfig;
  /** Base URL of the HTTP server, with the real port when configured with port 0. */
  httpUrl: string;
  /** gRPC bind address, when the service serves gRPC. */
  grpcUrl: string | undefined;
  /** Marks the service not ready and closes the app (idempotent). */
  close(): Promise<void>;
}
