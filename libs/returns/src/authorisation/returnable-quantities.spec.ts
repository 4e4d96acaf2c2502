import { defaultReturnPolicy, type ReturnPolicy } from '../policy/return-policy';
import type { PurchasedLine, PurchasedOrder } from '../peers/purchased-order';
import { assessLines, claimedQuantities, windowEndsAt, type ReturnClaimView } from './returnable-quantities';

const PLACED = new Date('2026-11-01T10:00:00Z');

function line(overrides: Partial<PurchasedLine> = {}): PurchasedLine {
  return {
    lineId: 'L1',
    sku: 'SHIRT-M',
    quantity: 3,
    cancelledQuantity: 0,
    status: 'shipped',
    eligibleQuantity: 3,
    unitPriceMinor: 1000,
    discountMinor: 0,
    taxMinor: 0,
    fulfilledAt: null,
    ...overrides,
  };
}

function order(lines: PurchasedLine[] = [line()]): PurchasedOrder {
  return {
    id: 'o-1',
    channel: 'web',
    channelOrderId: 'W-1',
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    destinationLocationId: null,
    status: 'shipped',
    shippingMinor: 0,
    totalPaidMinor: 1_000_000,
    createdAt: PLACED,
    lines,
  };
}

function open(status: ReturnClaimView['status'], quantity: number, lineId = 'L1'): ReturnClaimView {
  return { status, lines: [{ orderLineId: lineId, quantity }], units: [] };
}

function inspected(status: 'inspected' | 'completed', grades: string[], lineId = 'L1'): ReturnClaimView {
  return {
    status,
    lines: [{ orderLineId: lineId, quantity: grades.length }],
    units: grades.map((grade) => ({ orderLineId: lineId, grade, unexpected: false })),
  };
}

const policy = (overrides: Partial<ReturnPolicy> = {}): ReturnPolicy => ({ ...defaultReturnPolicy(), ...overrides });
const SOON = new Date('2026-11-05T10:00:00Z');

describe(claimedQuantities.name, () => {
  it('holds the whole authorised quantity of open returns, received or not', () => {
    const claimed = claimedQuantities([open('authorised', 1), open('in_transit', 1), open('received', 2, 'L2')]);
    expect(Object.fromEntries(claimed)).toEqual({ L1: 2, L2: 2 });
  });

  it('counts only what came back as the goods sold once a return is inspected or completed', () => {
    const claimed = claimedQuantities([
      inspected('completed', ['resellable', 'missing', 'damaged']),
      inspected('inspected', ['wrong_item', 'defective']),
    ]);
    expect(claimed.get('L1')).toBe(3);
  });

  it('ignores unexpected items and cancelled or rejected returns', () => {
    const withUnexpected: ReturnClaimView = {
      status: 'completed',
      lines: [],
      units: [{ orderLineId: null, grade: 'resellable', unexpected: true }],
    };
    expect(claimedQuantities([withUnexpected, open('cancelled', 3), open('rejected', 3)]).size).toBe(0);
  });
});

describe(assessLines.name, () => {
  it('leaves what the earlier returns of the order did not take, across several returns', () => {
    const returns = [open('authorised', 1), inspected('completed', ['resellable']), open('cancelled', 1)];
    const [assessment] = assessLines(order(), returns, policy(), SOON);
    expect(assessment).toMatchObject({ eligibleQuantity: 3, returnedQuantity: 2, returnableQuantity: 1, refusal: null });
  });

  it('reports FULLY_RETURNED with nothing left once every shipped unit is held', () => {
    const [assessment] = assessLines(order(), [open('received', 2), inspected('completed', ['resellable'])], policy(), SOON);
    expect(assessment).toMatchObject({ returnableQuantity: 0, refusal: 'FULLY_RETURNED' });
  });

  it('frees units that came back missing or as the wrong item', () => {
    const [assessment] = assessLines(order(), [inspected('completed', ['missing', 'wrong_item', 'resellable'])], policy(), SOON);
    expect(assessment.returnableQuantity).toBe(2);
  });

  it('only lets shipped or collected units come back', () => {
    const lines = [line({ lineId: 'A', status: 'sourced', eligibleQuantity: 0 }), line({ lineId: 'B', quantity: 5, eligibleQuantity: 2 })];
    const [a, b] = assessLines(order(lines), [], policy(), SOON);
    expect(a).toMatchObject({ refusal: 'NOT_SHIPPED', returnableQuantity: 0 });
    expect(b).toMatchObject({ refusal: null, returnableQuantity: 2 });
  });

  it('closes the window the configured number of days after the line reached the customer', () => {
    const shippedAt = new Date('2026-11-10T00:00:00Z');
    const shipped = line({ fulfilledAt: shippedAt });
    expect(windowEndsAt(order([shipped]), shipped, policy({ returnWindowDays: 14 }))).toEqual(new Date('2026-11-24T00:00:00Z'));
    const [inside] = assessLines(order([shipped]), [], policy({ returnWindowDays: 14 }), new Date('2026-11-24T00:00:00Z'));
    const [outside] = assessLines(order([shipped]), [], policy({ returnWindowDays: 14 }), new Date('2026-11-24T00:00:01Z'));
    expect(inside.refusal).toBeNull();
    expect(outside).toMatchObject({ refusal: 'WINDOW_CLOSED', returnableQuantity: 0 });
  });

  it('counts the window from the order date when orders does not say when the line shipped', () => {
    const [assessment] = assessLines(order(), [], policy({ returnWindowDays: 3 }), SOON);
    expect(assessment.refusal).toBe('WINDOW_CLOSED');
  });

  it('refuses non-returnable items by SKU or prefix, and keeps final-sale items returnable for merchant faults', () => {
    const lines = [line({ lineId: 'A', sku: 'GIFT-CARD-50' }), line({ lineId: 'B', sku: 'SALE-SHIRT' }), line({ lineId: 'C', sku: 'SHIRT-M' })];
    const [a, b, c] = assessLines(order(lines), [], policy({ nonReturnableSkus: ['GIFT-*'], finalSaleSkus: ['SALE-SHIRT'] }), SOON);
    expect(a).toMatchObject({ refusal: 'NON_RETURNABLE', returnableQuantity: 0 });
    expect(b).toMatchObject({ refusal: 'FINAL_SALE', finalSale: true, returnableQuantity: 3 });
    expect(c).toMatchObject({ refusal: null, finalSale: false });
  });

  it('reports what was paid for the line after discount and with tax', () => {
    const [assessment] = assessLines(order([line({ discountMinor: 300, taxMinor: 513 })]), [], policy(), SOON);
    expect(assessment.paidMinor).toBe(3000 - 300 + 513);
  });
});
