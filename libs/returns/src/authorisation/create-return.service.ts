import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { ExchangePlacement } from '../exchange/exchange-placement';
import { ReturnClosingService } from '../return/return-closing.service';
import { ReturnLifecycle } from '../return/return-lifecycle';
import { runSaga, type SagaStep } from '@baton/domain';
import type { CreateReturnState } from './create-return-state';
import { validateCreateReturn } from './create-return.validation';
import { ReturnAuthorisation, newRmaNumber } from './return-authorisation';
import { ReturnLabelStep } from './return-label-step';
import { ReturnPreparation } from './return-preparation';

function causeOf(error: unknown): string {
  return error instanceof DomainError ? `${error.code}: ${error.message}` : 'internal error';
}

/**
 * Creating a return, as a saga: authorise (commit the RMA under the order's lock) → label (mail)
 * → place the exchange order (when one is asked for) → link it. Invalid requests, orders that do
 * not exist and lines that may not come back are refused before anything is stored. When a step
 * after the authorisation fails — the exchange cannot be sourced — the return is cancelled with
 * the cause (compensation) and the step's error is answered, so its quantities stay returnable.
 * A request repeating the reference of an earlier one answers that return (`created` false).
 */
@Injectable()
export class CreateReturnService {
  private readonly logger = new Logger(CreateReturnService.name);
  private readonly steps: ReadonlyArray<SagaStep<CreateReturnState>>;

  constructor(
    private readonly preparation: ReturnPreparation,
    private readonly lifecycle: ReturnLifecycle,
    authorisation: ReturnAuthorisation,
    labels: ReturnLabelStep,
    exchanges: ExchangePlacement,
    closing: ReturnClosingService,
  ) {
    this.steps = [
      {
        name: 'authorise',
        invoke: (state) => authorisation.authorise(state),
        compensate: async (state) => {
          if (state.created) await closing.cancelAfterFailedCreation(state.returnId, state.failure ?? 'a later step failed');
        },
      },
      { name: 'label', invoke: (state) => labels.attach(state), compensate: async () => undefined },
      {
        name: 'place-exchange',
        invoke: async (state) => {
          try {
            await exchanges.place(state);
          } catch (error) {
            state.failure = `exchange order not placed (${causeOf(error)})`;
            throw error;
          }
        },
        compensate: (state) => exchanges.abandon(state),
      },
      { name: 'link-exchange', invoke: (state) => exchanges.link(state), compensate: async () => undefined },
    ];
  }

  async createReturn(request: returnsV1.CreateReturnRequest): Promise<returnsV1.CreateReturnResponse> {
    const command = validateCreateReturn(request);
    if (command.reference) {
      const existing = await this.preparation.existingReturnId(command.reference);
      if (existing) return { rma: await this.lifecycle.current(existing), created: false };
    }
    const prepared = await this.preparation.prepare(command);
    const state: CreateReturnState = { command, ...prepared, returnId: randomUUID(), rmaNumber: newRmaNumber() };
    await runSaga(this.steps, state, (step, error) =>
      this.logger.error(`Compensation of step ${step} failed for return ${state.returnId}: ${String(error)}`),
    );
    return { rma: await this.lifecycle.current(state.answerId ?? state.returnId), created: state.created ?? false };
  }
}
