import type { inventoryV1 } from '@baton/contracts';
import type { HoldFinding } from '../holds/hold-rules';
import type { OrderAggregate } from '../order/orders.repository';
import type { PlaceOrderCommand } from '../order/place-order.validation';
import type { RuleSetView } from '../rules/sourcing-rules';
import type { Backorder } from '../sourcing/backorder-plan';
import type { SourcingResult, SourcingStrategy } from '../sourcing/sourcing-model';
import type { EntityManager } from 'typeorm';

/** One part of a line the plan reserves at one location. */
export interface PlannedAllocation {
  id: string;
  lineIndex: number;
  sku: string;
  locationId: string;
  quantity: number;
  carrierServiceId: string | null;
  etaDate: string;
}

export interface PlacementOutcome {
  placed: OrderAggregate;
  created: boolean;
}

/** What the placement knows so far; each step adds its part. */
export interface PlacementState {
  readonly command: PlaceOrderCommand;
  readonly orderId: string;
  readonly rules: RuleSetView;
  readonly strategy: SourcingStrategy;
  /** The connection holding the placement lock; every database call of the saga goes through it. */
  readonly manager: EntityManager;
  readonly now: Date;
  result?: SourcingResult;
  /** Final line ids, by line index. */
  lineIds?: string[];
  allocations?: PlannedAllocation[];
  backorders?: Map<number, Backorder>;
  holds?: HoldFinding[];
  reservations?: Map<string, inventoryV1.Reservation>;
  outcome?: PlacementOutcome;
}
