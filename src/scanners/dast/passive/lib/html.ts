import { decodeEntities } from './text.js';

export interface TagVisitor {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
}

const NAME = /[a-zA-Z][a-zA-Z0-9-]{0,60}/y;
const ATTR_NAME = /[^\s"'<>/=]{1,200}/y;
const UNQUOTED = /[^\s>]{0,10000}/y;
const SPACE = /[\s/]*/y;
/** Elements whose content is text, not markup: a `<form>` inside a script string is not a form. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

function at(re: RegExp, text: string, index: number): string | undefined {
  re.lastIndex = index;
  return re.exec(text)?.[0];
}

/**
 * A linear scan for the few tags and attributes the page model does not keep (`<form
 * autocomplete>`, `<link rel=canonical>`). Not htmlparser2's Parser: it keeps its stack of open
 * elements with Array.unshift, so 200,000 nested unclosed tags take minutes. Comments and raw
 * text elements are skipped; attribute names are lower-cased, the first of a repeated one wins.
 */
export function visitTags(html: string, names: ReadonlySet<string>, visitor: TagVisitor): void {
  let lower: string | undefined;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end < 0) return;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    const rawName = at(NAME, html, j);
    if (!rawName) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = rawName.toLowerCase();
    j += rawName.length;
    const attrs: Record<string, string> = Object.create(null);
    for (;;) {
      j += at(SPACE, html, j)?.length ?? 0;
      if (j >= html.length || html[j] === '>' || html[j] === '<') break;
      const attr = at(ATTR_NAME, html, j);
      if (!attr) {
        j++;
        continue;
      }
      j += attr.length;
      let value = '';
      const afterName = j + (at(SPACE, html, j)?.length ?? 0);
      if (html[afterName] === '=') {
        j = afterName + 1;
        j += at(/\s*/y, html, j)?.length ?? 0;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          value = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          value = at(UNQUOTED, html, j) ?? '';
          j += value.length;
        }
      }
      const key = attr.toLowerCase();
      if (!(key in attrs)) attrs[key] = decodeEntities(value);
    }
    if (names.has(name)) {
      if (closing) visitor.close?.(name);
      else visitor.open(name, attrs);
    }
    if (!closing && RAW_TEXT.has(name)) {
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, j);
      if (end < 0) return;
      j = end;
    }
    i = html.indexOf('<', Math.max(j, i + 1));
  }
}
