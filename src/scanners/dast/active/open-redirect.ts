import { Parser } from 'htmlparser2';
import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, Exchange, InsertionPoint } from '../types.js';
import { executableScripts } from './html-context.js';
import { bodyText, describePoint, header, hit, isHtml } from './lib.js';

const rule = dastRule({
  id: 'dast/open-redirect',
  title: 'Open redirect',
  description:
    'A value from the request decides where the browser is sent next, with any host allowed: a link on the ' +
    'trusted site then lands its victims on a phishing page, or leaks OAuth codes and tokens to another host. ' +
    'Tested only on parameters that hold a URL or a path, or are named like one (`next`, `url`, `redirect`, ' +
    '`return`…). Confirmed when an absolute URL, a scheme-relative `//host` or a `/\\host` to an unrelated ' +
    'test host comes back as the target of a 3xx `Location`, a `Refresh` header, a `<meta http-equiv=refresh>` ' +
    'or a `location =` assignment in an inline script. The test host is never contacted. Not reported: a page ' +
    'that only shows the URL as a link for the user to click ("you are leaving this site").',
  severity: 'medium',
  cwe: ['CWE-601'],
  owasp: ['A01:2021'],
  nist: ['SI-10'],
  mode: 'active',
  remediation:
    'Redirect only to paths on your own site: accept a path that starts with a single `/` (not `//` or `/\\`) ' +
    'and resolves to your origin, or map short names to an allow-list of destinations. Send anything else to a ' +
    'default page.',
  references: [
    'https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html',
    'https://cwe.mitre.org/data/definitions/601.html',
  ],
});

/** Reserved for documentation (RFC 6761 `.example`): resolves nowhere, owned by no one. */
export const REDIRECT_HOST = 'gatehouse-redirect.example';

const PAYLOADS = [`https://${REDIRECT_HOST}/`, `//${REDIRECT_HOST}/`, `/\\${REDIRECT_HOST}/`];

const REDIRECT_NAME =
  /^(?:url|uri|next|redirect|redir|return|returnto|return_?url|return_?to|continue|dest|destination|goto|go|target|forward|to|out|link|location|callback|r|u|rurl|back|backurl|success_?url)$|redirect|return_?(?:url|to)|_url$|url_|next_/i;

function applies(point: InsertionPoint): boolean {
  return (
    /^(?:https?:)?\/\//i.test(point.value) || point.value.startsWith('/') || REDIRECT_NAME.test(point.name)
  );
}

function hostOf(target: string, base: string): string | undefined {
  try {
    return new URL(target.trim(), base).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** `0; url='…'`, as both the Refresh header and the meta element write it. */
function refreshTarget(content: string): string | undefined {
  const m = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.*)$/is.exec(content);
  if (!m) return undefined;
  const target = m[1] ? m[2]!.split(m[1])[0]! : m[2]!;
  return target.trim() || undefined;
}

function metaRefreshTargets(html: string): string[] {
  const out: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name !== 'meta' || (attrs['http-equiv'] ?? '').toLowerCase() !== 'refresh') return;
        const target = refreshTarget(attrs.content ?? '');
        if (target) out.push(target);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return out;
}

const JS_NAVIGATION =
  /\blocation(?:\.href)?\s*=\s*(['"`])([^'"`\n]{1,500})\1|\blocation\.(?:replace|assign)\(\s*(['"`])([^'"`\n]{1,500})\3/g;

function scriptTargets(html: string): string[] {
  return executableScripts(html).flatMap((src) =>
    [...src.matchAll(JS_NAVIGATION)].map((m) => (m[2] ?? m[4] ?? '').replace(/\\\//g, '/')),
  );
}

/** Where the answer sends the browser by itself, and how. */
function redirects(ex: Exchange): { how: string; target: string }[] {
  const out: { how: string; target: string }[] = [];
  const { status } = ex.response;
  const location = header(ex, 'location');
  if (status >= 300 && status < 400 && location)
    out.push({ how: `a ${status} Location header`, target: location });
  const refresh = header(ex, 'refresh');
  const refreshUrl = refresh ? refreshTarget(refresh) : undefined;
  if (refreshUrl) out.push({ how: 'a Refresh header', target: refreshUrl });
  if (isHtml(ex)) {
    const html = bodyText(ex);
    for (const target of metaRefreshTargets(html)) out.push({ how: 'a meta refresh', target });
    for (const target of scriptTargets(html)) out.push({ how: 'a script assigning location', target });
  }
  return out;
}

/** Three requests at most, stopping at the first redirect off-site. */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  for (const payload of PAYLOADS) {
    const ex = await ctx.inject(payload);
    if (!ex) continue;
    const found = redirects(ex).find((r) => hostOf(r.target, ex.request.url) === REDIRECT_HOST);
    if (found)
      return [
        hit(
          point,
          ex,
          `the ${describePoint(point)} redirects to any host: \`${payload}\` came back as the target of ${found.how}`,
          `${found.how}: ${found.target.slice(0, 200)}`,
        ),
      ];
  }
  return [];
}

export const openRedirect: ActiveCheck = { rule, applies, run };
