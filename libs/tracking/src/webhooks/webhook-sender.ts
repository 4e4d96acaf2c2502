import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './webhook-url-policy';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** When false, the connection refuses hosts resolving to loopback/private addresses (at connect time). */
  allowPrivate: boolean;
}

export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
}

/**
 * Resolves like the system resolver but fails for loopback, private and reserved addresses, so the
 * address checked is the address connected to (no DNS rebinding between check and connect).
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as LookupAddress[];
    const blocked = list.find((entry) => isPrivateAddress(entry.address));
    if (blocked || list.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves to a private or reserved address`), { code: 'EPRIVATE' });
      return callback(refused, '', 0);
    }
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0].address, list[0].family);
  });
};

/**
 * POSTs one webhook and reports the HTTP status, or why there was none. 2xx counts as delivered;
 * the response body is read and discarded (never stored: it is the receiver's data).
 */
export function sendWebhook(request: WebhookRequest): Promise<WebhookResponse> {
  const url = new URL(request.url);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!request.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ statusCode: null, error: `${host} is a private or reserved address` });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse): void => {
      if (settled) return;
      settled = true;
      resolve(response);
    };
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        timeout: request.timeoutMs,
        lookup: request.allowPrivate ? undefined : publicOnlyLookup,
      },
      (response: IncomingMessage) => {
        response.on('data', () => undefined);
        response.on('end', () => finish({ statusCode: response.statusCode ?? null, error: null }));
        response.on('error', (error) => finish({ statusCode: response.statusCode ?? null, error: error.message }));
      },
    );
    const deadline = setTimeout(() => outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${request.timeoutMs} ms`)));
    outgoing.on('error', (error) => finish({ statusCode: null, error: error.message }));
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.end(request.body);
  });
}
