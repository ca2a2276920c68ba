import { toolVersion } from '../../core/version.js';
import type { OutgoingRequest } from './formats/index.js';

export interface SendResult {
  status: number;
  /** The start of the answer (for the issue key, and for error messages). */
  body: string;
  /** From a Retry-After header in seconds, when the receiver asked to wait. */
  retryAfterMs?: number;
}

const MAX_ANSWER = 64 * 1024;

/**
 * One POST, whole exchange bounded by `timeoutMs`. Redirects are not followed: a webhook answers
 * where it was configured, and a redirect must not carry signed payloads or credentials elsewhere.
 */
export async function post(req: OutgoingRequest, timeoutMs: number): Promise<SendResult> {
  const res = await fetch(req.url, {
    method: 'POST',
    headers: { 'user-agent': `Gatehouse/${toolVersion()}`, ...req.headers },
    body: req.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await readLimited(res);
  const retryAfter = Number(res.headers.get('retry-after'));
  return {
    status: res.status,
    body,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}

async function readLimited(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_ANSWER) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => {});
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER);
}

/** A network error in words, without the URL (it may hold a credential). */
export function describeError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'timed out';
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}
