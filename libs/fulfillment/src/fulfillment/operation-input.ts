import { ValidationError, type FieldViolation } from '@baton/domain';
import type { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentError } from './fulfillments.errors';
import type { FulfillmentLineEntity } from './fulfillment-line.entity';
import { unpickedQuantity } from './fulfillment-workflow';

const MAX_UNITS = 1_000_000;

function isCount(value: number, min: number, max = MAX_UNITS): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** A reason a person typed: required, trimmed, at most 200 characters. */
export function reasonOf(reason: string, field = 'reason'): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw new ValidationError([{ field, message: `${field} is required (1-200 characters)` }]);
  }
  return trimmed;
}

/**
 * Checks a pick confirmation against the lines still to pick and returns the picked quantity of
 * each (by fulfilment line id). Every line with something left to pick must be confirmed (0 for
 * none found), so a forgotten line is never short-picked by accident. When scans are given, the
 * units scanned of each SKU must equal the units confirmed of it.
 */
export function pickedQuantities(
  lines: readonly FulfillmentLineEntity[],
  request: Pick<fulfillmentV1.ConfirmPickRequest, 'lines' | 'scannedSkus'>,
): Map<string, number> {
  const violations: FieldViolation[] = [];
  const byOrderLine = new Map(lines.map((line) => [line.orderLineId, line]));
  const picked = new Map<string, number>();
  request.lines.forEach((entry, index) => {
    const line = byOrderLine.get(entry.lineId);
    if (!line) {
      throw new FulfillmentError('UNKNOWN_LINE', `Line ${entry.lineId} is not part of this fulfilment`, { lineId: entry.lineId });
    }
    if (picked.has(line.id)) violations.push({ field: `lines.${index}.lineId`, message: `line ${entry.lineId} is confirmed twice` });
    if (!isCount(entry.quantity, 0)) violations.push({ field: `lines.${index}.quantity`, message: 'quantity must be an integer ≥ 0' });
    picked.set(line.id, entry.quantity);
  });
  for (const line of lines) {
    if (unpickedQuantity(line) > 0 && !picked.has(line.id)) {
      violations.push({ field: 'lines', message: `line ${line.orderLineId} (${line.sku}) must be confirmed, with 0 if none was found` });
    }
  }
  if (violations.length > 0) throw new ValidationError(violations);
  for (const line of lines) {
    const quantity = picked.get(line.id) ?? 0;
    if (quantity > unpickedQuantity(line)) {
      throw new FulfillmentError('QUANTITY_EXCEEDED', `Line ${line.orderLineId} has only ${unpickedQuantity(line)} to pick`, {
        lineId: line.orderLineId,
        requested: quantity,
        open: unpickedQuantity(line),
      });
    }
  }
  if (request.scannedSkus.length > 0) checkScans(lines, picked, request.scannedSkus);
  return picked;
}

function checkScans(lines: readonly FulfillmentLineEntity[], picked: ReadonlyMap<string, number>, scans: readonly string[]): void {
  const expected = new Map<string, number>();
  for (const line of lines) expected.set(line.sku, (expected.get(line.sku) ?? 0) + (picked.get(line.id) ?? 0));
  const scanned = new Map<string, number>();
  for (const sku of scans) scanned.set(sku, (scanned.get(sku) ?? 0) + 1);
  const mismatches = [...new Set([...expected.keys(), ...scanned.keys()])]
    .map((sku) => ({ sku, confirmed: expected.get(sku) ?? 0, scanned: scanned.get(sku) ?? 0 }))
    .filter((m) => m.confirmed !== m.scanned);
  if (mismatches.length > 0) {
    throw new FulfillmentError('SCAN_MISMATCH', 'The scanned units do not match the confirmed quantities', { mismatches });
  }
}

export interface PackagePlan {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  lines: Array<{ lineId: string; quantity: number }>;
  valueMinor: number;
}

/**
 * Checks packages against what was picked and fills in their contents and value: every picked
 * unit is in exactly one package. One package without lines holds everything picked.
 */
export function plannedPackages(lines: readonly FulfillmentLineEntity[], packages: readonly fulfillmentV1.PackageInput[]): PackagePlan[] {
  const violations: FieldViolation[] = [];
  if (packages.length === 0 || packages.length > 50) violations.push({ field: 'packages', message: 'packages must hold 1-50 packages' });
  packages.forEach((pkg, index) => {
    if (!isCount(pkg.weightGrams, 1, 2_000_000)) violations.push({ field: `packages.${index}.weightGrams`, message: 'weightGrams must be 1-2000000' });
    for (const dimension of ['lengthMm', 'widthMm', 'heightMm'] as const) {
      if (!isCount(pkg[dimension], 1, 10_000)) violations.push({ field: `packages.${index}.${dimension}`, message: `${dimension} must be 1-10000` });
    }
    pkg.lines.forEach((line, lineIndex) => {
      if (!isCount(line.quantity, 1)) violations.push({ field: `packages.${index}.lines.${lineIndex}.quantity`, message: 'quantity must be ≥ 1' });
    });
  });
  if (violations.length > 0) throw new ValidationError(violations);
  const byOrderLine = new Map(lines.map((line) => [line.orderLineId, line]));
  const pickedLines = lines.filter((line) => line.pickedQuantity > 0);
  const contents = packages.map((pkg) => {
    if (pkg.lines.length === 0) {
      if (packages.length > 1) {
        throw new FulfillmentError('PACKAGES_MISMATCH', 'With several packages, each must name the lines it holds');
      }
      return pickedLines.map((line) => ({ lineId: line.orderLineId, quantity: line.pickedQuantity }));
    }
    return pkg.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity }));
  });
  const packed = new Map<string, number>();
  for (const entry of contents.flat()) {
    if (!byOrderLine.has(entry.lineId)) {
      throw new FulfillmentError('UNKNOWN_LINE', `Line ${entry.lineId} is not part of this fulfilment`, { lineId: entry.lineId });
    }
    packed.set(entry.lineId, (packed.get(entry.lineId) ?? 0) + entry.quantity);
  }
  const mismatches = lines
    .map((line) => ({ lineId: line.orderLineId, picked: line.pickedQuantity, packed: packed.get(line.orderLineId) ?? 0 }))
    .filter((m) => m.picked !== m.packed);
  if (mismatches.length > 0) {
    throw new FulfillmentError('PACKAGES_MISMATCH', 'Every picked unit must be in exactly one package', { mismatches });
  }
  return packages.map((pkg, index) => ({
    weightGrams: pkg.weightGrams,
    lengthMm: pkg.lengthMm,
    widthMm: pkg.widthMm,
    heightMm: pkg.heightMm,
    lines: contents[index],
    valueMinor: contents[index].reduce(
      (sum, entry) => sum + entry.quantity * (byOrderLine.get(entry.lineId)?.unitPriceMinor ?? 0),
      0,
    ),
  }));
}
