import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { validationExceptionFactory } from '@baton/platform';
import type { GatewaySettings } from '../gateway-config';
import { GATEWAY_SETTINGS } from '../gateway.tokens';
import { buildOpenApiDocument } from '../openapi/openapi-document';
import { installBodyParsers } from './body-parsers';
import { HELMET_OPTIONS, corsOptions } from './security';

/**
 * HTTP-level setup of the gateway app: security headers (helmet), CORS for CORS_ORIGINS only,
 * body size and media type limits, strict validation (unknown fields refused, types checked, so
 * clients cannot set status, tenant or totals), and the OpenAPI 3.1 document at /openapi.json with
 * Swagger UI at /docs.
 */
export function configureGatewayApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const settings = app.get<GatewaySettings>(GATEWAY_SETTINGS);
  express.disable('x-powered-by');
  express.use(helmet(HELMET_OPTIONS));
  const cors = corsOptions(settings);
  if (cors) express.enableCors(cors);
  installBodyParsers(express, settings);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'openapi.json' });
}
