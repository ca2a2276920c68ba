import { UserError } from '../../../core/errors.js';

/** What the registry's JSON error body says (`{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`). */
export function registryErrorText(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown; message?: unknown }[] };
    const said = (parsed.errors ?? [])
      .map((e) => [e.code, e.message].filter((x) => typeof x === 'string' && x).join(': '))
      .filter(Boolean);
    return said.length > 0 ? said.join('; ').slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

/** A failed request as a user reads it: what was asked, the status, the registry's own words. */
export function httpError(what: string, status: number, body: string, hint?: string): UserError {
  const said = registryErrorText(body);
  const reason =
    status === 404
      ? 'not found'
      : status === 401
        ? 'authentication failed'
        : status === 403
          ? 'access denied'
          : `HTTP ${status}`;
  return new UserError(`${what}: ${reason}${said ? ` (${said})` : ''}`, hint);
}

/** fetch's "fetch failed" hides the reason in `cause`; the reason is what helps. */
export function networkError(host: string, err: unknown): UserError {
  if (err instanceof UserError) return err;
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'AbortError' || e.name === 'TimeoutError')
    return new UserError(`${host} did not answer in time`);
  const reason = e.cause?.code ?? e.cause?.message ?? e.message;
  return new UserError(`cannot reach registry ${host}: ${reason}`);
}
