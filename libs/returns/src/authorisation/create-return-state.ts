import type { ordersV1 } from '@baton/contracts';
import type { PurchasedOrder } from '../peers/purchased-order';
import type { ReturnPolicy } from '../policy/return-policy';
import type { CreateReturnCommand } from './create-return.validation';

/** What the creation of one return knows so far; each saga step adds its part. */
export interface CreateReturnState {
  readonly command: CreateReturnCommand;
  readonly order: PurchasedOrder;
  readonly shipTo: ordersV1.Address | undefined;
  readonly policy: ReturnPolicy;
  /** Where the goods are expected: the given location, or the policy's mail-return default. */
  readonly locationId: string | null;
  readonly returnId: string;
  readonly rmaNumber: string;
  /** True once this request stored the return; false when an earlier request with the same reference did. */
  created?: boolean;
  /** The return that answers the request (this one, or the earlier one with the same reference). */
  answerId?: string;
  /** The authorised units at the price paid: what an exchange is set against. */
  returnedValueMinor?: number;
  exchangeOrder?: { orderId: string; totalMinor: number };
  /** Why a step after the authorisation failed, for the cancellation that compensates it. */
  failure?: string;
}
