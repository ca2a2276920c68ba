/**
 * At most `rate` request starts a second and `concurrency` in flight: the scan must never be
 * the load test nobody asked for.
 */
export class RateLimiter {
  private nextStart = 0;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private rate: number,
    private readonly concurrency: number,
  ) {}

  /** Requests per second now: the server's 429s can only lower it. */
  get currentRate(): number {
    return this.rate;
  }

  /**
   * The server said it is overloaded: halve the rate (down to one request every two seconds) and
   * start nothing before `pauseMs` has passed.
   */
  backOff(pauseMs: number): void {
    this.rate = Math.max(0.5, this.rate / 2);
    this.nextStart = Math.max(this.nextStart, Date.now() + pauseMs);
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(signal?: AbortSignal): Promise<void> {
    if (this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.rate;
    if (start > now) await sleep(start - now, signal);
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
