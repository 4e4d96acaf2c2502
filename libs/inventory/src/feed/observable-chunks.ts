import type { Observable } from 'rxjs';

/**
 * The messages of a client stream as an async iterable, so a handler can `for await` them and
 * keep its request context across awaits. Messages that arrive faster than they are consumed
 * wait in memory (Nest does not apply back-pressure to client streams).
 */
export async function* messagesOf<T>(stream: Observable<T>): AsyncGenerator<T> {
  const queue: T[] = [];
  let done = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const subscription = stream.subscribe({
    next: (message) => {
      queue.push(message);
      wake?.();
    },
    error: (error: unknown) => {
      failure = { error };
      wake?.();
    },
    complete: () => {
      done = true;
      wake?.();
    },
  });
  try {
    for (;;) {
      if (queue.length > 0) {
        yield queue.shift() as T;
        continue;
      }
      if (failure) throw failure.error;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    subscription.unsubscribe();
  }
}
