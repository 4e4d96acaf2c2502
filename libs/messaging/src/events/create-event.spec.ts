import { DomainError, type StockChangedV1 } from '@baton/domain';
import { runWithContext } from '@baton/platform';
import { createEvent } from './create-event';

const data: StockChangedV1 = {
  sku: 'SKU-1',
  locationId: 'loc-1',
  movementType: 'receipt',
  quantity: 5,
  onHand: 5,
  reserved: 0,
  available: 5,
  reference: 'po-1',
};

describe(createEvent.name, () => {
  it('fills tenant, correlation and causation from the current context', () => {
    const envelope = runWithContext(
      { tenantId: 'tenant-a', correlationId: 'corr-1', causationId: 'evt-0' },
      () => createEvent('inventory.stock.changed.v1', { type: 'stock', id: 'SKU-1@loc-1' }, data),
    );

    expect(envelope).toMatchObject({
      type: 'inventory.stock.changed.v1',
      version: 1,
      tenantId: 'tenant-a',
      aggregateType: 'stock',
      aggregateId: 'SKU-1@loc-1',
      correlationId: 'corr-1',
      causationId: 'evt-0',
      data,
    });
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(envelope.occurredAt))).toBe(false);
  });

  it('has no causation when the context names none', () => {
    const envelope = runWithContext({ tenantId: 'tenant-a', correlationId: 'corr-1' }, () =>
      createEvent('inventory.stock.changed.v1', { type: 'stock', id: 'x' }, data),
    );
    expect(envelope.causationId).toBeNull();
  });

  it('gives every event its own id', () => {
    const ids = runWithContext({ tenantId: 't', correlationId: 'c' }, () =>
      Array.from({ length: 50 }, () => createEvent('inventory.stock.changed.v1', { type: 'stock', id: 'x' }, data).id),
    );
    expect(new Set(ids).size).toBe(50);
  });

  it('refuses to create an event outside a tenant', () => {
    expect(() => createEvent('inventory.stock.changed.v1', { type: 'stock', id: 'x' }, data)).toThrow(DomainError);
    expect(() =>
      runWithContext({ correlationId: 'c' }, () =>
        createEvent('inventory.stock.changed.v1', { type: 'stock', id: 'x' }, data),
      ),
    ).toThrow(/tenant/i);
  });
});
