import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { stripCredentials } from '../core/git-info.js';
import { toolVersion } from '../core/version.js';
import type { PipelineContext } from './ci-env.js';

/** How the CLI talks to a Gatehouse server; the defaults suit CI, tests shorten them. */
export interface ServerOptions {
  token: string;
  /** Per attempt, answer included. */
  timeoutMs?: number;
  attempts?: number;
  /** Wait before the second attempt; doubled for each one after. */
  backoffMs?: number;
}

export interface UploadOptions extends ServerOptions {
  url: string;
  project: string;
  context: PipelineContext;
  /** False for diff scans (`--changed-since`): the server must not close what they did not see. */
  complete: boolean;
}

const UploadedScan = z.object({
  id: z.number(),
  project: z.string(),
  url: z.string(),
  duplicate: z.boolean().default(false),
  findings: z.number(),
  new: z.number(),
  reopened: z.number().default(0),
  fixed: z.number(),
});
export type UploadedScan = z.infer<typeof UploadedScan>;

const DEFAULTS = { timeoutMs: 60_000, attempts: 3, backoffMs: 1_000 };
/** A server asking us to wait longer than this is not going to be ready within a CI job's step. */
const MAX_RETRY_AFTER_MS = 30_000;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Sends a report (a Gatehouse JSON report, or an SBOM with its `contentType`) to
 * `POST /api/v1/scans`, gzip-compressed. Retrying is safe: the server recognises the same bytes
 * (by digest) and answers with the scan it already has.
 */
export async function uploadReport(
  report: string,
  opts: UploadOptions,
  contentType = 'application/json',
): Promise<UploadedScan> {
  const c = opts.context;
  const url = apiUrl(opts.url, 'scans', {
    project: opts.project,
    branch: c.branch,
    commit: c.commit,
    repository: c.repository,
    pipeline: c.pipelineId,
    stage: c.stage,
    complete: String(opts.complete),
  });
  const body = await promisify(gzip)(Buffer.from(report, 'utf8'));
  const headers = { 'content-type': contentType, 'content-encoding': 'gzip' };
  const answer = await callServer('upload', { method: 'POST', url, body, headers }, opts);
  const scan = z.object({ scan: UploadedScan }).safeParse(answer);
  if (!scan.success)
    throw new UserError(
      `upload: ${shown(url)} answered without a scan`,
      'is this the base URL of a Gatehouse server?',
    );
  return scan.data.scan;
}

