import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A canned answer: a JSON value, or raw text, with a status, after a delay. */
export interface Canned {
  status?: number;
  json?: unknown;
  text?: string;
  delayMs?: number;
}

/** An answer that depends on the request (npm's Accept header, crates.io's User-Agent). */
export type Route = Canned | ((req: IncomingMessage) => Canned);

export interface TestRegistry {
  url: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** A registry on 127.0.0.1 answering from a table of routes; anything else is a 404. */
export async function startTestRegistry(routes: Record<string, Route>): Promise<TestRegistry> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    const canned =
      typeof route === 'function' ? route(req) : (route ?? { status: 404, json: { error: 'Not found' } });
    const timer = setTimeout(() => answer(res, canned), canned.delayMs ?? 0);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, canned: Canned): void {
  const body = canned.text ?? JSON.stringify(canned.json ?? {});
  res.writeHead(canned.status ?? 200, { 'content-type': 'application/json' });
  res.end(body);
}
