import type { Exchange, PassiveContext } from '../../types.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export function isSuccess(ex: Exchange): boolean {
  return ex.response.status >= 200 && ex.response.status < 300;
}

/**
 * A page a browser renders: 2xx HTML with a body. Document-level headers (CSP, framing,
 * referrer, permissions) are judged on these only, so redirects, empty answers and API
 * responses do not raise them.
 */
export function isHtmlDocument(ex: Exchange, ctx: PassiveContext): boolean {
  return isSuccess(ex) && ex.response.body.length > 0 && HTML_TYPES.has(ctx.contentType);
}

/**
 * Active-phase requests carry the scanner's payloads, and their answers may echo them (an
 * injected Set-Cookie, a planted address): configuration rules do not judge them.
 */
export function isActive(ex: Exchange): boolean {
  return ex.kind === 'active';
}

export function isHttps(url: string): boolean {
  return url.slice(0, 6).toLowerCase() === 'https:';
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Loopback hosts browsers treat as potentially trustworthy even over http. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]' ||
    host === '::1'
  );
}
