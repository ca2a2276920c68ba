import { dastRule } from '../rule.js';
import type { ActiveCheck, ConfirmedHit, Exchange, InsertionPoint } from '../types.js';
import { elementInjected, type JsState, scriptStates } from './html-context.js';
import { bodyText, describePoint, excerptAround, hit, isHtml, marker } from './lib.js';

const rule = dastRule({
  id: 'dast/reflected-xss',
  title: 'Reflected cross-site scripting',
  description:
    'A value from the request is written back into an HTML page without encoding, so a crafted link runs ' +
    "the attacker's script in the victim's session. Confirmed only when a random element name sent in the " +
    'value is parsed as a real element of a `text/html` answer (in body text, or after breaking out of a ' +
    'quoted attribute, a `<textarea>`, `<title>`, `<script>`, `<style>` or comment), or when a random ' +
    'identifier breaks out of a string into the code of an inline script. Not reported: reflections that ' +
    'come back HTML-encoded, in JSON or `text/plain` answers, or only as text inside `<textarea>`, ' +
    '`<title>`, comments, `<template>` or `<noscript>`, where a browser does not run them. Reflections into ' +
    'event-handler attributes and `javascript:` URLs are not tested. A Content-Security-Policy may block ' +
    'exploitation in some browsers; the encoding flaw is reported regardless.',
  severity: 'high',
  cwe: ['CWE-79'],
  owasp: ['A03:2021'],
  nist: ['SI-10', 'SI-15'],
  mode: 'active',
  remediation:
    'Encode every value for the context it is written into: HTML-escape body text and quoted attribute values ' +
    '(`&`, `<`, `>`, `"`, `\'`), and use a templating engine that does so by default (React, Jinja2 with ' +
    'autoescape, Razor). For values inside scripts, serialise with a JSON encoder that escapes `<`, and never ' +
    'build script code by concatenation. Add a strict Content-Security-Policy as a second line of defence.',
  references: [
    'https://owasp.org/www-community/attacks/xss/',
    'https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html',
  ],
});

/** Closes every raw-text element and comment a reflection can land in, then opens ours. */
const RAW_TEXT_BREAKOUT = `'"--></textarea></title></style></script></noscript></xmp>`;

function htmlBody(ex: Exchange | undefined): string | undefined {
  return ex && isHtml(ex) ? bodyText(ex) : undefined;
}

/**
 * One plain marker first: a point that does not reflect it into HTML costs one request. Then
 * the markup breakout, the raw-text breakout only if markup came back unencoded but inert, and
 * the script-string breakout only for reflections inside an inline script.
 */
async function run(point: InsertionPoint, ctx: Parameters<ActiveCheck['run']>[1]): Promise<ConfirmedHit[]> {
  const probe = marker('ghx');
  const first = htmlBody(await ctx.inject(probe));
  if (first === undefined || !first.includes(probe)) return [];
  const where = describePoint(point);

  const tag = marker('ghx');
  const markup = await ctx.inject(`'"><${tag}>`);
  const markupBody = htmlBody(markup);
  if (markup && markupBody !== undefined) {
    if (elementInjected(markupBody, tag))
      return [
        hit(
          point,
          markup,
          `the ${where} is reflected without HTML encoding: the injected <${tag}> is parsed as an element`,
          excerptAround(markupBody, `<${tag}>`),
        ),
      ];
    if (markupBody.includes(`<${tag}>`)) {
      const tag2 = marker('ghx');
      const raw = await ctx.inject(`${RAW_TEXT_BREAKOUT}<${tag2}>`);
      const rawBody = htmlBody(raw);
      if (raw && rawBody !== undefined && elementInjected(rawBody, tag2))
        return [
          hit(
            point,
            raw,
            `the ${where} is reflected without encoding inside a raw-text element or comment, which the payload closes: <${tag2}> is parsed as an element`,
            excerptAround(rawBody, `<${tag2}>`),
          ),
        ];
    }
  }

  const states = new Set<JsState>(scriptStates(first, probe));
  for (const state of states) {
    if (state === 'comment' || state === 'regex') continue;
    const quote = state === 'code' ? '' : state;
    const id = marker('ghx');
    const ex = await ctx.inject(`${quote};${id};${quote}`);
    const body = htmlBody(ex);
    if (ex && body !== undefined && scriptStates(body, id).includes('code'))
      return [
        hit(
          point,
          ex,
          quote
            ? `the ${where} is reflected into a ${quote}-quoted string of an inline script without escaping: the payload closes the string and \`${id}\` runs as code`
            : `the ${where} is reflected into the code of an inline script: \`${id}\` runs as code`,
          excerptAround(body, id),
        ),
      ];
  }
  return [];
}

export const reflectedXss: ActiveCheck = { rule, run };
