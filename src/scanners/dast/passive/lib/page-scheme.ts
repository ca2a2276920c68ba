import type { Exchange, PassiveContext } from '../../types.js';
import { visitTags } from './html.js';
import { isHttps } from './response.js';
import { bodyText } from './text.js';

const LINK = new Set(['link']);

/**
 * Whether the page is an HTTPS page: fetched over https, or fetched over http but declaring,
 * through `<link rel="canonical">`, that the same host and path is published over https (a scan
 * of the app behind its TLS proxy).
 */
export function isHttpsPage(ex: Exchange, ctx: PassiveContext): boolean {
  if (isHttps(ex.request.url)) return true;
  let here: URL;
  try {
    here = new URL(ex.request.url);
  } catch {
    return false;
  }
  let canonical = false;
  visitTags(bodyText(ctx), LINK, {
    open(_name, attrs) {
      if (canonical || !/(?:^|\s)canonical(?:\s|$)/i.test(attrs.rel ?? '') || !attrs.href) return;
      try {
        const target = new URL(attrs.href, here);
        canonical =
          target.protocol === 'https:' &&
          target.hostname === here.hostname &&
          target.pathname === here.pathname;
      } catch {
        // An unparsable href declares nothing.
      }
    },
  });
  return canonical;
}
