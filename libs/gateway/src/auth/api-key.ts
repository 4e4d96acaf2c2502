import { createHash, randomBytes } from 'node:crypto';

/** Every Baton key starts with this, so secret scanners and people recognise one. */
export const API_KEY_PREFIX = 'bk_';

/** A new random key: the prefix, then 32 random bytes in base64url. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The stored form of a key; the key itself is never stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The part of a key shown in listings and logs: its prefix and first characters. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
