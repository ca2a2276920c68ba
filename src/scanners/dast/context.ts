import { type Page, parsePage } from './page.js';
import type { Exchange, PassiveContext } from './types.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The passive rules' view of one exchange; the text and the page are made once, on first use. */
export function passiveContext(exchange: Exchange, origin: string): PassiveContext {
  const { headers, body } = exchange.response;
  const contentType = (headers['content-type']?.[0] ?? '').split(';')[0]!.trim().toLowerCase();
  let text: string | undefined;
  let page: Page | undefined | null = null;
  const ctx: PassiveContext = {
    origin,
    contentType,
    header: (name) => headers[name.toLowerCase()]?.[0],
    headers: (name) => headers[name.toLowerCase()] ?? [],
    text: () => {
      text ??= body.toString('utf8');
      return text;
    },
    page: () => {
      if (page === null)
        page = HTML_TYPES.has(contentType) ? parsePage(ctx.text(), exchange.request.url) : undefined;
      return page;
    },
  };
  return ctx;
}
