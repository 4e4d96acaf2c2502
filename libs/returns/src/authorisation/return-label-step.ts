import { Injectable } from '@nestjs/common';
import { ReturnLabelsClient } from '../peers/return-labels.client';
import { ReturnLifecycle } from '../return/return-lifecycle';
import type { LabelRecord } from '../return/return-records';
import { ReturnsRepository } from '../return/returns.repository';
import type { CreateReturnState } from './create-return-state';

/**
 * Step 2 of creating a mail return: a return label from the carrier interface, kept on the
 * return. It runs after the authorisation committed, so no label is bought for a return that was
 * refused. A mail return without a known destination, or without a carrier that issues return
 * labels, keeps a label record saying why there is none.
 * Compensation: none — no label can be voided yet, since none is bought (see ReturnLabelsClient).
 */
@Injectable()
export class ReturnLabelStep {
  constructor(
    private readonly labels: ReturnLabelsClient,
    private readonly lifecycle: ReturnLifecycle,
    private readonly repository: ReturnsRepository,
  ) {}

  async attach(state: CreateReturnState): Promise<void> {
    if (state.command.method !== 'mail' || !state.created) return;
    const label: LabelRecord = state.locationId
      ? await this.labels.createReturnLabel({ returnId: state.returnId, rmaNumber: state.rmaNumber, toLocationId: state.locationId })
      : {
          status: 'unavailable',
          carrier: '',
          service: '',
          trackingNumber: '',
          labelUrl: '',
          message: 'No return location is known: none was given and the policy names no default mail-return location',
        };
    await this.lifecycle.change(state.returnId, async (manager, ret) => {
      await this.repository.updateReturn(manager, ret.id, { label });
      return [];
    });
  }
}
