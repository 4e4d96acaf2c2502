import type { returnsV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import {
  REFUND_MODES,
  RETURN_CREATORS,
  RETURN_METHODS,
  isOneOf,
  type RefundMode,
  type ReturnCreator,
  type ReturnMethod,
} from '../return/return-vocabulary';

export interface ReturnLineCommand {
  lineId: string;
  quantity: number;
  reasonCode: string;
  note: string;
}

export interface ExchangeLineCommand {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

/** A CreateReturn request that passed validation: trimmed and complete. */
export interface CreateReturnCommand {
  orderId: string;
  method: ReturnMethod;
  locationId: string | null;
  createdBy: ReturnCreator;
  reference: string | null;
  lines: ReturnLineCommand[];
  refundMode: RefundMode;
  noRefundReason: string | null;
  exchangeLines: ExchangeLineCommand[];
}

export const MAX_RETURN_LINES = 200;
export const MAX_UNITS_PER_LINE = 1000;
export const MAX_EXCHANGE_LINES = 50;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Collects field violations; shared by the request validators of the returns service. */
export class Violations {
  readonly list: FieldViolation[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  text(field: string, value: string | undefined, maxLength: number, required = true): string {
    const trimmed = (value ?? '').trim();
    if (required && trimmed === '') this.add(field, 'is required');
    else if (trimmed.length > maxLength) this.add(field, `must be at most ${maxLength} characters`);
    return trimmed;
  }

  uuid(field: string, value: string | undefined, required: boolean): string | null {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') {
      if (required) this.add(field, 'is required');
      return null;
    }
    if (!UUID.test(trimmed)) this.add(field, 'must be a UUID');
    return trimmed;
  }

  integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isSafeInteger(value)) this.add(field, 'must be an integer');
    else if (value < min) this.add(field, `must be at least ${min}`);
    else if (value > max) this.add(field, `must be at most ${max}`);
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], value: string): T {
    if (!isOneOf(allowed, value)) this.add(field, `must be one of: ${allowed.join(', ')}`);
    return value as T;
  }

  throwIfAny(message: string): void {
    if (this.list.length > 0) throw new ValidationError(this.list, message);
  }
}

/**
 * Checks the shape of a CreateReturn request before anything is read or stored, naming every bad
 * field at once. Whether the lines may come back (shipped, window, rules, quantities) is decided
 * against the order afterwards.
 */
export function validateCreateReturn(request: returnsV1.CreateReturnRequest): CreateReturnCommand {
  const v = new Violations();
  const orderId = v.uuid('orderId', request.orderId, true) ?? '';
  const method = v.oneOf('method', RETURN_METHODS, (request.method ?? '').trim());
  const locationId = v.uuid('locationId', request.locationId, method === 'in_store');
  const createdBy = v.oneOf('createdBy', RETURN_CREATORS, (request.createdBy ?? '').trim());
  const reference = v.text('reference', request.reference, 128, false) || null;
  const requestLines = request.lines ?? [];
  if (requestLines.length === 0) v.add('lines', 'must contain at least one line');
  if (requestLines.length > MAX_RETURN_LINES) v.add('lines', `must contain at most ${MAX_RETURN_LINES} lines`);
  const seen = new Set<string>();
  const lines = requestLines.map((line, index) => {
    const lineId = v.text(`lines[${index}].lineId`, line.lineId, 64);
    if (lineId !== '' && seen.has(lineId)) v.add(`lines[${index}].lineId`, 'names the same order line twice');
    seen.add(lineId);
    return {
      lineId,
      quantity: v.integer(`lines[${index}].quantity`, line.quantity, 1, MAX_UNITS_PER_LINE),
      reasonCode: v.text(`lines[${index}].reasonCode`, line.reasonCode, 40),
      note: v.text(`lines[${index}].note`, line.note, 500, false),
    };
  });
  const refundMode = v.oneOf('refundMode', REFUND_MODES, (request.refundMode ?? '').trim() || 'refund');
  const noRefundReason = v.text('noRefundReason', request.noRefundReason, 200, refundMode === 'none') || null;
  if (refundMode === 'refund' && noRefundReason !== null) v.add('noRefundReason', 'is only for refundMode none');
  const requestExchange = request.exchangeLines ?? [];
  if (requestExchange.length > MAX_EXCHANGE_LINES) v.add('exchangeLines', `must contain at most ${MAX_EXCHANGE_LINES} lines`);
  if (requestExchange.length > 0 && refundMode === 'none') v.add('exchangeLines', 'an exchange settles money, so refundMode must be refund');
  const exchangeLines = requestExchange.map((line, index) => ({
    sku: v.text(`exchangeLines[${index}].sku`, line.sku, 64),
    quantity: v.integer(`exchangeLines[${index}].quantity`, line.quantity, 1, MAX_UNITS_PER_LINE),
    unitPriceMinor: v.integer(`exchangeLines[${index}].unitPriceMinor`, line.unitPriceMinor, 0, Number.MAX_SAFE_INTEGER),
  }));
  v.throwIfAny('The return request is invalid');
  return { orderId, method, locationId, createdBy, reference, lines, refundMode, noRefundReason, exchangeLines };
}
