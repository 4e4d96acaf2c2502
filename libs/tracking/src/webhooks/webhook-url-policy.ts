import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import { TrackingError } from '../tracking.errors';

/** Addresses a webhook may not reach unless the tenant allows it: loopback, private, link-local, reserved. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return PRIVATE.check(address, 'ipv6');
  return true;
}

/** Resolves a host name to its addresses (every one is checked: any private one refuses the URL). */
export type HostResolver = (host: string) => Promise<string[]>;

export const systemResolver: HostResolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

function refuse(message: string): never {
  throw new TrackingError('WEBHOOK_URL_REFUSED', `The webhook URL is refused: ${message}`, {}, [{ field: 'url', message }]);
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Checks a webhook URL before it is stored and again before every delivery (a host name may come
 * to resolve elsewhere): http(s) only, no credentials in it, and — unless the tenant allows
 * private targets — no loopback, private, link-local or reserved address, literal or resolved.
 * Returns the normalised URL.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean, resolve: HostResolver = systemResolver): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') refuse('only http and https are allowed');
  if (url.username || url.password) refuse('credentials in the URL are not allowed; use the signing secret');
  if (raw.length > 2000) refuse('it is longer than 2000 characters');
  if (allowPrivate) return url.toString();
  const host = hostOf(url);
  if (isIP(host)) {
    if (isPrivateAddress(host)) refuse(`${host} is a loopback, private or reserved address`);
    return url.toString();
  }
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower.endsWith('.localhost') || !lower.includes('.')) refuse(`${host} is a local host name`);
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return refuse(`${host} does not resolve`);
  }
  if (addresses.length === 0) refuse(`${host} does not resolve`);
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) refuse(`${host} resolves to ${blocked}, a loopback, private or reserved address`);
  return url.toString();
}
