import { type FieldViolation, ValidationError } from '@baton/domain';
import type { AdapterResult, ChannelAdapter, MappedOrder, RejectedOrder, RowViolation } from '../channel-adapter';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv-parser';

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_ORDERS = 1_000;

/** Columns of the CSV import, and the Baton field each fills. */
const COLUMNS = {
  channel_order_id: 'channelOrderId',
  customer_email: 'customerEmail',
  currency: 'currency',
  delivery_method: 'deliveryMethod',
  ship_to_name: 'shipTo.name',
  ship_to_line1: 'shipTo.line1',
  ship_to_line2: 'shipTo.line2',
  ship_to_city: 'shipTo.city',
  ship_to_postal_code: 'shipTo.postalCode',
  ship_to_country: 'shipTo.country',
  sku: 'sku',
  quantity: 'quantity',
  unit_price_minor: 'unitPriceMinor',
} as const;
type Column = keyof typeof COLUMNS;
const OPTIONAL: Column[] = ['delivery_method', 'ship_to_line2'];
const LINE_COLUMNS: Column[] = ['sku', 'quantity', 'unit_price_minor'];
const ORDER_COLUMNS = (Object.keys(COLUMNS) as Column[]).filter((c) => c !== 'channel_order_id' && !LINE_COLUMNS.includes(c));

/**
 * B2B orders as CSV: one row per order line, rows with the same `channel_order_id` form one order
 * (its order-level columns must agree), in the order they first appear. File-level problems (no
 * header, unknown or missing columns, broken quoting, too many rows) refuse the whole file with
 * 400; a bad row rejects only its order, reported with its line number and column.
 */
export class CsvOrdersAdapter implements ChannelAdapter<string> {
  readonly format = 'csv';

  toOrders(text: string, channel: string): AdapterResult {
    const records = parse(text);
    const [header, ...rows] = records;
    if (!header) throw new ValidationError([{ field: 'body', message: 'the CSV is empty; it needs a header row' }]);
    const columns = readHeader(header);
    if (rows.length === 0) throw new ValidationError([{ field: 'body', message: 'the CSV has a header but no rows' }]);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new ValidationError([{ field: 'body', message: `at most ${MAX_IMPORT_ROWS} rows per import (got ${rows.length})` }]);
    }
    const groups = new Map<string, CsvRecord[]>();
    const rejected: RejectedOrder[] = [];
    for (const row of rows) {
      if (row.fields.length !== columns.length) {
        rejected.push({
          channelOrderId: '',
          rows: [row.line],
          errors: [{ row: row.line, field: '', message: `row has ${row.fields.length} fields, the header ${columns.length}` }],
        });
        continue;
      }
      const id = row.fields[columns.indexOf('channel_order_id')].trim();
      if (id === '') {
        rejected.push({ channelOrderId: '', rows: [row.line], errors: [{ row: row.line, field: 'channel_order_id', message: 'is required' }] });
        continue;
      }
      groups.set(id, [...(groups.get(id) ?? []), row]);
    }
    if (groups.size > MAX_IMPORT_ORDERS) {
      throw new ValidationError([{ field: 'body', message: `at most ${MAX_IMPORT_ORDERS} orders per import (got ${groups.size})` }]);
    }
    const orders: MappedOrder[] = [];
    for (const [channelOrderId, group] of groups) {
      const mapped = toOrder(channel, channelOrderId, group, columns);
      if ('errors' in mapped) rejected.push(mapped);
      else orders.push(mapped);
    }
    return { orders, rejected };
  }
}

/** Where a violation of Baton's order rules sits in the CSV: the row and the column. */
export function csvViolation(order: MappedOrder, violation: FieldViolation): RowViolation {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(violation.field);
  const baton = line ? line[2] : violation.field;
  const column = (Object.keys(COLUMNS) as Column[]).find((c) => COLUMNS[c] === baton) ?? violation.field;
  const row = line ? order.rows[Number(line[1])] : order.rows[0];
  return { row, field: column, message: violation.message };
}

function parse(text: string): CsvRecord[] {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ValidationError([{ field: 'body', message: error.message }]);
    throw error;
  }
}

function readHeader(header: CsvRecord): Column[] {
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const violations: FieldViolation[] = [];
  names.forEach((name, index) => {
    if (!(name in COLUMNS)) violations.push({ field: name || `column ${index + 1}`, message: `${name || 'an empty column name'} is not an accepted column` });
    else if (names.indexOf(name) !== index) violations.push({ field: name, message: `${name} appears twice` });
  });
  for (const column of Object.keys(COLUMNS) as Column[]) {
    if (!OPTIONAL.includes(column) && !names.includes(column)) violations.push({ field: column, message: `the column ${column} is required` });
  }
  if (violations.length > 0) throw new ValidationError(violations, 'The CSV header is invalid');
  return names as Column[];
}

function toOrder(channel: string, channelOrderId: string, group: CsvRecord[], columns: Column[]): MappedOrder | RejectedOrder {
  const errors: RowViolation[] = [];
  const value = (row: CsvRecord, column: Column): string | undefined => {
    const index = columns.indexOf(column);
    return index < 0 ? undefined : row.fields[index].trim();
  };
  const first = group[0];
  for (const row of group.slice(1)) {
    for (const column of ORDER_COLUMNS) {
      if (value(row, column) !== value(first, column)) {
        errors.push({ row: row.line, field: column, message: `${column} differs from the order's first row (line ${first.line})` });
      }
    }
  }
  const integer = (row: CsvRecord, column: Column): number | string | undefined => {
    const text = value(row, column) ?? '';
    if (!/^-?\d{1,15}$/.test(text)) {
      errors.push({ row: row.line, field: column, message: `${column} must be a whole number` });
      return text;
    }
    return Number(text);
  };
  const lines = group.map((row) => ({
    sku: value(row, 'sku'),
    quantity: integer(row, 'quantity'),
    unitPriceMinor: integer(row, 'unit_price_minor'),
  }));
  const rows = group.map((row) => row.line);
  if (errors.length > 0) return { channelOrderId, rows, errors };
  const shipTo: Record<string, unknown> = {
    name: value(first, 'ship_to_name'),
    line1: value(first, 'ship_to_line1'),
    city: value(first, 'ship_to_city'),
    postalCode: value(first, 'ship_to_postal_code'),
    country: value(first, 'ship_to_country'),
  };
  const line2 = value(first, 'ship_to_line2');
  if (line2) shipTo.line2 = line2;
  return {
    channelOrderId,
    rows,
    order: {
      channel,
      channelOrderId,
      customerEmail: value(first, 'customer_email'),
      currency: value(first, 'currency'),
      deliveryMethod: value(first, 'delivery_method') || 'ship_to_address',
      shipTo,
      lines,
    },
  };
}
