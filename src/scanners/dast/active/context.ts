import { type HttpClient, isFailure, type OutgoingRequest } from '../http/client.js';
import type { ActiveContext, Exchange, InsertionPoint } from '../types.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/** More points than this in one request are a generated form or an API dump, not input worth testing one by one. */
const MAX_POINTS = 25;

/**
 * Names that carry a token the server checks or a button label: replacing them tests the
 * anti-CSRF check or nothing at all, and breaks the request for every other point.
 */
const SKIPPED =
  /csrf|xsrf|authenticity_?token|requestverificationtoken|^__viewstate|^__eventvalidation|^_?token$|^nonce$|^(?:submit|commit)$|^btn|^button|submit$/i;

/**
 * The active phase's way to send: every variation goes through the scan's client (rate, time
 * and size limits) and the scope, and a failed request is `undefined`, never an exception, so a
 * check stops on a dead point without special cases.
 */
export function activeContext(
  point: InsertionPoint,
  baseline: Exchange,
  client: Pick<HttpClient, 'send'>,
  scopeAllows: (url: string) => boolean,
  origin: string,
): ActiveContext {
  const send: ActiveContext['send'] = async (request) => {
    if (!scopeAllows(request.url)) return undefined;
    try {
      const r = await client.send(request, 'active');
      return isFailure(r) ? undefined : r;
    } catch {
      return undefined;
    }
  };
  return {
    origin,
    baseline,
    inject: async (value) => {
      const request = injectedRequest(point, value);
      return request ? send(request) : undefined;
    },
    send,
  };
}

/** The request of `point` with its value replaced by `value`; undefined when the point cannot be rebuilt. */
export function injectedRequest(point: InsertionPoint, value: string): OutgoingRequest | undefined {
  let url: URL;
  try {
    url = new URL(point.url);
  } catch {
    return undefined;
  }
  url.hash = '';
  const keepBody = () =>
    point.body === undefined
      ? {}
      : { body: point.body, headers: { 'content-type': guessBodyType(point.body) } };
  switch (point.location) {
    case 'query':
      url.search = replaceParam(url.search.slice(1), point.name, value);
      return { method: point.method, url: url.toString(), ...keepBody() };
    case 'form':
      return {
        method: point.method,
        url: url.toString(),
        headers: { 'content-type': FORM },
        body: replaceParam(point.body ?? '', point.name, value),
      };
    case 'json': {
      const body = replaceJson(point.body ?? '', point.name, value);
      return body === undefined
        ? undefined
        : { method: point.method, url: url.toString(), headers: { 'content-type': JSON_TYPE }, body };
    }
    case 'path': {
      const path = replaceSegment(url.pathname, point.name, value);
      if (path === undefined) return undefined;
      // Built as text: assigning `pathname` would re-normalise an injected `..` segment away.
      return { method: point.method, url: `${url.origin}${path}${url.search}`, ...keepBody() };
    }
  }
}

/**
 * Strict percent-encoding: `+` must not reach a form decoder as a space, and `'()*!` are encoded
 * too so every payload character arrives exactly as written.
 */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Replaces the first `name` pair of an urlencoded string and leaves every other pair byte for
 * byte as sent, so the request differs from the original in the tested value only.
 */
export function replaceParam(encoded: string, name: string, value: string): string {
  const pairs = encoded === '' ? [] : encoded.split('&');
  let found = false;
  const out = pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    if (found || decodeName(key) !== name) return pair;
    found = true;
    return `${key}=${encodeValue(value)}`;
  });
  if (!found) out.push(`${encodeValue(name)}=${encodeValue(value)}`);
  return out.join('&');
}

function replaceJson(body: string, name: string, value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return JSON.stringify({ ...(parsed as Record<string, unknown>), [name]: value });
}

/** Segment `index` counts from the first segment after the leading slash: `/a/b` has 0 = `a`, 1 = `b`. */
function replaceSegment(pathname: string, index: string, value: string): string | undefined {
  const i = Number(index);
  const segments = pathname.split('/').slice(1);
  if (!Number.isInteger(i) || i < 0 || i >= segments.length) return undefined;
  segments[i] = encodeValue(value);
  return `/${segments.join('/')}`;
}

function guessBodyType(body: string): string {
  return /^\s*[[{]/.test(body) ? JSON_TYPE : FORM;
}

/**
 * The points of a request the crawler made: its query parameters, the fields of an urlencoded
 * body and the top-level string or number properties of a JSON body. Path segments are not
 * derived: a crawler cannot tell `/items/42` from `/shop/mugs`, and attacking every folder name
 * multiplies requests for little.
 */
export function insertionPoints(ex: Exchange): InsertionPoint[] {
  const { method, url, body, headers } = ex.request;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const points: InsertionPoint[] = [];
  const seen = new Set<string>();
  const add = (location: InsertionPoint['location'], name: string, value: string) => {
    const key = `${location}:${name}`;
    if (seen.has(key) || SKIPPED.test(name) || points.length >= MAX_POINTS) return;
    seen.add(key);
    points.push({ method, url, location, name, value, ...(body !== undefined ? { body } : {}) });
  };
  for (const [name, value] of parsed.searchParams) add('query', name, value);
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (body !== undefined && type === FORM) {
    for (const [name, value] of new URLSearchParams(body)) add('form', name, value);
  }
  if (body !== undefined && (type === JSON_TYPE || type.endsWith('+json'))) {
    for (const [name, value] of jsonFields(body)) add('json', name, value);
  }
  return points;
}

function jsonFields(body: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  return Object.entries(parsed as Record<string, unknown>).flatMap(([k, v]): [string, string][] =>
    typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [],
  );
}
