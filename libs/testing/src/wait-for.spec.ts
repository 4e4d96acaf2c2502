import { waitFor } from './wait-for';

describe(waitFor.name, () => {
  it('resolves with the first truthy value', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? { calls } : undefined), { intervalMs: 1 });
    expect(value).toEqual({ calls: 3 });
  });

  it('treats a throwing predicate as not yet and reports its last error on timeout', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('still booting');
        },
        { timeoutMs: 50, intervalMs: 5, message: 'orders ready' },
      ),
    ).rejects.toThrow(/orders ready not met within 50 ms .*last error: still booting/);
  });

  it('gives up on a predicate that never holds, with a stack that starts at the caller', async () => {
    const error = await waitFor(() => false, { timeoutMs: 30, intervalMs: 5 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/condition not met/);
    const frames = ((error as Error).stack ?? '').split('\n').slice(1);
    expect(frames[0]).toContain('wait-for.spec.ts');
  });
});
