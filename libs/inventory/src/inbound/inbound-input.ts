import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requirePositiveInteger, requireText, requireUuid } from '../input-rules';

const MAX_LINES = 500;
const MAX_QUANTITY = 1_000_000_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with a zone (`2026-03-01T09:00:00Z`). */
export function requireInstant(field: string, value: string): FieldViolation[] {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))
    ? []
    : [{ field, message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-01T09:00:00Z' }];
}

function requireLines<T extends { lineId: string }>(
  lines: T[],
  check: (line: T, at: string) => FieldViolation[],
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (lines.length === 0) violations.push({ field: 'lines', message: 'must contain at least one line' });
  if (lines.length > MAX_LINES) violations.push({ field: 'lines', message: `must have at most ${MAX_LINES} lines` });
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    violations.push(...requireIdentifier(`${at}.lineId`, line.lineId), ...check(line, at));
    if (seen.has(line.lineId)) violations.push({ field: `${at}.lineId`, message: 'is used by another line' });
    seen.add(line.lineId);
  });
  return violations;
}

function quantity(field: string, value: number): FieldViolation[] {
  return [...requirePositiveInteger(field, value), ...(value > MAX_QUANTITY ? [{ field, message: `must be at most ${MAX_QUANTITY}` }] : [])];
}

/** Every problem with a CreateInboundSupply request (purchase orders and ASNs). */
export function validateCreateInbound(request: inventoryV1.CreateInboundSupplyRequest): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (request.kind !== 'purchase_order' && request.kind !== 'asn') {
    violations.push({ field: 'kind', message: 'must be purchase_order or asn (transfers are made with TransferStock)' });
  }
  violations.push(...requireText('reference', request.reference, 100));
  if (request.supplier.length > 200) violations.push({ field: 'supplier', message: 'must be at most 200 characters' });
  violations.push(
    ...requireLines(request.lines, (line, at) => [
      ...requireIdentifier(`${at}.sku`, line.sku),
      ...requireUuid(`${at}.locationId`, line.locationId),
      ...quantity(`${at}.expectedQuantity`, line.expectedQuantity),
      ...requireInstant(`${at}.eta`, line.eta),
    ]),
  );
  return violations;
}

/** Every problem with a TransferStock request. */
export function validateTransfer(request: inventoryV1.TransferStockRequest): FieldViolation[] {
  const violations = [
    ...requireText('reference', request.reference, 100),
    ...requireUuid('fromLocationId', request.fromLocationId),
    ...requireUuid('toLocationId', request.toLocationId),
    ...requireInstant('eta', request.eta),
  ];
  if (request.fromLocationId === request.toLocationId && request.fromLocationId !== '') {
    violations.push({ field: 'toLocationId', message: 'must differ from fromLocationId' });
  }
  if (request.reason.length > 500) violations.push({ field: 'reason', message: 'must be at most 500 characters' });
  violations.push(
    ...requireLines(request.lines, (line, at) => [
      ...requireIdentifier(`${at}.sku`, line.sku),
      ...quantity(`${at}.quantity`, line.quantity),
    ]),
  );
  return violations;
}

/** Every problem with a ReceiveInbound request; the receipt id makes the receipt idempotent. */
export function validateReceiveInbound(request: inventoryV1.ReceiveInboundRequest): FieldViolation[] {
  return [
    ...requireUuid('supplyId', request.supplyId),
    ...requireText('receiptId', request.receiptId, 100),
    ...requireLines(request.lines, (line, at) => quantity(`${at}.quantity`, line.quantity)),
  ];
}
