export * from './gateway.module';
export * from './gateway-config';
export * from './auth/api-keys.service';
export * from './auth/api-key';
export * from './auth/roles';
export * from './auth/partner-scope';
export * from './openapi/openapi-document';
