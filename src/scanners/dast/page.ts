import { Parser } from 'htmlparser2';

/** What the crawler and the passive rules read from an HTML page. */
export interface FormInput {
  name: string;
  type: string;
  value: string;
  autocomplete?: string;
}

export interface Form {
  /** Resolved against the page's URL (and its `<base href>`). */
  action: string;
  method: 'GET' | 'POST';
  enctype: string;
  inputs: FormInput[];
}

export interface Page {
  url: string;
  title: string;
  /** Every `href`/`src` of a, area, link, iframe, frame, img, script, source, form action: resolved, deduplicated. */
  links: string[];
  forms: Form[];
  /** `<script src>`, resolved. */
  scripts: string[];
  /** Inline script bodies. */
  inlineScripts: string[];
  /** Sub-resources the page loads (script, iframe, img, link rel=stylesheet, audio/video/source, object). */
  resources: { tag: string; url: string }[];
  /** `<meta http-equiv>` and `<meta name>` contents, lower-case keys. */
  meta: Record<string, string>;
  /** HTML comments. */
  comments: string[];
}

const LINK_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  iframe: ['src'],
  frame: ['src'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src'],
  embed: ['src'],
  object: ['data'],
};
const RESOURCE_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'img',
  'audio',
  'video',
  'source',
  'embed',
  'object',
]);
const MAX_FORMS = 200;
const MAX_LINKS = 5_000;
const MAX_TAGS = 20_000;
const SLICE = 16 * 1024;

/**
 * Reads an HTML page with a forgiving streaming parser (htmlparser2): broken markup, unclosed
 * tags and garbage bytes give a partial page, never an exception.
 */
export function parsePage(html: string, pageUrl: string): Page {
  let base = pageUrl;
  const page: Page = {
    url: pageUrl,
    title: '',
    links: [],
    forms: [],
    scripts: [],
    inlineScripts: [],
    resources: [],
    meta: {},
    comments: [],
  };
  const links = new Set<string>();
  let form: Form | undefined;
  let tags = 0;
  let inTitle = false;
  let script: string | undefined;
  const resolve = (raw: string | undefined) => resolveUrl(raw, base);
  const addLink = (url: string | undefined) => {
    if (url && links.size < MAX_LINKS) links.add(url);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        tags++;
        if (name === 'base' && attrs.href) base = resolveUrl(attrs.href, pageUrl) ?? base;
        for (const a of LINK_ATTRS[name] ?? []) addLink(resolve(attrs[a]));
        if (RESOURCE_TAGS.has(name) || (name === 'link' && /stylesheet/i.test(attrs.rel ?? ''))) {
          const url = resolve(attrs.src ?? attrs.href ?? attrs.data);
          if (url) page.resources.push({ tag: name, url });
        }
        if (name === 'script') {
          const src = resolve(attrs.src);
          if (src) page.scripts.push(src);
          else script = '';
        }
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs['http-equiv'] ?? attrs.name ?? '').toLowerCase();
          if (key) page.meta[key] = attrs.content ?? '';
        }
        if (name === 'form' && page.forms.length < MAX_FORMS) {
          const action = resolve(attrs.action ?? '') ?? pageUrl;
          form = {
            action,
            method: (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
            enctype: (attrs.enctype ?? 'application/x-www-form-urlencoded').toLowerCase(),
            inputs: [],
          };
          page.forms.push(form);
          addLink(action);
        }
        if (
          form &&
          (name === 'input' || name === 'textarea' || name === 'select' || name === 'button') &&
          attrs.name
        ) {
          form.inputs.push({
            name: attrs.name,
            type: (attrs.type ?? (name === 'input' ? 'text' : name)).toLowerCase(),
            value: attrs.value ?? '',
            ...(attrs.autocomplete !== undefined ? { autocomplete: attrs.autocomplete.toLowerCase() } : {}),
          });
        }
      },
      ontext(text) {
        if (inTitle) page.title += text;
        if (script !== undefined) script += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'form') form = undefined;
        if (name === 'script' && script !== undefined) {
          if (script.trim()) page.inlineScripts.push(script);
          script = undefined;
        }
      },
      oncomment(text) {
        if (page.comments.length < 500) page.comments.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  // htmlparser2 keeps open elements in an array it unshifts: thousands of unclosed nested tags cost
  // quadratic time. The page is fed in slices and given up past MAX_TAGS: links beyond are not worth it.
  for (let at = 0; at < html.length && tags <= MAX_TAGS; at += SLICE)
    parser.write(html.slice(at, at + SLICE));
  parser.end();
  page.title = page.title.trim().replace(/\s+/g, ' ');
  page.links = [...links];
  return page;
}

/** An absolute http(s) URL without its fragment, or undefined for javascript:, mailto:, data:… */
export function resolveUrl(raw: string | undefined, base: string): string | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.toString();
  } catch {
    return undefined;
  }
}
