/**
 * GET /healthz one after the other, a fifth of a second apart. The route does no database work,
 * so its latency is how long the server's event loop keeps any request waiting: it tells
 * CPU-bound work in the server process apart from waits for the database.
 */
export function startProbe(url: string): { stop(): Promise<number[]> } {
  const ms: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      ms.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return ms;
    },
  };
}
