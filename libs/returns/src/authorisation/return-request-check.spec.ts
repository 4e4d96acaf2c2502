import { ValidationError } from '@baton/domain';
import { defaultReturnPolicy } from '../policy/return-policy';
import { ReturnsError } from '../return/returns.errors';
import { checkRequestedLines } from './return-request-check';
import type { LineAssessment } from './returnable-quantities';

function assessment(overrides: Partial<LineAssessment> = {}): LineAssessment {
  return {
    lineId: 'L1',
    sku: 'SHIRT-M',
    orderedQuantity: 2,
    lineStatus: 'shipped',
    eligibleQuantity: 2,
    returnedQuantity: 0,
    returnableQuantity: 2,
    refusal: null,
    finalSale: false,
    paidMinor: 2000,
    windowEndsAt: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

const request = (overrides: Partial<{ lineId: string; quantity: number; reasonCode: string }> = {}) => ({
  lineId: 'L1',
  quantity: 1,
  reasonCode: 'changed_mind',
  note: '',
  ...overrides,
});

function refusal(fn: () => unknown): ReturnsError | ValidationError {
  try {
    fn();
  } catch (error) {
    return error as ReturnsError;
  }
  throw new Error('expected a refusal');
}

describe(checkRequestedLines.name, () => {
  const policy = defaultReturnPolicy();

  it('accepts returnable quantities and attaches the SKU and reason', () => {
    const [checked] = checkRequestedLines('o-1', [request({ quantity: 2 })], [assessment()], policy);
    expect(checked).toMatchObject({ lineId: 'L1', sku: 'SHIRT-M', quantity: 2, reason: { code: 'changed_mind', merchantFault: false } });
  });

  it('refuses a second return of an already-returned quantity with RETURN_QUANTITY_EXCEEDED (409)', () => {
    const error = refusal(() =>
      checkRequestedLines('o-1', [request()], [assessment({ returnedQuantity: 2, returnableQuantity: 0, refusal: 'FULLY_RETURNED' })], policy),
    );
    expect(error).toMatchObject({
      kind: 'conflict',
      code: 'RETURN_QUANTITY_EXCEEDED',
      details: { lines: [{ lineId: 'L1', requested: 1, returnable: 0, alreadyReturned: 2 }] },
    });
  });

  it('refuses lines that cannot come back, naming each with its refusal', () => {
    const error = refusal(() =>
      checkRequestedLines(
        'o-1',
        [request(), request({ lineId: 'L2' })],
        [assessment({ refusal: 'WINDOW_CLOSED', returnableQuantity: 0 }), assessment({ lineId: 'L2', refusal: 'NOT_SHIPPED', returnableQuantity: 0 })],
        policy,
      ),
    );
    expect(error).toMatchObject({ kind: 'precondition', code: 'LINE_NOT_RETURNABLE' });
    expect((error as ReturnsError).details['lines']).toEqual([
      { lineId: 'L1', sku: 'SHIRT-M', refusal: 'WINDOW_CLOSED', windowEndsAt: '2026-12-01T00:00:00.000Z' },
      { lineId: 'L2', sku: 'SHIRT-M', refusal: 'NOT_SHIPPED' },
    ]);
  });

  it('takes final-sale items back only for a merchant-fault reason', () => {
    const finalSale = assessment({ refusal: 'FINAL_SALE', finalSale: true });
    expect(refusal(() => checkRequestedLines('o-1', [request()], [finalSale], policy))).toMatchObject({ code: 'LINE_NOT_RETURNABLE' });
    expect(checkRequestedLines('o-1', [request({ reasonCode: 'defective' })], [finalSale], policy)).toHaveLength(1);
  });

  it('names unknown lines and reasons as fields (400)', () => {
    const error = refusal(() => checkRequestedLines('o-1', [request({ lineId: 'nope', reasonCode: 'bored' })], [assessment()], policy));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => v.field)).toEqual(['lines[0].lineId', 'lines[0].reasonCode']);
  });
});
