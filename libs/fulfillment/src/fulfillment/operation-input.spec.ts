import { FulfillmentLineEntity } from './fulfillment-line.entity';
import { pickedQuantities, plannedPackages, reasonOf } from './operation-input';

function line(id: string, sku: string, quantity: number, extra: Partial<FulfillmentLineEntity> = {}): FulfillmentLineEntity {
  return Object.assign(new FulfillmentLineEntity(), {
    id: `fl-${id}`,
    tenantId: 't',
    fulfillmentId: 'f',
    lineNo: 1,
    orderLineId: id,
    sku,
    quantity,
    unitPriceMinor: 1000,
    pickedQuantity: 0,
    shortQuantity: 0,
    collectedQuantity: 0,
    cancelledQuantity: 0,
    ...extra,
  });
}

const lines = [line('l1', 'TEE', 2), line('l2', 'MUG', 1), line('l3', 'TEE', 1)];

describe(pickedQuantities.name, () => {
  it('returns the confirmed quantity of every line', () => {
    const picked = pickedQuantities(lines, { lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 0 }, { lineId: 'l3', quantity: 1 }], scannedSkus: [] });
    expect([...picked.entries()]).toEqual([['fl-l1', 2], ['fl-l2', 0], ['fl-l3', 1]]);
  });

  it('insists on every line being confirmed, once, with a whole quantity', () => {
    expect(() => pickedQuantities(lines, { lines: [{ lineId: 'l1', quantity: 2 }], scannedSkus: [] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', violations: expect.arrayContaining([expect.objectContaining({ field: 'lines', message: expect.stringContaining('l2 (MUG) must be confirmed') })]) }),
    );
    expect(() => pickedQuantities(lines, { lines: [{ lineId: 'l1', quantity: 1.5 }, { lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 1 }, { lineId: 'l3', quantity: 1 }], scannedSkus: [] })).toThrow(
      expect.objectContaining({ violations: expect.arrayContaining([{ field: 'lines.0.quantity', message: expect.any(String) }, { field: 'lines.1.lineId', message: expect.any(String) }]) }),
    );
  });

  it('refuses unknown lines and more than is left to pick', () => {
    expect(() => pickedQuantities(lines, { lines: [{ lineId: 'nope', quantity: 1 }], scannedSkus: [] })).toThrow(expect.objectContaining({ code: 'UNKNOWN_LINE' }));
    expect(() => pickedQuantities(lines, { lines: [{ lineId: 'l1', quantity: 3 }, { lineId: 'l2', quantity: 1 }, { lineId: 'l3', quantity: 1 }], scannedSkus: [] })).toThrow(
      expect.objectContaining({ code: 'QUANTITY_EXCEEDED', details: { lineId: 'l1', requested: 3, open: 2 } }),
    );
    const partlyShort = [line('l1', 'TEE', 3, { shortQuantity: 1, cancelledQuantity: 1 })];
    expect(() => pickedQuantities(partlyShort, { lines: [{ lineId: 'l1', quantity: 2 }], scannedSkus: [] })).toThrow(expect.objectContaining({ code: 'QUANTITY_EXCEEDED' }));
  });

  it('matches scans per SKU to the confirmed units', () => {
    const confirm = { lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }, { lineId: 'l3', quantity: 0 }] };
    expect(() => pickedQuantities(lines, { ...confirm, scannedSkus: ['TEE', 'MUG', 'TEE'] })).not.toThrow();
    expect(() => pickedQuantities(lines, { ...confirm, scannedSkus: ['TEE', 'MUG'] })).toThrow(
      expect.objectContaining({ code: 'SCAN_MISMATCH', details: { mismatches: [{ sku: 'TEE', confirmed: 2, scanned: 1 }] } }),
    );
    expect(() => pickedQuantities(lines, { ...confirm, scannedSkus: ['TEE', 'MUG', 'TEE', 'CAP'] })).toThrow(
      expect.objectContaining({ details: { mismatches: [{ sku: 'CAP', confirmed: 0, scanned: 1 }] } }),
    );
  });
});

describe(plannedPackages.name, () => {
  const picked = [line('l1', 'TEE', 2, { pickedQuantity: 2, unitPriceMinor: 1500 }), line('l2', 'MUG', 1, { pickedQuantity: 1, unitPriceMinor: 800 }), line('l3', 'CAP', 1, { shortQuantity: 1 })];
  const box = { weightGrams: 900, lengthMm: 300, widthMm: 200, heightMm: 100 };

  it('puts everything picked in a single package without lines, valued at the line prices', () => {
    expect(plannedPackages(picked, [{ ...box, lines: [] }])).toEqual([
      { ...box, lines: [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], valueMinor: 3800 },
    ]);
  });

  it('splits into packages that hold every picked unit exactly once', () => {
    const plans = plannedPackages(picked, [
      { ...box, lines: [{ lineId: 'l1', quantity: 1 }] },
      { ...box, lines: [{ lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 1 }] },
    ]);
    expect(plans.map((p) => p.valueMinor)).toEqual([1500, 2300]);
    expect(() => plannedPackages(picked, [{ ...box, lines: [{ lineId: 'l1', quantity: 2 }] }])).toThrow(
      expect.objectContaining({ code: 'PACKAGES_MISMATCH', details: { mismatches: [{ lineId: 'l2', picked: 1, packed: 0 }] } }),
    );
    expect(() => plannedPackages(picked, [{ ...box, lines: [] }, { ...box, lines: [] }])).toThrow(expect.objectContaining({ code: 'PACKAGES_MISMATCH' }));
  });

  it('names every invalid measure', () => {
    expect(() => plannedPackages(picked, [{ weightGrams: 0, lengthMm: 1, widthMm: -1, heightMm: 1.5, lines: [] }])).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({ field: 'packages.0.weightGrams' }),
          expect.objectContaining({ field: 'packages.0.widthMm' }),
          expect.objectContaining({ field: 'packages.0.heightMm' }),
        ],
      }),
    );
    expect(() => plannedPackages(picked, [])).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ field: 'packages' })] }));
  });
});

describe(reasonOf.name, () => {
  it('trims a reason and refuses an empty or overlong one', () => {
    expect(reasonOf('  out of stock ')).toBe('out of stock');
    expect(() => reasonOf('   ')).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ field: 'reason' })] }));
    expect(() => reasonOf('x'.repeat(201))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
