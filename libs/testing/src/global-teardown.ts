import { HARNESS_STATE_KEY, type HarnessState } from './global-setup';

/** Jest globalTeardown: stops whatever global-setup started, newest first. */
export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[HARNESS_STATE_KEY] as HarnessState | undefined;
  if (!state) {
    return;
  }
  const failures: string[] = [];
  for (const { name, server } of [...state.started].reverse()) {
    try {
      await server.stop();
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  state.started = [];
  if (failures.length > 0) {
    throw new Error(`Could not stop test servers: ${failures.join('; ')}`);
  }
}
