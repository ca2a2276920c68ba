import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AdmissionDecider } from './decide.js';
import { parseReview, ReviewError, reviewResponse } from './review.js';

/** The API server never sends more than this in one AdmissionReview (etcd's object limit is 1.5 MiB). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

export interface WebhookOptions {
  cert: Buffer;
  key: Buffer;
  decider: AdmissionDecider;
  /** One line per decision (JSON); messages are already redacted by the rules. */
  log?: (line: string) => void;
}

/** HTTPS only: the API server refuses plain-HTTP webhooks. */
export function createWebhookServer(opts: WebhookOptions): Server {
  const server = createServer({ cert: opts.cert, key: opts.key }, (req, res) => {
    handle(req, res, opts).catch((e) => send(res, 500, { error: String(e) }));
  });
  // A slow or stuck client must not hold a connection the API server needs.
  server.headersTimeout = 5000;
  server.requestTimeout = 10_000;
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, opts: WebhookOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://localhost');
  if (req.method === 'GET' && (url.pathname === '/healthz' || url.pathname === '/readyz'))
    return send(res, 200, { status: 'ok' });
  if (url.pathname !== '/validate') return send(res, 404, { error: 'not found: POST /validate' });
  if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
  const body = await readBody(req);
  if (body === undefined) return send(res, 413, { error: `body larger than ${MAX_BODY_BYTES} bytes` });
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return send(res, 400, { error: 'body is not JSON' });
  }
  try {
    const request = parseReview(json);
    const response = opts.decider.decide(request);
    opts.log?.(
      JSON.stringify({
        uid: request.uid,
        kind: request.kind.kind,
        namespace: request.namespace,
        name: request.name,
        operation: request.operation,
        allowed: response.allowed,
        warnings: response.warnings?.length ?? 0,
      }),
    );
    return send(res, 200, reviewResponse(response));
  } catch (e) {
    if (e instanceof ReviewError) return send(res, 400, { error: `not an AdmissionReview: ${e.message}` });
    throw e;
  }
}

/** The body, or undefined when it is over the limit (the rest is drained, not buffered). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
