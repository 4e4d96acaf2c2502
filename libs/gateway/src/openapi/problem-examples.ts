/** An example problem body per HTTP status, for the API documentation. */
export function problemExample(status: number): Record<string, unknown> {
  const [code, title, detail] = PROBLEMS[status] ?? (status >= 500 ? PROBLEMS[500] : PROBLEMS[400]);
  const example: Record<string, unknown> = { type: `urn:baton:problem:${code}`, title, status, code, detail };
  if (code === 'VALIDATION_FAILED') {
    example.errors = [{ field: 'lines.0.quantity', message: 'quantity must not be less than 1' }];
  }
  return example;
}

const PROBLEMS: Record<number, [string, string, string]> = {
  400: ['VALIDATION_FAILED', 'Invalid request', 'The request is invalid'],
  401: ['API_KEY_INVALID', 'Unauthenticated', 'The API key is unknown, revoked or expired'],
  403: ['ROLE_FORBIDDEN', 'Forbidden', 'This route needs one of the roles: channel'],
  404: ['NOT_FOUND', 'Not found', 'No such object in this tenant'],
  409: ['IDEMPOTENCY_KEY_IN_USE', 'Conflict', 'A request with this Idempotency-Key is still being processed'],
  413: ['PAYLOAD_TOO_LARGE', 'Payload too large', 'request entity too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Invalid request', 'Send application/json (or text/csv for imports)'],
  422: ['IDEMPOTENCY_KEY_REUSED', 'Precondition failed', 'This Idempotency-Key was used for a different request'],
  429: ['TOO_MANY_REQUESTS', 'Invalid request', 'Rate limit of 6000 requests a minute exceeded; retry after 1 s'],
  500: ['INTERNAL', 'Internal error', 'Internal error'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable', 'orders did not answer in time'],
};
