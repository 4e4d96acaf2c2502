import { JetStreamNaming, supportsMultipleFilters } from './jetstream-naming';

describe(JetStreamNaming.name, () => {
  describe('with the default prefix', () => {
    const naming = new JetStreamNaming();

    it('names one stream per producer holding its subjects', () => {
      expect(naming.streamOf('orders')).toBe('BATON_ORDERS');
      expect(naming.streamSubjectsOf('orders')).toBe('orders.>');
      expect(naming.subjectOf('orders.order.placed.v1')).toBe('orders.order.placed.v1');
    });

    it('parks under BATON_PARKED by consumer and type', () => {
      expect(naming.parkedStream).toBe('BATON_PARKED');
      expect(naming.parkedSubjects).toBe('parked.>');
      expect(naming.parkedSubjectOf('fulfillment', 'orders.order.placed.v1')).toBe(
        'parked.fulfillment.orders.order.placed.v1',
      );
    });
  });

  describe('with another prefix', () => {
    const naming = new JetStreamNaming('E2E_1A');

    it('isolates streams and subjects', () => {
      expect(naming.streamOf('orders')).toBe('E2E_1A_ORDERS');
      expect(naming.streamSubjectsOf('orders')).toBe('E2E_1A.orders.>');
      expect(naming.subjectOf('orders.order.placed.v1')).toBe('E2E_1A.orders.order.placed.v1');
      expect(naming.parkedStream).toBe('E2E_1A_PARKED');
      expect(naming.parkedSubjectOf('tracking', 'orders.order.placed.v1')).toBe(
        'E2E_1A.parked.tracking.orders.order.placed.v1',
      );
    });
  });

  it('rejects names NATS would misread', () => {
    expect(() => new JetStreamNaming('A.B')).toThrow(/prefix/);
    expect(() => new JetStreamNaming('baton')).toThrow(/prefix/);
    expect(() => new JetStreamNaming('')).toThrow(/prefix/);
    expect(() => new JetStreamNaming().streamOf('or ders')).toThrow(/producer/);
    expect(() => new JetStreamNaming().durableOf('fulfil.ment')).toThrow(/consumer/);
    expect(() => new JetStreamNaming().parkedSubjectOf('a>', 'orders.order.placed.v1')).toThrow(/consumer/);
  });

  describe('consumer filters', () => {
    const naming = new JetStreamNaming();
    const types = ['inventory.stock.reserved.v1', 'inventory.stock.changed.v1'];

    it('filters on the one subscribed type', () => {
      expect(naming.consumerFilterOf('inventory', [types[0]], false)).toEqual({
        filter_subject: 'inventory.stock.reserved.v1',
        filter_subjects: undefined,
      });
    });

    it('filters on every subscribed type where the server supports it', () => {
      expect(naming.consumerFilterOf('inventory', types, true)).toEqual({
        filter_subject: undefined,
        filter_subjects: ['inventory.stock.changed.v1', 'inventory.stock.reserved.v1'],
      });
    });

    it('falls back to the whole stream on older servers', () => {
      expect(naming.consumerFilterOf('inventory', types, false)).toEqual({
        filter_subject: 'inventory.>',
        filter_subjects: undefined,
      });
    });
  });
});

describe(supportsMultipleFilters.name, () => {
  it.each([
    ['2.9.10', false],
    ['2.10.0', true],
    ['2.11.3', true],
    ['v2.10.7', true],
    ['3.0.0', true],
    ['1.4.0', false],
    [undefined, false],
    ['garbage', false],
  ])('server %s → %s', (version, expected) => {
    expect(supportsMultipleFilters(version)).toBe(expected);
  });
});
