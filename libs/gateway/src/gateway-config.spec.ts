import { ConfigError } from '@baton/platform';
import { loadGatewaySettings } from './gateway-config';

describe(loadGatewaySettings.name, () => {
  it('has safe defaults', () => {
    expect(loadGatewaySettings({})).toEqual({
      bootstrapApiKey: undefined,
      bootstrapTenant: 'demo',
      rateLimitPerMinute: 6000,
      publicRateLimitPerMinute: 600,
      maxBodyBytes: 1024 * 1024,
      maxImportBytes: 10 * 1024 * 1024,
      idempotencyTtlHours: 24,
      corsOrigins: [],
    });
  });

  it('reads CORS origins as a list', () => {
    expect(loadGatewaySettings({ CORS_ORIGINS: 'https://a.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
  });

  it.each([
    ['GATEWAY_IDEMPOTENCY_TTL_HOURS', '12'],
    ['GATEWAY_RATE_LIMIT_PER_MINUTE', '0'],
    ['GATEWAY_MAX_BODY_BYTES', 'lots'],
    ['CORS_ORIGINS', 'https://a.example.com/path'],
    ['GATEWAY_BOOTSTRAP_API_KEY', 'short'],
  ])('refuses %s=%s naming the variable', (variable, value) => {
    let thrown: unknown;
    try {
      loadGatewaySettings({ [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
  });
});