/** `--upload`/`--server` values: an http(s) base URL, checked before any work is done. */
export function parseServerUrl(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(
      `${flag}: '${raw}' is not a URL`,
      'give the server base URL, e.g. https://gatehouse.example.com',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError(`${flag}: only http and https URLs are supported`);
  if (url.username || url.password)
    throw new UserError(
      `${flag}: the URL holds credentials`,
      'put the token in GATEHOUSE_TOKEN, never in the URL (CI logs show URLs)',
    );
  return url;
}

/** `${base}/api/v1/${path}?query`, keeping any path prefix of the base (a server behind a proxy). */
export function apiUrl(base: string, path: string, query: Record<string, string | undefined>): URL {
  const url = parseServerUrl(base, 'server URL');
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v1/${path}`;
  url.search = '';
  url.hash = '';
  for (const [k, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(k, value);
  return url;
}

/** GATEHOUSE_TOKEN, checked without ever showing it. */
export function tokenFromEnv(env: NodeJS.ProcessEnv, needed: string): string {
  const token = env.GATEHOUSE_TOKEN?.trim();
  if (!token)
    throw new UserError(
      `${needed} needs a token in GATEHOUSE_TOKEN`,
      'create one with `gatehouse admin token create --role ci --project NAME` and store it as a CI secret',
    );
  // An invalid header value would make fetch fail with an error that may quote it.
  if (!/^[\x21-\x7e]+$/.test(token))
    throw new UserError('GATEHOUSE_TOKEN holds characters no token has (spaces, newlines, non-ASCII)');
  return token;
}

interface Call {
  method: 'GET' | 'POST';
  url: URL;
  body?: Buffer;
  headers?: Record<string, string>;
}

/**
 * One request to the server with retries on what a restart or a load balancer causes
 * (connection errors, timeouts, 429/502/503/504); its JSON answer, or a UserError that says
 * what went wrong and never holds the token.
 */
export async function callServer(action: string, call: Call, opts: ServerOptions): Promise<unknown> {
  const { timeoutMs, attempts, backoffMs } = { ...DEFAULTS, ...definedOnly(opts) };
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(call, opts.token, timeoutMs);
    const last = attempt >= attempts;
    if (outcome.kind === 'answer' && !RETRY_STATUSES.has(outcome.res.status))
      return readAnswer(action, call.url, outcome.res, opts.token);
    if (last) {
      if (outcome.kind === 'answer') return readAnswer(action, call.url, outcome.res, opts.token);
      throw new UserError(
        redact(`${action}: ${failure(outcome, call.url, timeoutMs)} (${attempts} tries)`, opts.token),
        'check the URL, and that the server is up and reachable from this runner',
      );
    }
    if (outcome.kind === 'answer') await outcome.res.body?.cancel();
    await sleep(waitBefore(attempt, backoffMs, outcome));
  }
}

type Outcome = { kind: 'answer'; res: Response } | { kind: 'timeout' } | { kind: 'network'; reason: string };

async function attemptOnce(call: Call, token: string, timeoutMs: number): Promise<Outcome> {
  try {
    const res = await fetch(call.url, {
      method: call.method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        'user-agent': `gatehouse/${toolVersion()}`,
        ...call.headers,
      },
      ...(call.body ? { body: call.body } : {}),
      // A redirect would drop the body (or, cross-origin, the token): say where to point instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { kind: 'answer', res };
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') return { kind: 'timeout' };
    return { kind: 'network', reason: networkReason(e) };
  }
}

function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (e as Error).message ?? String(e);
}

function failure(outcome: Exclude<Outcome, { kind: 'answer' }>, url: URL, timeoutMs: number): string {
  return outcome.kind === 'timeout'
    ? `no answer from ${url.origin} within ${timeoutMs / 1000} s`
    : `cannot reach ${url.origin}: ${outcome.reason}`;
}

function waitBefore(attempt: number, backoffMs: number, outcome: Outcome): number {
  const backoff = backoffMs * 2 ** (attempt - 1);
  if (outcome.kind !== 'answer') return backoff;
  const after = Number(outcome.res.headers.get('retry-after'));
  return Number.isFinite(after) && after > 0 ? Math.min(after * 1000, MAX_RETRY_AFTER_MS) : backoff;
}

async function readAnswer(action: string, url: URL, res: Response, token: string): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (res.status >= 200 && res.status < 300) {
    try {
      return JSON.parse(text);
    } catch {
      throw new UserError(
        `${action}: ${shown(url)} answered ${res.status} without JSON`,
        'is this the base URL of a Gatehouse server?',
      );
    }
  }
  throw httpError(action, url, res, text, token);
}

function httpError(action: string, url: URL, res: Response, text: string, token: string): UserError {
  if (res.status >= 300 && res.status < 400) {
    const location = res.headers.get('location');
    const to = location ? stripCredentials(new URL(location, url).href) : 'elsewhere';
    return new UserError(
      redact(`${action}: ${shown(url)} redirects (${res.status}) to ${to}`, token),
      'give the server URL it redirects to (https:// rather than http://?)',
    );
  }
  const { code, message } = serverError(text);
  const what = `${res.status}${code ? ` ${code}` : ''}`;
  const said = message ? `: ${message}` : '';
  return new UserError(
    redact(`${action} refused by ${url.origin} (${what})${said}`, token),
    hint(res.status),
  );
}

function hint(status: number): string | undefined {
  if (status === 401)
    return 'GATEHOUSE_TOKEN is missing, mistyped, expired or revoked; create one with `gatehouse admin token create`';
  if (status === 403)
    return "the token's role or projects do not allow this; ask for a token scoped to this project";
  if (status === 404) return 'is this the base URL of a Gatehouse server (without /api/v1)?';
  if (status === 413)
    return 'the report is larger than the server accepts; raise its body limit or scan less at once';
  return undefined;
}

/** The contract's `{"error":{"code","message"}}`, or the start of whatever a proxy sent instead. */
function serverError(text: string): { code?: string; message?: string } {
  try {
    const err = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (err && typeof err.message === 'string')
      return {
        code: typeof err.code === 'string' ? printable(err.code) : undefined,
        message: printable(err.message),
      };
  } catch {
    // not JSON: fall through
  }
  const start = printable(text.replace(/<[^>]*>/g, ' ')).slice(0, 200);
  return start ? { message: start } : {};
}

/** Server text goes to a terminal: no control sequences, one line. */
export function printable(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function redact(message: string, token: string): string {
  return token ? message.split(token).join('[token]') : message;
}

function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
