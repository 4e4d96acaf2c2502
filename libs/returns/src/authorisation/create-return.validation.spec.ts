import type { returnsV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { validateCreateReturn } from './create-return.validation';

const ORDER = '6f1c1f52-8b36-4c61-9d55-3c8f0a4f9a01';
const STORE = '0b6c4d38-37a4-4c43-a2a4-3f7d1f3e2a10';

function request(overrides: Partial<returnsV1.CreateReturnRequest> = {}): returnsV1.CreateReturnRequest {
  return {
    orderId: ORDER,
    method: 'in_store',
    locationId: STORE,
    createdBy: 'store',
    reference: '',
    lines: [{ lineId: 'line-1', quantity: 1, reasonCode: 'changed_mind', note: '' }],
    refundMode: '',
    noRefundReason: '',
    exchangeLines: [],
    ...overrides,
  };
}

function fields(input: returnsV1.CreateReturnRequest): string[] {
  try {
    validateCreateReturn(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).violations.map((v) => v.field);
  }
  throw new Error('expected the request to be refused');
}

describe(validateCreateReturn.name, () => {
  it('accepts an in-store return and defaults to a refund', () => {
    expect(validateCreateReturn(request())).toMatchObject({
      orderId: ORDER,
      method: 'in_store',
      locationId: STORE,
      refundMode: 'refund',
      noRefundReason: null,
      reference: null,
    });
  });

  it('lets a mail return leave the location to the policy', () => {
    expect(validateCreateReturn(request({ method: 'mail', locationId: '' })).locationId).toBeNull();
  });

  it.each([
    ['orderId', { orderId: 'not-a-uuid' }],
    ['method', { method: 'pigeon' }],
    ['locationId', { locationId: '' }],
    ['createdBy', { createdBy: 'robot' }],
    ['lines', { lines: [] }],
    ['refundMode', { refundMode: 'store_credit' }],
    ['noRefundReason', { refundMode: 'none' }],
    ['noRefundReason', { noRefundReason: 'goodwill' }],
  ])('names %s when it is wrong', (field, overrides) => {
    expect(fields(request(overrides as Partial<returnsV1.CreateReturnRequest>))).toEqual([field]);
  });

  it('names bad lines by index, including a line named twice', () => {
    expect(
      fields(
        request({
          lines: [
            { lineId: 'a', quantity: 0, reasonCode: '', note: '' },
            { lineId: 'a', quantity: 1.5, reasonCode: 'x', note: 'n'.repeat(501) },
          ],
        }),
      ),
    ).toEqual(['lines[0].quantity', 'lines[0].reasonCode', 'lines[1].lineId', 'lines[1].quantity', 'lines[1].note']);
  });

  it('checks exchange lines and refuses an exchange without refund', () => {
    expect(fields(request({ exchangeLines: [{ sku: '', quantity: 0, unitPriceMinor: -1 }] }))).toEqual([
      'exchangeLines[0].sku',
      'exchangeLines[0].quantity',
      'exchangeLines[0].unitPriceMinor',
    ]);
    expect(
      fields(request({ refundMode: 'none', noRefundReason: 'goodwill', exchangeLines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1 }] })),
    ).toEqual(['exchangeLines']);
  });
});
