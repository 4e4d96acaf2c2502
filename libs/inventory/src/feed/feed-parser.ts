export type FeedMode = 'snapshot' | 'delta';
export type FeedFormat = 'csv' | 'ndjson';

/** A feed row that parsed: the SKU, the location (code or id) and the quantity (on hand, or a delta). */
export interface FeedRow {
  line: number;
  sku: string;
  location: string;
  quantity: number;
}

/** A feed row that did not parse, with why. */
export interface FeedRowError {
  line: number;
  reason: string;
  sku: string;
  location: string;
}

export type ParsedLine = { row: FeedRow } | { error: FeedRowError };

/** The CSV header is missing a column or the first line is not a header: nothing can be read. */
export class FeedHeaderError extends Error {}

const SKU = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
const INTEGER = /^[+-]?\d{1,10}$/;
const MAX_QUANTITY = 1_000_000_000;
const MAX_LINE_LENGTH = 4096;

const COLUMN_ALIASES: Record<'sku' | 'location' | 'quantity', string[]> = {
  sku: ['sku'],
  location: ['location', 'location_code', 'location_id'],
  quantity: ['quantity', 'qty', 'on_hand', 'delta'],
};

/**
 * Reads a stock feed incrementally: chunks may end anywhere (rows are completed by the next
 * chunk), blank lines are skipped, line numbers count from 1 (a CSV header is line 1). CSV has a
 * header naming `sku`, `location` (code or id) and `quantity` (any order, extra columns ignored;
 * RFC 4180 quotes, no line breaks inside a field); JSON lines are objects with those keys.
 */
export class FeedParser {
  private pending = '';
  private skipping = false;
  private lineNumber = 0;
  private columns: { sku: number; location: number; quantity: number; width: number } | undefined;

  constructor(
    private readonly format: FeedFormat,
    private readonly mode: FeedMode,
  ) {}

  /** The complete lines of `chunk` (with what was pending), parsed. */
  push(chunk: string): ParsedLine[] {
    let text = chunk;
    if (this.skipping) {
      const newline = text.indexOf('\n');
      if (newline < 0) return [];
      this.skipping = false;
      text = text.slice(newline + 1);
    }
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    const parsed = this.parseLines(lines);
    if (this.pending.length > MAX_LINE_LENGTH) {
      this.pending = '';
      this.skipping = true;
      this.lineNumber += 1;
      parsed.push(this.error(`line longer than ${MAX_LINE_LENGTH} characters`, '', ''));
    }
    return parsed;
  }

  /** The last line (a feed need not end with a line break). */
  end(): ParsedLine[] {
    const rest = this.pending;
    this.pending = '';
    const parsed = rest === '' ? [] : this.parseLines([rest]);
    if (this.format === 'csv' && !this.columns) throw new FeedHeaderError('The CSV feed has no header line');
    return parsed;
  }

  private parseLines(lines: string[]): ParsedLine[] {
    const parsed: ParsedLine[] = [];
    for (const raw of lines) {
      this.lineNumber += 1;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') continue;
      if (this.format === 'csv' && !this.columns) {
        this.columns = readHeader(line);
        continue;
      }
      parsed.push(this.format === 'csv' ? this.parseCsv(line) : this.parseJson(line));
    }
    return parsed;
  }

  private parseCsv(line: string): ParsedLine {
    const columns = this.columns!;
    const fields = splitCsv(line);
    if (!fields) return this.error('unterminated quoted field', '', '');
    const sku = (fields[columns.sku] ?? '').trim();
    const location = (fields[columns.location] ?? '').trim();
    if (fields.length < columns.width) return this.error(`expected ${columns.width} columns, found ${fields.length}`, sku, location);
    return this.row(sku, location, (fields[columns.quantity] ?? '').trim());
  }

  private parseJson(line: string): ParsedLine {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return this.error('not valid JSON', '', '');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.error('not a JSON object', '', '');
    const record = value as Record<string, unknown>;
    const sku = typeof record['sku'] === 'string' ? record['sku'] : '';
    const locationValue = record['location'] ?? record['locationCode'] ?? record['locationId'];
    const location = typeof locationValue === 'string' ? locationValue : '';
    const quantity = record['quantity'] ?? record['onHand'] ?? record['delta'];
    const text = typeof quantity === 'number' && Number.isInteger(quantity) ? String(quantity) : typeof quantity === 'string' ? quantity : '';
    return this.row(sku.trim(), location.trim(), text.trim());
  }

  private row(sku: string, location: string, quantityText: string): ParsedLine {
    if (!SKU.test(sku)) return this.error('sku is missing or not a valid SKU', sku, location);
    if (location === '') return this.error('location is missing', sku, location);
    if (!INTEGER.test(quantityText)) return this.error('quantity must be a whole number', sku, location);
    const quantity = Number(quantityText);
    if (Math.abs(quantity) > MAX_QUANTITY) return this.error(`quantity must be at most ${MAX_QUANTITY} in size`, sku, location);
    if (this.mode === 'snapshot' && quantity < 0) return this.error('an on-hand quantity cannot be negative', sku, location);
    return { row: { line: this.lineNumber, sku, location, quantity } };
  }

  private error(reason: string, sku: string, location: string): ParsedLine {
    return { error: { line: this.lineNumber, reason, sku, location } };
  }
}

function readHeader(line: string): { sku: number; location: number; quantity: number; width: number } {
  const names = (splitCsv(line) ?? []).map((name) => name.trim().toLowerCase());
  const find = (key: keyof typeof COLUMN_ALIASES): number => names.findIndex((name) => COLUMN_ALIASES[key].includes(name));
  const columns = { sku: find('sku'), location: find('location'), quantity: find('quantity') };
  const missing = (Object.keys(columns) as Array<keyof typeof columns>).filter((key) => columns[key] < 0);
  if (missing.length > 0) {
    throw new FeedHeaderError(`The CSV header must name the columns sku, location and quantity; missing: ${missing.join(', ')}`);
  }
  return { ...columns, width: Math.max(columns.sku, columns.location, columns.quantity) + 1 };
}

/** RFC 4180 fields of one line, or null for an unterminated quote. */
export function splitCsv(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  let atFieldStart = true;
  while (i < line.length) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i += 1;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    }
    field += char;
    atFieldStart = false;
    i += 1;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
