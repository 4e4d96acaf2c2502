import { apiKeyStatus } from './admin-views';

describe(apiKeyStatus.name, () => {
  const now = new Date('2026-11-02T10:00:00Z');
  const later = new Date('2026-11-03T10:00:00Z');
  const earlier = new Date('2026-11-01T10:00:00Z');

  it.each([
    [{ revokedAt: null, expiresAt: null, replacedBy: null }, 'active'],
    [{ revokedAt: null, expiresAt: later, replacedBy: 'k2' }, 'rotating'],
    [{ revokedAt: null, expiresAt: earlier, replacedBy: 'k2' }, 'expired'],
    [{ revokedAt: null, expiresAt: now, replacedBy: null }, 'expired'],
    [{ revokedAt: earlier, expiresAt: later, replacedBy: 'k2' }, 'revoked'],
  ] as const)('%j is %s', (key, status) => {
    expect(apiKeyStatus(key, now)).toBe(status);
  });
});
