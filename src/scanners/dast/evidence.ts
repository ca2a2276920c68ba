import type { HttpEvidence } from '../../core/finding.js';
import { redactValue } from '../../core/redact.js';
import { redactCommand } from '../container/hardening/secret-values.js';
import type { Exchange } from './types.js';

/** Headers whose values are credentials whatever they hold. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
]);
const BODY_EXCERPT = 1_024;

/** Any text a finding shows (a message, an excerpt, a URL): secrets the engine knows, and credential assignments, masked. */
export function redact(text: string): string {
  return redactCommand(text);
}

/** `sid=abc123…; HttpOnly` keeps the cookie name and attributes, not the value. */
function redactHeader(name: string, value: string): string {
  if (!CREDENTIAL_HEADERS.has(name)) return redact(value);
  if (name === 'cookie' || name === 'set-cookie')
    return value.replace(
      /(^|;\s*)([^=;\s]+)=([^;]*)/g,
      (m, sep: string, k: string, v: string, offset: number) =>
        name === 'set-cookie' && offset > 0 ? m : `${sep}${k}=${v ? redactValue(v) : ''}`,
    );
  const space = value.indexOf(' ');
  return space > 0 ? `${value.slice(0, space)} ${redactValue(value.slice(space + 1))}` : redactValue(value);
}

function headerMap(headers: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    out[k] = (Array.isArray(v) ? v : [v]).map((x) => redactHeader(k, x)).join(', ');
  return out;
}

/** The body around the evidence (or its start), cut to a kilobyte, redacted. */
function excerpt(body: string, around?: string): string {
  const at = around ? body.indexOf(around) : -1;
  const start = at > 200 ? at - 200 : 0;
  const cut = body.slice(start, start + BODY_EXCERPT);
  return redact(`${start > 0 ? '…' : ''}${cut}${start + BODY_EXCERPT < body.length ? '…' : ''}`);
}

/** The exchange as a finding carries it (SARIF webRequest/webResponse): excerpts, credentials masked. */
export function httpEvidence(ex: Exchange, around?: string): HttpEvidence {
  const url = new URL(ex.request.url);
  const isText = !/[\x00-\x08\x0e-\x1f]/.test(ex.response.body.subarray(0, 512).toString('latin1'));
  return {
    request: {
      method: ex.request.method,
      target: redact(url.toString()),
      headers: headerMap(ex.request.headers),
      ...(ex.request.body ? { body: excerpt(ex.request.body) } : {}),
    },
    response: {
      statusCode: ex.response.status,
      headers: headerMap(ex.response.headers),
      ...(isText && ex.response.body.length > 0
        ? { body: excerpt(ex.response.body.toString('utf8'), around) }
        : {}),
    },
  };
}
