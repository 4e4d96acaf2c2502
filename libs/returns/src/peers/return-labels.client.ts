import { Injectable } from '@nestjs/common';
import type { LabelRecord } from '../return/return-records';

export interface ReturnLabelRequest {
  returnId: string;
  rmaNumber: string;
  toLocationId: string;
}

/**
 * Return labels from the carrier interface. Fulfillment owns the carriers; its contract has no
 * call that issues a label for an inbound (return) parcel — only labels of outbound shipments it
 * ships itself. Until it has one, a mail return is authorised without a label and says so, so the
 * channel can send its own instructions; nothing is faked.
 */
@Injectable()
export class ReturnLabelsClient {
  async createReturnLabel(request: ReturnLabelRequest): Promise<LabelRecord> {
    return {
      status: 'unavailable',
      carrier: '',
      service: '',
      trackingNumber: '',
      labelUrl: '',
      message:
        `No return label was issued for ${request.rmaNumber}: no carrier offers return labels through the ` +
        'fulfillment service yet. Send the parcel to the return location by any carrier.',
    };
  }
}
