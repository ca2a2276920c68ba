import { UserError } from '../core/errors.js';

/** `5m`, `90s`, `1h`, `300` (seconds): the time budget. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m?.[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = m ? Number(m[1]) * unit : Number.NaN;
  if (!(ms >= 1000) || ms > 24 * 3_600_000)
    throw new UserError(`--max-duration ${text}: give a duration between 1s and 24h, like 90s, 5m or 1h`);
  return ms;
}

/** `20/s`, `600/m`, `20`: requests started per second. */
export function parseRate(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(?:\/\s*(s|m))?$/.exec(text.trim());
  const perSecond = m ? Number(m[1]) / (m[2] === 'm' ? 60 : 1) : Number.NaN;
  if (!(perSecond > 0) || perSecond > 1000)
    throw new UserError(
      `--rate ${text}: give requests per second or minute, like 20/s or 600/m (at most 1000/s)`,
    );
  return perSecond;
}

/** `Name: value` pairs from `--auth-header`, and `--cookie` as the Cookie header. */
export function extraHeaders(
  authHeaders: string[] | undefined,
  cookie: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of authHeaders ?? []) {
    const colon = h.indexOf(':');
    const name = colon > 0 ? h.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(h))
      throw new UserError(
        `--auth-header takes "Name: value" (for example 'Authorization: Bearer …'); got a value without a valid header name`,
      );
    out[name.toLowerCase()] = h.slice(colon + 1).trim();
  }
  if (cookie !== undefined) {
    if (/[\r\n]/.test(cookie)) throw new UserError('--cookie must be one line: name=value; other=value');
    out.cookie = cookie;
  }
  return out;
}

/** The target must be said in full: a scanner that guesses where to send requests may hit the wrong host. */
export function parseTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(
      `${text} is not a URL: give the full address of the application, like http://127.0.0.1:8080/`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UserError(`${text}: only http:// and https:// targets can be scanned`);
  if (url.username || url.password)
    throw new UserError(
      `${text}: put credentials in --auth-header or --cookie, not in the URL (they would end up in the report)`,
    );
  url.hash = '';
  return url;
}
