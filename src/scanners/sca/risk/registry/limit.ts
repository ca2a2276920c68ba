/** Runs at most `concurrency` of the tasks handed to it at once; the others wait their turn. */
export function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so no newcomer slips in between.
      const wake = waiting.shift();
      if (wake) wake();
      else running--;
    }
  };
}
