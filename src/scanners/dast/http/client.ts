import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Exchange, ExchangeKind, ReceivedResponse, SentRequest } from '../types.js';
import { RateLimiter } from './rate-limiter.js';

export interface ClientOptions {
  /** Requests started per second. */
  rate: number;
  concurrency: number;
  /** For the response to start, and for any silence after. */
  timeoutMs: number;
  /** Bodies are cut here, after decoding: enough for any page worth reading. */
  maxBodyBytes: number;
  /** Sent with every request: `--auth-header`, `--cookie`. */
  headers: Record<string, string>;
  /** The time budget: once aborted, no request starts and those in flight end. */
  signal?: AbortSignal;
}

export interface OutgoingRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A request that got no usable response: the reason is a diagnostic, not a crash. */
export interface Failure {
  request: SentRequest;
  error: string;
}

const RETRYABLE = /connection was reset|socket hang up|ECONNRESET|EPIPE/;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

export const USER_AGENT = 'Gatehouse-DAST (+https://github.com/gatehouse)';

/**
 * The one way the scanner talks HTTP: rate-limited, time-limited, size-limited, no redirects
 * followed (the crawler judges each Location against the scope first), bodies decoded with the
 * same size cap so a gzip bomb costs at most `maxBodyBytes`.
 */
export class HttpClient {
  readonly stats = { sent: 0, failed: 0, bytes: 0, backoffs: 0 };
  private readonly limiter: RateLimiter;
  private readonly agents: { http: HttpAgent; https: HttpsAgent };

  constructor(private readonly options: ClientOptions) {
    this.limiter = new RateLimiter(options.rate, options.concurrency);
    const agentOptions = { keepAlive: true, maxSockets: options.concurrency };
    this.agents = { http: new HttpAgent(agentOptions), https: new HttpsAgent(agentOptions) };
  }

  async send(out: OutgoingRequest, kind: ExchangeKind): Promise<Exchange | Failure> {
    const request: SentRequest = {
      method: out.method,
      url: out.url,
      headers: lowerKeys({
        'user-agent': USER_AGENT,
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        ...this.options.headers,
        ...out.headers,
      }),
      ...(out.body !== undefined ? { body: out.body } : {}),
    };
    if (this.options.signal?.aborted) return { request, error: 'the time budget is spent' };
    const first = await this.attempt(request, kind);
    if (!isFailure(first)) {
      const pause = overloadPause(first.response);
      if (pause === undefined) return first;
      // 429 or 503 with Retry-After: the scan slows down for good, waits, and asks once more.
      this.limiter.backOff(pause);
      this.stats.backoffs++;
      return this.attempt(request, kind);
    }
    // A dropped keep-alive connection or a reset is often the network, not the application: a
    // GET is asked once more. Timeouts are not retried: a slow page stays slow.
    if (!RETRYABLE.test(first.error) || !IDEMPOTENT.has(request.method)) return first;
    return this.attempt(request, kind);
  }

  /** Requests per second after any back-off the server asked for. */
  get rate(): number {
    return this.limiter.currentRate;
  }

  private attempt(request: SentRequest, kind: ExchangeKind): Promise<Exchange | Failure> {
    return this.limiter.run(async () => {
      if (this.options.signal?.aborted) return { request, error: 'the time budget is spent' };
      this.stats.sent++;
      try {
        const response = await this.exchange(request);
        this.stats.bytes += response.body.length;
        return { kind, request, response };
      } catch (e) {
        this.stats.failed++;
        return { request, error: (e as Error).message };
      }
    }, this.options.signal);
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private exchange(req: SentRequest): Promise<ReceivedResponse> {
    const url = new URL(req.url);
    const started = Date.now();
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const headers = body ? { ...req.headers, 'content-length': String(body.length) } : req.headers;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(`no answer within ${this.options.timeoutMs / 1000} s`),
        this.options.timeoutMs,
      );
      const onAbort = () => fail('the time budget is spent');
      this.options.signal?.addEventListener('abort', onAbort, { once: true });
      let settled = false;
      const done = () => {
        settled = true;
        clearTimeout(timer);
        this.options.signal?.removeEventListener('abort', onAbort);
      };
      const fail = (why: string) => {
        if (settled) return;
        done();
        r.destroy();
        reject(new Error(why));
      };
      const r = send(url, {
        method: req.method,
        headers,
        agent: url.protocol === 'https:' ? this.agents.https : this.agents.http,
      });
      r.setTimeout(this.options.timeoutMs, () => fail(`silent for ${this.options.timeoutMs / 1000} s`));
      r.on('error', (e: NodeJS.ErrnoException) => fail(describe(e)));
      r.on('response', (res) => {
        readBody(res, this.options.maxBodyBytes, () => clearTimeout(timer)).then(
          ({ body: data, truncated }) => {
            if (settled) return;
            done();
            resolve({
              status: res.statusCode ?? 0,
              headers: headerLists(res),
              body: data,
              truncated,
              elapsedMs: Date.now() - started,
            });
          },
          (e: Error) => fail(e.message),
        );
      });
      r.end(body);
    });
  }
}

/** Reads at most `max` decoded bytes; past that the response is cut and the socket dropped. */
function readBody(
  res: IncomingMessage,
  max: number,
  onFirstByte: () => void,
): Promise<{ body: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const decoder = decoderFor(res.headers['content-encoding']);
    const stream = decoder ? res.pipe(decoder) : res;
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (truncated: boolean) => {
      if (finished) return;
      finished = true;
      resolve({ body: Buffer.concat(chunks), truncated });
    };
    stream.on('data', (chunk: Buffer) => {
      onFirstByte();
      const room = max - size;
      if (chunk.length >= room) {
        chunks.push(chunk.subarray(0, room));
        size = max;
        finish(true);
        res.destroy();
        decoder?.destroy();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('end', () => finish(false));
    stream.on('error', (e: Error) => {
      if (finished) return;
      finished = true;
      reject(
        new Error(
          decoder
            ? `the ${res.headers['content-encoding']} body is corrupt (${e.message})`
            : `the body broke off (${e.message})`,
        ),
      );
    });
    res.on('aborted', () => {
      if (!finished) {
        finished = true;
        reject(new Error('the body broke off before its end'));
      }
    });
  });
}

/** How long an overloaded server asks us to wait (Retry-After seconds or date, capped at 30 s); undefined when it is not overloaded. */
export function overloadPause(res: ReceivedResponse): number | undefined {
  if (res.status !== 429 && res.status !== 503) return undefined;
  const after = res.headers['retry-after']?.[0]?.trim();
  if (res.status === 503 && !after) return undefined;
  const seconds =
    after === undefined ? 1 : /^\d+$/.test(after) ? Number(after) : (Date.parse(after) - Date.now()) / 1000;
  return Math.min(30_000, Math.max(0, Number.isFinite(seconds) ? seconds * 1000 : 1000));
}

function decoderFor(encoding: string | undefined): Transform | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function headerLists(res: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    out[name] = [...(out[name] ?? []), raw[i + 1]!];
  }
  return out;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** Node's parser errors name the HTTP rule broken; say it in words. */
function describe(e: NodeJS.ErrnoException): string {
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ECONNRESET') return 'the connection was reset';
  if (e.code === 'ENOTFOUND') return 'the host name does not resolve';
  if (e.code?.startsWith('HPE_')) return `malformed HTTP response (${e.code}: ${e.message})`;
  return e.message;
}

export function isFailure(r: Exchange | Failure): r is Failure {
  return 'error' in r;
}
