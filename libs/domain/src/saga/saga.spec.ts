import { runSaga, type SagaStep } from './saga';

type Log = string[];

function step(name: string, options: { fail?: boolean; failCompensation?: boolean } = {}): SagaStep<Log> {
  return {
    name,
    invoke: async (log) => {
      log.push(`invoke ${name}`);
      if (options.fail) throw new Error(`${name} failed`);
    },
    compensate: async (log) => {
      log.push(`compensate ${name}`);
      if (options.failCompensation) throw new Error(`${name} compensation failed`);
    },
  };
}

describe(runSaga.name, () => {
  it('runs every step in order and compensates nothing on success', async () => {
    const log = await runSaga([step('a'), step('b'), step('c')], [], () => undefined);
    expect(log).toEqual(['invoke a', 'invoke b', 'invoke c']);
  });

  it('compensates the completed steps in reverse order when a later step fails', async () => {
    const log: Log = [];
    await expect(runSaga([step('a'), step('b'), step('c', { fail: true }), step('d')], log, () => undefined)).rejects.toThrow(
      'c failed',
    );
    expect(log).toEqual(['invoke a', 'invoke b', 'invoke c', 'compensate b', 'compensate a']);
  });

  it('keeps compensating and rethrows the original error when a compensation fails', async () => {
    const log: Log = [];
    const failures: string[] = [];
    await expect(
      runSaga([step('a'), step('b', { failCompensation: true }), step('c', { fail: true })], log, (name) => failures.push(name)),
    ).rejects.toThrow('c failed');
    expect(log).toEqual(['invoke a', 'invoke b', 'invoke c', 'compensate b', 'compensate a']);
    expect(failures).toEqual(['b']);
  });
});
