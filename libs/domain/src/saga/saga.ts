/**
 * One step of a saga with its compensation beside it. `compensate` undoes what `invoke` did and
 * must be idempotent: it may run after a crash or more than once.
 */
export interface SagaStep<S> {
  readonly name: string;
  invoke(state: S): Promise<void>;
  compensate(state: S): Promise<void>;
}

/** Reports a compensation that itself failed; the original failure is still the one rethrown. */
export type CompensationFailureHandler = (step: string, error: unknown) => void;

/**
 * Runs the steps in order. When a step fails, the steps that completed before it are compensated
 * in reverse order and the step's error is rethrown unchanged, so callers see the real cause.
 */
export async function runSaga<S>(
  steps: ReadonlyArray<SagaStep<S>>,
  state: S,
  onCompensationFailure: CompensationFailureHandler,
): Promise<S> {
  const completed: Array<SagaStep<S>> = [];
  for (const step of steps) {
    try {
      await step.invoke(state);
    } catch (error) {
      for (const done of [...completed].reverse()) {
        try {
          await done.compensate(state);
        } catch (compensationError) {
          onCompensationFailure(done.name, compensationError);
        }
      }
      throw error;
    }
    completed.push(step);
  }
  return state;
}
