import type { Page } from './page.js';
import { resolveUrl } from './page.js';

/** A request the crawler may make: what a link, a form, a sitemap or a script points at. */
export interface Lead {
  method: 'GET' | 'POST';
  url: string;
  /** For POST forms: the urlencoded body. */
  body?: string;
  via: 'link' | 'form' | 'redirect' | 'robots' | 'sitemap' | 'script' | 'seed' | 'openapi';
}

const MAX_LEADS_PER_RESPONSE = 2_000;

/** Values a form gets: plausible enough for the server to answer with the page behind it. */
export function fillValue(type: string, value: string, name: string): string {
  if (value) return value;
  if (type === 'email' || /e-?mail/i.test(name)) return 'gatehouse@example.com';
  if (type === 'number' || type === 'range') return '1';
  if (type === 'password') return 'Gatehouse-Test-1';
  if (type === 'checkbox' || type === 'radio') return 'on';
  if (type === 'date') return '2026-01-01';
  if (type === 'tel') return '5550100';
  return 'gatehouse';
}

export function pageLeads(page: Page, submitPostForms: boolean): Lead[] {
  const leads: Lead[] = page.links.map((url) => ({ method: 'GET', url, via: 'link' }));
  for (const form of page.forms) {
    const fields = new URLSearchParams();
    for (const i of form.inputs)
      if (i.type !== 'submit' && i.type !== 'button' && i.type !== 'file')
        fields.append(i.name, fillValue(i.type, i.value, i.name));
    if (form.method === 'GET') {
      const url = new URL(form.action);
      for (const [k, v] of fields) url.searchParams.set(k, v);
      leads.push({ method: 'GET', url: url.toString(), via: 'form' });
    } else if (submitPostForms && form.enctype !== 'multipart/form-data') {
      leads.push({ method: 'POST', url: form.action, body: fields.toString(), via: 'form' });
    }
  }
  return leads.slice(0, MAX_LEADS_PER_RESPONSE);
}

/**
 * Paths a script names in string literals: `fetch('/api/items')`, `axios.get("/v1/users")`,
 * route tables. Only absolute paths; anything with spaces, templates or protocol-relative `//`
 * is left out, as are files that are clearly not endpoints (images, fonts).
 */
const LITERAL = /(["'`])(\/(?!\/)[\w\-./~%]{1,200}(?:\?[\w\-.=&%]{0,200})?)\1/g;
const NOT_ENDPOINT = /\.(?:png|jpe?g|gif|svg|ico|webp|woff2?|ttf|eot|mp4|mp3)$/i;

export function scriptLeads(code: string, base: string): Lead[] {
  const out: Lead[] = [];
  const text = code.length > 2_000_000 ? code.slice(0, 2_000_000) : code;
  // The map a script names is fetched like a page: the source-map rule judges what comes back.
  const map = /\/\/[#@] ?sourceMappingURL=([^\s'"]{1,2000})\s*$/m.exec(text.slice(-4096))?.[1];
  const mapUrl = map && !map.startsWith('data:') ? resolveUrl(map, base) : undefined;
  if (mapUrl) out.push({ method: 'GET', url: mapUrl, via: 'script' });
  for (const m of text.matchAll(LITERAL)) {
    const path = m[2]!;
    if (NOT_ENDPOINT.test(path.split('?')[0]!) || path.includes('/*')) continue;
    const url = resolveUrl(path, base);
    if (url) out.push({ method: 'GET', url, via: 'script' });
    if (out.length >= MAX_LEADS_PER_RESPONSE) break;
  }
  return out;
}

/** `Allow`/`Disallow` paths (wildcards dropped) and `Sitemap` addresses of a robots.txt. */
export function robotsLeads(text: string, base: string): Lead[] {
  const out: Lead[] = [];
  for (const line of text.split(/\r?\n/).slice(0, 5_000)) {
    const m = /^\s*(allow|disallow|sitemap)\s*:\s*(\S+)/i.exec(line);
    if (!m) continue;
    const kind = m[1]!.toLowerCase();
    const value = kind === 'sitemap' ? m[2]! : m[2]!.replace(/[*$].*$/, '');
    const url = value && value !== '/' ? resolveUrl(value, base) : undefined;
    if (url) out.push({ method: 'GET', url, via: kind === 'sitemap' ? 'sitemap' : 'robots' });
  }
  return out;
}

/** `<loc>` entries of a sitemap or sitemap index. */
export function sitemapLeads(xml: string, base: string): Lead[] {
  const out: Lead[] = [];
  for (const m of xml.slice(0, 5_000_000).matchAll(/<loc>\s*([^<\s]{1,2000})\s*<\/loc>/gi)) {
    const url = resolveUrl(m[1]!.replace(/&amp;/g, '&'), base);
    if (url) out.push({ method: 'GET', url, via: 'sitemap' });
    if (out.length >= 50_000) break;
  }
  return out;
}
