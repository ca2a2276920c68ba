import { bodyText, isHtml } from '../active/lib.js';
import { type Page, parsePage } from '../page.js';
import { clip, htmlToText } from '../passive/lib/text.js';
import { dastRule } from '../rule.js';
import type { Exchange, FileProbe } from '../types.js';
import { probeAll } from './lib.js';

const rule = dastRule({
  id: 'dast/admin-console-exposed',
  title: 'Administration console reachable without credentials',
  description:
    'An administration console answers without asking who is there: anyone who finds the URL can manage ' +
    'users, data or the server itself. Known consoles are confirmed by their own page content (phpMyAdmin, ' +
    "Adminer, Tomcat Web Application Manager, Jenkins script console); an application's own `/admin/` is " +
    'confirmed when its title or heading names administration, it offers management actions (delete, ' +
    'disable, roles, flush…) through a POST form, and it has no password field. Not reported: a 401/403, a ' +
    'login form, a "not found" page, or a console\'s login page (a reachable login page is not by itself a ' +
    'missing authentication).',
  severity: 'high',
  cwe: ['CWE-306', 'CWE-284'],
  owasp: ['A01:2021', 'A07:2021'],
  nist: ['AC-3', 'IA-2'],
  mode: 'probe',
  remediation:
    'Require authentication for every administration page (and for the actions they post to), restrict ' +
    'consoles to an internal network or VPN, and remove tools such as phpMyAdmin or Adminer from production ' +
    'servers. "Internal network only" is not authentication: put the console behind the identity provider.',
  references: [
    'https://cwe.mitre.org/data/definitions/306.html',
    'https://owasp.org/Top10/A01_2021-Broken_Access_Control/',
  ],
});

interface Seen {
  html: string;
  text: string;
  page: Page;
}

interface Console {
  name: string;
  /** Strong evidence from the product's own markup; the generic one is a heuristic. */
  confidence: 'high' | 'medium';
  paths: readonly string[];
  evidence(seen: Seen): string | undefined;
}

const ADMIN_TITLE =
  /\b(?:admin|administration|administrator|control panel|dashboard|back ?office|management console)\b/i;
const ACTIONS =
  /\b(?:delete|remove|disable|suspend|ban|impersonate|change role|reset password|flush|purge|add user|create user)\b/gi;

function heading(html: string): string {
  return clip(htmlToText(/<h1\b[^>]{0,200}>([\s\S]{0,300}?)<\/h1>/i.exec(html)?.[1] ?? ''), 80);
}

const CONSOLES: readonly Console[] = [
  {
    name: 'phpMyAdmin',
    confidence: 'high',
    paths: ['phpmyadmin/'],
    evidence: ({ page, html }) =>
      /phpMyAdmin/.test(page.title) && /\bpma_|phpmyadmin\.css|PMA_commonParams/i.test(html)
        ? page.title
        : undefined,
  },
  {
    name: 'Adminer',
    confidence: 'high',
    paths: ['adminer.php'],
    evidence: ({ page, html }) =>
      /\bAdminer\b/.test(page.title) && /adminer\.org|id=['"]?menu/i.test(html) ? page.title : undefined,
  },
  {
    name: 'Tomcat Web Application Manager',
    confidence: 'high',
    paths: ['manager/html'],
    evidence: ({ text }) =>
      /Tomcat Web Application Manager/.test(text) ? 'Tomcat Web Application Manager' : undefined,
  },
  {
    name: 'Jenkins script console',
    confidence: 'high',
    paths: ['script'],
    evidence: ({ page, html }) =>
      /Jenkins/.test(page.title) &&
      /Script Console/i.test(html) &&
      /<textarea\b[^>]{0,200}name=["']?script/i.test(html)
        ? page.title
        : undefined,
  },
  {
    name: 'administration page',
    confidence: 'medium',
    paths: ['admin/'],
    evidence: ({ page, html, text }) => {
      const title = ADMIN_TITLE.test(page.title)
        ? page.title
        : ADMIN_TITLE.test(heading(html))
          ? heading(html)
          : '';
      if (!title || !page.forms.some((f) => f.method === 'POST')) return undefined;
      const actions = [...new Set([...text.matchAll(ACTIONS)].map((m) => m[0].toLowerCase()))];
      return actions.length > 0
        ? `"${clip(title, 80)}" with actions: ${actions.slice(0, 5).join(', ')}`
        : undefined;
    },
  },
];

/** A login form is the console asking for credentials: the opposite of the finding. */
function asksForPassword(html: string, page: Page): boolean {
  return (
    page.forms.some((f) => f.inputs.some((i) => i.type === 'password')) ||
    /<input\b[^>]{0,300}type\s*=\s*["']?password/i.test(html)
  );
}

function inspect(ex: Exchange): Seen | undefined {
  if (!isHtml(ex)) return undefined;
  const html = bodyText(ex);
  const page = parsePage(html, ex.request.url);
  return asksForPassword(html, page) ? undefined : { html, text: htmlToText(html), page };
}

/** Five requests, one per console. */
export const adminConsoleExposed: FileProbe = {
  rule,
  run: (ctx) =>
    probeAll(
      ctx,
      CONSOLES.flatMap((c) => c.paths),
      (ex, path) => {
        const seen = inspect(ex);
        if (!seen) return undefined;
        for (const c of CONSOLES.filter((x) => x.paths.includes(path))) {
          const evidence = c.evidence(seen);
          if (evidence)
            return {
              message: `\`${path}\` serves ${c.name === 'administration page' ? 'an administration page' : c.name} without asking for credentials`,
              evidence,
              confidence: c.confidence,
            };
        }
        return undefined;
      },
    ),
};
