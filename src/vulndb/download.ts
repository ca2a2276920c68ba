import { open } from 'node:fs/promises';
import { formatBytes } from '../core/size.js';

export interface DownloadLimits {
  /** The whole transfer. */
  timeoutMs: number;
  /** No bytes for this long means the server has stalled. */
  idleTimeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = {
  timeoutMs: 15 * 60_000,
  idleTimeoutMs: 60_000,
  maxBytes: 2 * 1024 ** 3,
};

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    reason: string,
    readonly status?: number,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'DownloadError';
  }
}

/**
 * Streams `url` into the file `dest`, bounded in time (overall and between bytes) and size,
 * so a slow, endless or oversized response fails cleanly instead of hanging or filling disk.
 */
export async function downloadToFile(url: string, dest: string, limits: DownloadLimits): Promise<number> {
  const ctrl = new AbortController();
  const fail = (reason: string) => ctrl.abort(new DownloadError(url, reason));
  const overall = setTimeout(() => fail(`timed out after ${limits.timeoutMs / 1000} s`), limits.timeoutMs);
  let idle = setTimeout(() => fail(`no data for ${limits.idleTimeoutMs / 1000} s`), limits.idleTimeoutMs);
  const file = await open(dest, 'w');
  try {
    const res = await fetch(url, { signal: ctrl.signal, redirect: 'follow' });
    if (!res.ok || !res.body)
      throw new DownloadError(url, `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (declared > limits.maxBytes) throw tooLarge(url, limits.maxBytes);
    let bytes = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      clearTimeout(idle);
      idle = setTimeout(() => fail(`no data for ${limits.idleTimeoutMs / 1000} s`), limits.idleTimeoutMs);
      bytes += chunk.length;
      if (bytes > limits.maxBytes) throw tooLarge(url, limits.maxBytes);
      await file.write(chunk);
    }
    return bytes;
  } catch (e) {
    ctrl.abort();
    throw explain(url, e, ctrl.signal);
  } finally {
    clearTimeout(overall);
    clearTimeout(idle);
    await file.close();
  }
}

function tooLarge(url: string, max: number): DownloadError {
  return new DownloadError(url, `larger than the ${formatBytes(max)} limit`);
}

/** fetch reports timeouts and refused connections as bare AbortErrors and TypeErrors. */
function explain(url: string, e: unknown, signal: AbortSignal): DownloadError {
  if (e instanceof DownloadError) return e;
  if (signal.reason instanceof DownloadError) return signal.reason;
  const cause = (e as { cause?: { message?: string; code?: string } }).cause;
  return new DownloadError(url, cause?.code ?? cause?.message ?? (e as Error).message);
}
