import type { returnsV1 } from '@baton/contracts';
import { MAX_UNITS_PER_LINE, Violations } from '../authorisation/create-return.validation';

export const MAX_UNITS_PER_RECEIPT = 1000;

export interface ReceiveReturnCommand {
  returnId: string;
  receiptId: string;
  locationId: string;
  lines: Array<{ lineId: string; quantity: number }>;
  unexpected: Array<{ sku: string; quantity: number; note: string }>;
}

/** Checks the shape of a receipt, naming every bad field; what the return allows is checked under its lock. */
export function validateReceiveReturn(request: returnsV1.ReceiveReturnRequest): ReceiveReturnCommand {
  const v = new Violations();
  const returnId = v.text('returnId', request.returnId, 64);
  const receiptId = v.text('receiptId', request.receiptId, 128);
  const locationId = v.uuid('locationId', request.locationId, true) ?? '';
  const seen = new Set<string>();
  const lines = (request.lines ?? []).map((line, index) => {
    const lineId = v.text(`lines[${index}].lineId`, line.lineId, 64);
    if (lineId !== '' && seen.has(lineId)) v.add(`lines[${index}].lineId`, 'names the same order line twice');
    seen.add(lineId);
    return { lineId, quantity: v.integer(`lines[${index}].quantity`, line.quantity, 1, MAX_UNITS_PER_LINE) };
  });
  const unexpected = (request.unexpected ?? []).map((item, index) => ({
    sku: v.text(`unexpected[${index}].sku`, item.sku, 64),
    quantity: v.integer(`unexpected[${index}].quantity`, item.quantity, 1, MAX_UNITS_PER_LINE),
    note: v.text(`unexpected[${index}].note`, item.note, 500, false),
  }));
  if (lines.length === 0 && unexpected.length === 0) v.add('lines', 'a receipt needs at least one line or unexpected item');
  const units = [...lines, ...unexpected].reduce((sum, item) => sum + (Number.isSafeInteger(item.quantity) ? item.quantity : 0), 0);
  if (units > MAX_UNITS_PER_RECEIPT) v.add('lines', `a receipt holds at most ${MAX_UNITS_PER_RECEIPT} units`);
  v.throwIfAny('The receipt is invalid');
  return { returnId, receiptId, locationId, lines, unexpected };
}
