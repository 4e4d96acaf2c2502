import fc from 'fast-check';
import { calculateRefund, shippingToRefund, type RefundInput, type RefundLineInput } from './refund-calculator';

function line(overrides: Partial<RefundLineInput> = {}): RefundLineInput {
  return { lineId: 'L1', orderedQuantity: 3, netMinor: 3000, taxMinor: 570, creditedUnits: 0, units: 1, merchantFault: false, ...overrides };
}

function input(overrides: Partial<RefundInput> = {}): RefundInput {
  return {
    lines: [line()],
    restockingFeeBps: 0,
    waiveRestockingFee: false,
    shippingMinor: 0,
    paidMinor: 1_000_000,
    alreadyCreditedMinor: 0,
    ...overrides,
  };
}

describe(calculateRefund.name, () => {
  it('refunds the price paid per unit with its tax', () => {
    const result = calculateRefund(input());
    expect(result.lines).toEqual([{ lineId: 'L1', quantity: 1, merchandiseMinor: 1000, taxMinor: 190 }]);
    expect(result.amountMinor).toBe(1190);
  });

  it('prorates a line discount and tax over the units, and three single returns add up to the line exactly', () => {
    // 3 × 999 − 100 discount = 2897 net, 550 tax: per unit 966/966/965 and 184/183/183.
    const base = { orderedQuantity: 3, netMinor: 2897, taxMinor: 550 };
    const refunds = [0, 1, 2].map((creditedUnits) => calculateRefund(input({ lines: [line({ ...base, creditedUnits, units: 1 })] })));
    expect(refunds.map((r) => r.lines[0].merchandiseMinor)).toEqual([966, 966, 965]);
    expect(refunds.map((r) => r.lines[0].taxMinor)).toEqual([184, 183, 183]);
    expect(refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(2897 + 550);
  });

  it('charges the restocking fee on non-merchant-fault merchandise only, rounded down', () => {
    const result = calculateRefund(
      input({
        restockingFeeBps: 1500,
        lines: [line({ lineId: 'A', netMinor: 3333, taxMinor: 0, orderedQuantity: 1 }), line({ lineId: 'B', merchantFault: true, orderedQuantity: 1 })],
      }),
    );
    // 15 % of 3333 = 499.95 → 499; line B (defective) is not charged.
    expect(result.restockingFeeMinor).toBe(499);
    expect(result.amountMinor).toBe(3333 + 3000 + 570 - 499);
  });

  it('waives the restocking fee for exchanges', () => {
    expect(calculateRefund(input({ restockingFeeBps: 2000, waiveRestockingFee: true })).restockingFeeMinor).toBe(0);
  });

  it('adds the shipping refund it is given', () => {
    expect(calculateRefund(input({ shippingMinor: 495 })).amountMinor).toBe(1190 + 495);
  });

  it('never credits beyond what was paid minus what earlier returns credited', () => {
    const result = calculateRefund(input({ paidMinor: 2000, alreadyCreditedMinor: 1500 }));
    expect(result.creditMinor).toBe(500);
    expect(result.amountMinor).toBe(500);
    expect(calculateRefund(input({ paidMinor: 1000, alreadyCreditedMinor: 1200 })).amountMinor).toBe(0);
  });

  it('applies the credit to an exchange and pays out only the surplus', () => {
    const cheaper = calculateRefund(input({ exchange: { valueMinor: 1000, chargedMinor: 0 } }));
    expect(cheaper).toMatchObject({ creditMinor: 1190, exchangeAppliedMinor: 1000, amountMinor: 190, outstandingMinor: 0 });
    const dearer = calculateRefund(input({ exchange: { valueMinor: 1500, chargedMinor: 310 } }));
    expect(dearer).toMatchObject({ exchangeAppliedMinor: 1500, amountMinor: 0, outstandingMinor: 0 });
    const shortReturn = calculateRefund(input({ lines: [line({ units: 0 })], exchange: { valueMinor: 1500, chargedMinor: 310 } }));
    expect(shortReturn).toMatchObject({ creditMinor: 0, exchangeAppliedMinor: 310, amountMinor: 0, outstandingMinor: 1190 });
  });

  it('never refunds more than was paid, whatever sequence of returns comes in (property)', () => {
    const orderArb = fc
      .array(
        fc.record({
          quantity: fc.integer({ min: 1, max: 20 }),
          unitPrice: fc.integer({ min: 0, max: 100_000 }),
          discountPct: fc.integer({ min: 0, max: 100 }),
          taxPct: fc.integer({ min: 0, max: 30 }),
        }),
        { minLength: 1, maxLength: 5 },
      )
      .map((lines) =>
        lines.map((l, i) => {
          const gross = l.quantity * l.unitPrice;
          const net = gross - Math.floor((gross * l.discountPct) / 100);
          return { lineId: `L${i}`, quantity: l.quantity, netMinor: net, taxMinor: Math.floor((net * l.taxPct) / 100) };
        }),
      );
    fc.assert(
      fc.property(
        orderArb,
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.array(fc.nat(), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (lines, shipping, feeBps, returnsPicks, faults) => {
          const paid = lines.reduce((sum, l) => sum + l.netMinor + l.taxMinor, 0) + shipping;
          const credited = new Map(lines.map((l) => [l.lineId, 0]));
          let creditedTotal = 0;
          let shippingRefunded = 0;
          returnsPicks.forEach((picks, r) => {
            const returnLines = lines.map((l, i) => {
              const left = l.quantity - (credited.get(l.lineId) ?? 0);
              const units = left === 0 ? 0 : picks[i % picks.length] % (left + 1);
              return { ...l, orderedQuantity: l.quantity, creditedUnits: credited.get(l.lineId) ?? 0, units, merchantFault: faults[r] };
            });
            const fullyReturned = returnLines.every((l) => l.creditedUnits + l.units === l.orderedQuantity);
            const shippingMinor = shippingToRefund('full_return', {
              orderShippingMinor: shipping,
              shippingRefundedMinor: shippingRefunded,
              merchantFault: faults[r],
              fullyReturned,
            });
            const result = calculateRefund({
              lines: returnLines,
              restockingFeeBps: feeBps,
              waiveRestockingFee: false,
              shippingMinor,
              paidMinor: paid,
              alreadyCreditedMinor: creditedTotal,
            });
            expect(result.amountMinor).toBeGreaterThanOrEqual(0);
            creditedTotal += result.creditMinor;
            shippingRefunded += shippingMinor;
            for (const l of returnLines) credited.set(l.lineId, l.creditedUnits + l.units);
            expect(creditedTotal).toBeLessThanOrEqual(paid);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refunds exactly what was paid when everything comes back without fees (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 30 }),
        (quantity, net, tax, chunks) => {
          let creditedUnits = 0;
          let total = 0;
          for (const chunk of chunks) {
            const units = Math.min(chunk, quantity - creditedUnits);
            if (units === 0) break;
            const result = calculateRefund(
              input({ lines: [{ lineId: 'L', orderedQuantity: quantity, netMinor: net, taxMinor: tax, creditedUnits, units, merchantFault: false }], paidMinor: net + tax, alreadyCreditedMinor: total }),
            );
            total += result.amountMinor;
            creditedUnits += units;
          }
          if (creditedUnits === quantity) expect(total).toBe(net + tax);
          else expect(total).toBeLessThanOrEqual(net + tax);
        },
      ),
    );
  });
});

describe(shippingToRefund.name, () => {
  const situation = { orderShippingMinor: 495, shippingRefundedMinor: 0, merchantFault: false, fullyReturned: false };

  it.each([
    ['never', { merchantFault: true, fullyReturned: true }, 0],
    ['always', {}, 495],
    ['merchant_fault', {}, 0],
    ['merchant_fault', { merchantFault: true }, 495],
    ['full_return', {}, 0],
    ['full_return', { fullyReturned: true }, 495],
  ] as const)('under %s with %o refunds %d', (rule, overrides, expected) => {
    expect(shippingToRefund(rule, { ...situation, ...overrides })).toBe(expected);
  });

  it('refunds shipping only once per order', () => {
    expect(shippingToRefund('always', { ...situation, shippingRefundedMinor: 495 })).toBe(0);
  });
});
