import type { Rule } from '../../core/rule.js';
import type { Confidence, Severity } from '../../core/severity.js';
import type { Page } from './page.js';

export const SCANNER = 'dast';

/** A request as sent; header names are lower-case. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A response as received, its body decoded (gzip, deflate, br) and cut at the size limit. */
export interface ReceivedResponse {
  status: number;
  /** Lower-case names; repeated headers (set-cookie) keep every value. */
  headers: Record<string, string[]>;
  body: Buffer;
  /** The body was longer than the limit and was cut there. */
  truncated: boolean;
  elapsedMs: number;
}

/** Why a request was sent: what the passive rules may assume about it. */
export type ExchangeKind = 'crawl' | 'openapi' | 'probe' | 'active';

export interface Exchange {
  kind: ExchangeKind;
  request: SentRequest;
  response: ReceivedResponse;
}

/** What every passive rule is given with an exchange. */
export interface PassiveContext {
  /** The origin the scan was started on (`http://127.0.0.1:8080`). */
  origin: string;
  /** The response's first value of a header, lower-case name; undefined when absent. */
  header(name: string): string | undefined;
  /** Every value of a header (set-cookie). */
  headers(name: string): string[];
  /** The media type without parameters, lower-case (`text/html`), '' when absent. */
  contentType: string;
  /** The body as text (UTF-8, replacement characters for bad bytes). */
  text(): string;
  /** The HTML page model, parsed once on first use; undefined when the response is not HTML. */
  page(): Page | undefined;
}

/** One problem a passive rule sees in one response. */
export interface PassiveHit {
  /** What is wrong, for this response: "the Set-Cookie for `sid` has no HttpOnly attribute". */
  message: string;
  /** The short excerpt that shows it (a header line, a line of HTML); secrets are redacted later. */
  evidence?: string;
  /** The parameter, cookie or header name concerned, when there is one. */
  param?: string;
  confidence?: Confidence;
  severity?: Severity;
}

/**
 * A passive rule reads responses and never sends anything. `site` rules describe the server's
 * configuration (security headers, version banners): one finding per origin, however many pages
 * show it, so a missing header does not flood the report. `page` rules describe one response.
 */
export interface PassiveRule {
  rule: Rule;
  scope: 'site' | 'page';
  check(exchange: Exchange, ctx: PassiveContext): PassiveHit[];
}

/** Where a value the application reads can be replaced: a query or form parameter, a JSON field, a path segment. */
export interface InsertionPoint {
  method: string;
  /** The request URL as first seen, other parameters included. */
  url: string;
  location: 'query' | 'form' | 'json' | 'path';
  /** The parameter name; for a JSON body the top-level key; for a path, the segment's index as text. */
  name: string;
  /** The value first sent. */
  value: string;
  /** The body first sent (form or JSON), which the injection edits. */
  body?: string;
}

/** A finding an active check or a probe confirmed, with the exchange that shows it. */
export interface ConfirmedHit extends PassiveHit {
  exchange: Exchange;
}

/** What an active check is given: the point, the response to its first value, and a way to send variations. */
export interface ActiveContext {
  origin: string;
  /** The response to the request as first sent. */
  baseline: Exchange;
  /** Sends the request with this point's value replaced by `value` (encoded as the location needs). */
  inject(value: string, options?: { followRedirects?: false }): Promise<Exchange | undefined>;
  /** Any other request to the target (within scope). */
  send(request: {
    method: string;
    url: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<Exchange | undefined>;
}

/**
 * An active check sends payloads into one insertion point and reports only what it confirmed:
 * a marker that comes back in an executable context, a timing that repeats, a file signature.
 */
export interface ActiveCheck {
  rule: Rule;
  /** Points the check can say something about (a redirect check wants URL-like values). */
  applies?(point: InsertionPoint): boolean;
  run(point: InsertionPoint, ctx: ActiveContext): Promise<ConfirmedHit[]>;
}

/** What a probe for exposed files is given: a way to send, and what this server answers for a path that does not exist. */
export interface ProbeContext {
  origin: string;
  send(request: {
    method: string;
    url: string;
    headers?: Record<string, string>;
  }): Promise<Exchange | undefined>;
  /** True when the response looks like the server's answer for a missing path (status and body shape), soft 404s included. */
  looksNotFound(exchange: Exchange): boolean;
}

/** A probe requests well-known paths and reports one only when the content proves what it is. */
export interface FileProbe {
  rule: Rule;
  run(ctx: ProbeContext): Promise<ConfirmedHit[]>;
}
