export * from './gateway.module';
export * from './gateway-config';
export * from './auth/api-keys.service';
export * from './auth/api-key';
