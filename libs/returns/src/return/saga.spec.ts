import { runSaga, type SagaStep } from './saga';

function step(name: string, log: string[], fail = false): SagaStep<string[]> {
  return {
    name,
    async invoke() {
      if (fail) throw new Error(`${name} failed`);
      log.push(`do ${name}`);
    },
    async compensate() {
      log.push(`undo ${name}`);
    },
  };
}

describe(runSaga.name, () => {
  it('runs every step in order', async () => {
    const log: string[] = [];
    await runSaga([step('a', log), step('b', log)], log, () => undefined);
    expect(log).toEqual(['do a', 'do b']);
  });

  it('compensates completed steps in reverse order and rethrows the failure', async () => {
    const log: string[] = [];
    await expect(runSaga([step('a', log), step('b', log), step('c', log, true)], log, () => undefined)).rejects.toThrow('c failed');
    expect(log).toEqual(['do a', 'do b', 'undo b', 'undo a']);
  });

  it('reports a failing compensation and still compensates the rest', async () => {
    const log: string[] = [];
    const failures: string[] = [];
    const broken: SagaStep<string[]> = { ...step('a', log), compensate: async () => Promise.reject(new Error('no')) };
    await expect(runSaga([step('z', log), broken, step('b', log, true)], log, (name) => failures.push(name))).rejects.toThrow('b failed');
    expect(failures).toEqual(['a']);
    expect(log).toEqual(['do z', 'do a', 'undo z']);
  });
});
