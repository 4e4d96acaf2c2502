import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Outbox, createEvent } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { lineNetMinor, orderPaidMinor } from '../peers/purchased-order';
import { OrderAccountsRepository } from '../refund/order-accounts.repository';
import { calculateRefund } from '../refund/refund-calculator';
import { historyEntry } from '../return/return-lifecycle';
import { ReturnLineEntity } from '../return/return-line.entity';
import type { ExchangeRecord } from '../return/return-records';
import { ReturnEntity } from '../return/return.entity';
import { ReturnsRepository } from '../return/returns.repository';
import type { CreateReturnState } from './create-return-state';
import { checkRequestedLines, type CheckedReturnLine } from './return-request-check';
import { assessLines } from './returnable-quantities';

const RMA_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short, unambiguous RMA number people can read out (no 0/O, 1/I): `RMA-` and 10 characters. */
export function newRmaNumber(): string {
  const bytes = randomBytes(10);
  return `RMA-${[...bytes].map((b) => RMA_ALPHABET[b % RMA_ALPHABET.length]).join('')}`;
}

/**
 * Step 1 of creating a return: decides and stores the authorisation. Under the order's lock (its
 * return account row), it reads what every other return of the order holds, checks the requested
 * lines against the order, the window and the tenant's rules, and writes the return, its lines, its
 * history and `returns.return.authorised.v1` in one transaction — so two returns of the same
 * units racing each other can never both be authorised. A request repeating an earlier one's
 * reference is answered with that return.
 */
@Injectable()
export class ReturnAuthorisation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReturnsRepository,
    private readonly accounts: OrderAccountsRepository,
    private readonly outbox: Outbox,
  ) {}

  async authorise(state: CreateReturnState): Promise<void> {
    const { command, order, policy } = state;
    const now = new Date();
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.accounts.lock(manager, order.id, order.currency, orderPaidMinor(order));
        const claims = await this.repository.findClaimsOfOrder(manager, order.id);
        const lines = checkRequestedLines(order.id, command.lines, assessLines(order, claims, policy, now), policy);
        const credits = new Map((await this.accounts.lineCredits(manager, order.id)).map((c) => [c.lineId, c.creditedUnits]));
        state.returnedValueMinor = returnedValue(state, lines, credits);
        const ret = returnEntity(state, now);
        await this.repository.insertReturn(manager, ret, lines.map((line) => lineEntity(state.returnId, line)));
        await this.repository.recordHistory(manager, [historyEntry(ret.id, null, 'authorised', authorisedReason(state), now)]);
        await this.outbox.append(
          manager,
          createEvent('returns.return.authorised.v1', { type: 'return', id: ret.id }, {
            returnId: ret.id,
            rmaNumber: ret.rmaNumber,
            orderId: order.id,
            method: command.method,
            locationId: state.locationId ?? '',
            createdBy: command.createdBy,
            lines: lines.map((line) => ({ lineId: line.lineId, sku: line.sku, quantity: line.quantity, reasonCode: line.reasonCode })),
            refundMode: command.refundMode,
            exchange: command.exchangeLines.length > 0,
          }),
        );
      });
    } catch (error) {
      if (!command.reference || !this.repository.isDuplicateReference(error)) throw error;
      const winner = await this.repository.findIdByReference(command.reference);
      if (!winner) throw error;
      state.created = false;
      state.answerId = winner;
      return;
    }
    this.outbox.notify();
    state.created = true;
    state.answerId = state.returnId;
  }
}

/** The authorised units at the price paid, as the refund would count them (no fee, no shipping). */
function returnedValue(state: CreateReturnState, lines: CheckedReturnLine[], credited: Map<string, number>): number {
  const byId = new Map(state.order.lines.map((line) => [line.lineId, line]));
  return calculateRefund({
    lines: lines.flatMap((line) => {
      const ordered = byId.get(line.lineId);
      if (!ordered) return [];
      const creditedUnits = Math.min(credited.get(line.lineId) ?? 0, ordered.quantity);
      return [
        {
          lineId: line.lineId,
          orderedQuantity: ordered.quantity,
          netMinor: lineNetMinor(ordered),
          taxMinor: ordered.taxMinor,
          creditedUnits,
          units: Math.min(line.quantity, ordered.quantity - creditedUnits),
          merchantFault: line.reason.merchantFault,
        },
      ];
    }),
    restockingFeeBps: 0,
    waiveRestockingFee: true,
    shippingMinor: 0,
    paidMinor: orderPaidMinor(state.order),
    alreadyCreditedMinor: 0,
  }).creditMinor;
}

function returnEntity(state: CreateReturnState, now: Date): ReturnEntity {
  const { command, order } = state;
  const exchange: ExchangeRecord | null =
    command.exchangeLines.length === 0
      ? null
      : {
          status: 'pending',
          lines: command.exchangeLines,
          orderId: null,
          returnedValueMinor: state.returnedValueMinor ?? 0,
          exchangeValueMinor: 0,
          differenceMinor: 0,
          settlement: null,
          settlementMinor: 0,
          chargedMinor: 0,
          failure: null,
        };
  return Object.assign(new ReturnEntity(), {
    id: state.returnId,
    tenantId: requireTenant(),
    rmaNumber: state.rmaNumber,
    orderId: order.id,
    reference: command.reference,
    status: 'authorised',
    method: command.method,
    locationId: state.locationId,
    receivedLocationId: null,
    createdBy: command.createdBy,
    currency: order.currency,
    customerEmail: order.customerEmail,
    refundMode: command.refundMode,
    noRefundReason: command.noRefundReason,
    label: command.method === 'mail' ? null : { status: 'not_needed', carrier: '', service: '', trackingNumber: '', labelUrl: '', message: '' },
    exchange,
    carrier: null,
    trackingNumber: null,
    createdAt: now,
    updatedAt: now,
  } satisfies ReturnEntity);
}

function lineEntity(returnId: string, line: CheckedReturnLine): ReturnLineEntity {
  return Object.assign(new ReturnLineEntity(), {
    id: randomUUID(),
    tenantId: requireTenant(),
    returnId,
    orderLineId: line.lineId,
    sku: line.sku,
    quantity: line.quantity,
    receivedQuantity: 0,
    reasonCode: line.reasonCode,
    merchantFault: line.reason.merchantFault,
    note: line.note,
  } satisfies ReturnLineEntity);
}

function authorisedReason(state: CreateReturnState): string {
  const where = state.command.method === 'mail' ? 'by mail' : 'in store';
  return `authorised ${where} by ${state.command.createdBy}`;
}
