import { dastRule } from '../rule.js';
import type { PassiveRule } from '../types.js';
import { isHtmlDocument } from './lib/response.js';
import { bodyText, clip } from './lib/text.js';

const rule = dastRule({
  id: 'dast/directory-listing',
  title: 'Directory listing enabled',
  description:
    'The server lists the files of a directory, which exposes backups, configuration and data files nobody ' +
    "linked to. Recognised by the listing pages' own structure: Apache and nginx autoindex (a title starting " +
    '"Index of /" plus a "Parent Directory" or `../` link or Apache\'s `?C=N;O=D` sort links), IIS ' +
    '("[To Parent Directory]" in a `<pre>`), Python http.server and Tomcat ("Directory listing for /…" title) ' +
    'and Node serve-index ("listing directory /…" with its file list). A page merely titled "Index of products" ' +
    'or mentioning a directory is not one. 2xx HTML pages only.',
  severity: 'medium',
  cwe: ['CWE-548'],
  owasp: ['A05:2021', 'A01:2021'],
  nist: ['CM-7', 'AC-3'],
  mode: 'passive',
  remediation:
    'Turn automatic indexes off: Apache `Options -Indexes`; nginx `autoindex off;`; IIS `<directoryBrowse ' +
    'enabled="false" />`; Express: do not mount `serve-index`; and keep files that should not be served out of ' +
    'the web root.',
  references: [
    'https://cwe.mitre.org/data/definitions/548.html',
    'https://httpd.apache.org/docs/2.4/mod/mod_autoindex.html',
    'https://nginx.org/en/docs/http/ngx_http_autoindex_module.html',
  ],
});

function server(title: string, raw: string, links: number): string | undefined {
  if (
    /^Index of \//.test(title) &&
    (/>\s*Parent Directory\s*</i.test(raw) || /href="\.\.\/?"/.test(raw) || /\?C=[NMSD];O=[AD]/.test(raw))
  )
    return 'Apache/nginx autoindex';
  if (/^directory listing for \[?\//i.test(title) && links > 0) return 'Python http.server/Tomcat';
  if (raw.includes('[To Parent Directory]') && /<pre>/i.test(raw)) return 'IIS';
  if (/^listing directory \//i.test(title) && raw.includes('id="files"')) return 'serve-index';
  return undefined;
}

export const directoryListing: PassiveRule = {
  rule,
  scope: 'page',
  check(ex, ctx) {
    const page = ctx.page();
    if (!page || !isHtmlDocument(ex, ctx)) return [];
    const kind = server(page.title, bodyText(ctx), page.links.length);
    if (!kind) return [];
    return [
      {
        message: `the response is a directory listing (${kind}) with ${page.links.length} link${page.links.length === 1 ? '' : 's'}`,
        evidence: clip(page.title || '[To Parent Directory]'),
      },
    ];
  },
};
