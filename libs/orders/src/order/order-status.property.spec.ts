import fc from 'fast-check';
import { checkOrderLineTransition, checkOrderTransition, type OrderLineStatus, type OrderStatus } from './order-state-machine';
import { deriveLineStatus, deriveOrderStatus, isCollection, type LineProgress } from './order-status';

type Op =
  | { kind: 'cancel' | 'backorder' | 'source' | 'ship' | 'ready' | 'deliver' | 'return'; share: number }
  | { kind: 'complete' }
  | { kind: 'hold' | 'release' };

const op: fc.Arbitrary<Op & { line: number }> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('cancel', 'backorder', 'source', 'ship', 'ready', 'deliver', 'return'),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
    line: fc.nat(3),
  }),
  fc.record({ kind: fc.constantFrom('complete', 'hold', 'release'), line: fc.nat(3) }),
) as fc.Arbitrary<Op & { line: number }>;

function newLine(quantity: number, deliveryMethod: string, backordered: boolean): LineProgress {
  return {
    status: backordered ? 'backordered' : 'sourced',
    deliveryMethod,
    quantity,
    cancelledQuantity: 0,
    shippedQuantity: 0,
    readyQuantity: 0,
    deliveredQuantity: 0,
    returnedQuantity: 0,
    backorderedQuantity: backordered ? quantity : 0,
  };
}

/** Applies one business step to a line the way the services do, within the quantities' invariants. */
function apply(line: LineProgress, step: Op, orderStatus: OrderStatus): void {
  const collection = isCollection(line.deliveryMethod);
  const out = collection ? line.deliveredQuantity : Math.max(line.shippedQuantity, line.deliveredQuantity);
  const open = line.quantity - line.cancelledQuantity - out;
  const part = (n: number) => ('share' in step ? Math.max(1, Math.floor(n * step.share)) : 0);
  switch (step.kind) {
    case 'cancel': {
      if (open <= 0) return;
      const k = part(open);
      line.cancelledQuantity += k;
      line.backorderedQuantity = Math.max(0, Math.min(line.backorderedQuantity, open - k));
      line.readyQuantity = Math.min(line.readyQuantity, line.quantity - line.cancelledQuantity);
      return;
    }
    case 'backorder': {
      const reserved = open - line.backorderedQuantity - (collection ? line.readyQuantity - line.deliveredQuantity : 0);
      if (reserved > 0) line.backorderedQuantity += part(reserved);
      return;
    }
    case 'source':
      if (line.backorderedQuantity > 0) line.backorderedQuantity -= part(line.backorderedQuantity);
      return;
    case 'ship':
    case 'ready': {
      if (collection !== (step.kind === 'ready')) return;
      const ready = open - line.backorderedQuantity - (collection ? line.readyQuantity - line.deliveredQuantity : 0);
      if (ready <= 0) return;
      if (collection) line.readyQuantity += part(ready);
      else line.shippedQuantity += part(ready);
      return;
    }
    case 'deliver': {
      const waiting = (collection ? line.readyQuantity : line.shippedQuantity) - line.deliveredQuantity;
      if (waiting > 0) line.deliveredQuantity += part(waiting);
      return;
    }
    case 'return': {
      const kept = line.deliveredQuantity - line.returnedQuantity;
      if (kept > 0 && ['delivered', 'collected', 'completed', 'partially_returned'].includes(orderStatus)) line.returnedQuantity += part(kept);
      return;
    }
    default:
      return;
  }
}

describe('order and line status derivation', () => {
  it('only ever moves a line and its order along their transition tables', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: 1, max: 6 }),
            method: fc.constantFrom('ship_to_address', 'click_and_collect', 'ship_to_store', 'same_day'),
            backordered: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(op, { maxLength: 40 }),
        (specs, ops) => {
          const lines = specs.map((s) => newLine(s.quantity, s.method, s.backordered));
          let held = false;
          let order: OrderStatus = deriveOrderStatus(lines, false, 'created');
          expect(checkOrderTransition('created', order)).toEqual({ allowed: true });
          for (const step of ops) {
            const line = lines[step.line % lines.length];
            if (step.kind === 'hold') held = !['shipped', 'delivered', 'collected', 'completed', 'returned', 'partially_returned', 'cancelled'].includes(order);
            else if (step.kind === 'release') held = false;
            else if (step.kind === 'complete') {
              if (order !== 'delivered' && order !== 'collected') continue;
              for (const l of lines) if (l.status === 'delivered' || l.status === 'collected') l.status = 'completed';
            } else apply(line, step, order);
            for (const l of lines) {
              const next: OrderLineStatus = deriveLineStatus(l);
              if (next !== l.status) {
                expect({ from: l.status, to: next, check: checkOrderLineTransition(l.status, next) }).toMatchObject({ check: { allowed: true } });
                l.status = next;
              }
            }
            const next = deriveOrderStatus(lines, held, step.kind === 'complete' ? 'completed' : order);
            if (next !== order) {
              expect({ from: order, to: next, check: checkOrderTransition(order, next) }).toMatchObject({ check: { allowed: true } });
              order = next;
            }
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  });
});
