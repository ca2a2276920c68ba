/** A registry look-up that could not be answered: the package was not checked, which is not "not found". */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

export interface HttpLimits {
  timeoutMs: number;
  /** Larger answers are refused: a package document is megabytes at most, a hostile one could be endless. */
  maxBytes: number;
  signal?: AbortSignal;
}

export interface JsonAnswer {
  /** 200 with a body, or 404/410 (the registry says the name does not exist) without one. */
  status: number;
  body?: unknown;
}

/**
 * GETs a JSON document within the time and size limits. Only a 404 or 410 counts as an
 * answer about the package; every other failure (network, timeout, 5xx, garbage) throws.
 */
export async function getJson(
  url: string,
  headers: Record<string, string>,
  limits: HttpLimits,
): Promise<JsonAnswer> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, timeout]) : timeout;
  try {
    const res = await fetch(url, { headers, signal, redirect: 'follow' });
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel();
      return { status: res.status };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RegistryError(`${url} answered HTTP ${res.status}`);
    }
    return { status: res.status, body: parse(url, await readLimited(url, res, limits.maxBytes)) };
  } catch (e) {
    if (e instanceof RegistryError) throw e;
    if (timeout.aborted) throw new RegistryError(`${url} did not answer within ${limits.timeoutMs} ms`);
    if (limits.signal?.aborted) throw new RegistryError(`look-up of ${url} was cancelled`);
    throw new RegistryError(`${url} could not be reached: ${(e as Error).message}`);
  }
}

async function readLimited(url: string, res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new RegistryError(`${url} answered ${declared} bytes, more than the ${maxBytes} allowed`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new RegistryError(`${url} answered more than the ${maxBytes} bytes allowed`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parse(url: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RegistryError(`${url} answered something that is not JSON`);
  }
}
