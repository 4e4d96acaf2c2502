import { Injectable } from '@nestjs/common';
import { DomainError } from '@baton/domain';
import { OrderIntake } from '../order-intake.service';
import type { PlaceOrderDto } from '../place-order.dto';
import type { MappedOrder, RejectedOrder } from './channel-adapter';
import { CsvOrdersAdapter, csvViolation } from './csv/csv-orders.adapter';
import type { ImportResultView } from './import-result.view';
import type { ImportedOrderView } from './imported-order.view';

const PARALLEL_PLACEMENTS = 4;
/** Refusals of one order by the services: reported for that order, the others go on. */
const PER_ORDER_REFUSALS = new Set(['invalid', 'not_found', 'conflict', 'precondition']);

/**
 * CSV batch import of B2B orders. Every order of the file goes through the same intake as
 * POST /v1/orders; a bad order is reported with its rows and does not stop the others. Placement is
 * idempotent by channel order id, so re-sending a file (or a fixed one) places only what is new.
 * If a service is down the import stops with 503 — what was placed stays placed, and a retry of
 * the same file completes it.
 */
@Injectable()
export class OrdersImportService {
  private readonly adapter = new CsvOrdersAdapter();

  constructor(private readonly intake: OrderIntake) {}

  async importCsv(text: string, channel: string): Promise<ImportResultView> {
    const mapped = this.adapter.toOrders(text, channel);
    const results = new Map<string, ImportedOrderView>();
    const first = (o: MappedOrder | RejectedOrder) => o.rows[0] ?? 0;
    const valid: { order: MappedOrder; dto: PlaceOrderDto; view: ImportedOrderView }[] = [];
    for (const rejected of mapped.rejected) results.set(key(rejected), rejectedView(rejected));
    for (const order of mapped.orders) {
      const { dto, violations } = this.intake.validate(order.order);
      if (violations.length > 0) {
        results.set(key(order), rejectedView({ ...order, errors: violations.map((v) => csvViolation(order, v)) }));
      } else {
        const view: ImportedOrderView = { channelOrderId: order.channelOrderId, rows: order.rows, outcome: 'created' };
        results.set(key(order), view);
        valid.push({ order, dto, view });
      }
    }
    await inBatches(valid, PARALLEL_PLACEMENTS, async ({ order, dto, view }) => {
      try {
        const placed = await this.intake.place(dto);
        view.outcome = placed.created ? 'created' : 'existing';
        view.orderId = placed.order.id;
      } catch (error) {
        if (!(error instanceof DomainError) || !PER_ORDER_REFUSALS.has(error.kind)) throw error;
        view.outcome = 'rejected';
        view.errors = [{ row: first(order), field: '', message: `${error.code}: ${error.message}` }];
      }
    });
    const orders = [...results.values()].sort((a, b) => (a.rows[0] ?? 0) - (b.rows[0] ?? 0));
    const count = (outcome: ImportedOrderView['outcome']) => orders.filter((o) => o.outcome === outcome).length;
    return {
      orders,
      summary: { orders: orders.length, created: count('created'), existing: count('existing'), rejected: count('rejected') },
    };
  }
}

function key(order: MappedOrder | RejectedOrder): string {
  return `${order.rows[0] ?? 0}:${order.channelOrderId}`;
}

function rejectedView(order: RejectedOrder): ImportedOrderView {
  return {
    channelOrderId: order.channelOrderId,
    rows: order.rows,
    outcome: 'rejected',
    errors: order.errors.map((e) => ({ row: e.row ?? order.rows[0] ?? 0, field: e.field, message: e.message })),
  };
}

/** Runs `work` on the items, `width` at a time; after a failure no further item is started. */
async function inBatches<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const item = items[next];
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
