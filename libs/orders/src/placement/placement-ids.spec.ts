import { nameBasedUuid, placementLineId, placementOrderId } from './placement-ids';

describe(nameBasedUuid.name, () => {
  it('matches the RFC 9562 version-5 test vector', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe(placementOrderId.name, () => {
  it('gives the same id for the same tenant, channel and channel order id', () => {
    expect(placementOrderId('acme', 'web', 'W-1')).toBe(placementOrderId('acme', 'web', 'W-1'));
  });

  it('gives different ids when any part of the key differs', () => {
    const ids = new Set([
      placementOrderId('acme', 'web', 'W-1'),
      placementOrderId('other', 'web', 'W-1'),
      placementOrderId('acme', 'pos', 'W-1'),
      placementOrderId('acme', 'web', 'W-2'),
      placementOrderId('acme', 'webW', '-1'),
    ]);
    expect(ids.size).toBe(5);
  });
});

describe(placementLineId.name, () => {
  const order = placementOrderId('acme', 'web', 'W-1');
  const line = { sku: 'A', quantity: 1, locationId: 'loc-1' };

  it('is stable for the same order, position and plan', () => {
    expect(placementLineId(order, 0, { ...line })).toBe(placementLineId(order, 0, line));
  });

  it('changes when the line is planned differently', () => {
    const ids = new Set([
      placementLineId(order, 0, line),
      placementLineId(placementOrderId('acme', 'web', 'W-2'), 0, line),
      placementLineId(order, 1, line),
      placementLineId(order, 0, { ...line, sku: 'B' }),
      placementLineId(order, 0, { ...line, quantity: 2 }),
      placementLineId(order, 0, { ...line, locationId: 'loc-2' }),
    ]);
    expect(ids.size).toBe(6);
  });
});
