import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { GatewaySettings } from '../gateway-config';

/** The exact bytes of a JSON body, kept for signature checks (a webhook's HMAC is over the raw body). */
export interface RawBodyRequest {
  rawBody?: Buffer;
}

const ACCEPTED_TYPES = ['application/json', 'application/*+json', 'text/csv', 'text/plain', 'application/x-ndjson'];

/**
 * Request bodies: JSON up to GATEWAY_MAX_BODY_BYTES (raw bytes kept for HMAC checks), CSV/plain
 * text and JSON lines (stock feeds) up to GATEWAY_MAX_IMPORT_BYTES; a larger body answers 413 and a body of any other media
 * type 415, both before any route runs.
 */
export function installBodyParsers(app: NestExpressApplication, settings: GatewaySettings): void {
  app.use(refuseUnknownMediaTypes);
  const keepRaw = (req: IncomingMessage, _res: unknown, buffer: Buffer): void => {
    (req as IncomingMessage & RawBodyRequest).rawBody = buffer;
  };
  const jsonOptions = { limit: settings.maxBodyBytes, type: ['application/json', 'application/*+json'], verify: keepRaw };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('text', { type: ['text/csv', 'text/plain', 'application/x-ndjson'], limit: settings.maxImportBytes });
}

function refuseUnknownMediaTypes(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || req.is(ACCEPTED_TYPES)) {
    next();
    return;
  }
  next(
    Object.assign(new Error('Send application/json (or text/csv for imports)'), {
      status: 415,
      expose: true,
      type: 'unsupported.media.type',
    }),
  );
}
