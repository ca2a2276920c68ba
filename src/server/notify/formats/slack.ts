import { headline, type Notification } from '../events.js';
import { JSON_TYPE, link, type OutgoingRequest, type RenderInput } from './request.js';

/** Slack's three control characters in message text. */
const mrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A Slack incoming-webhook message: `text` (notifications, clients without blocks) and Block Kit
 * blocks — a header, the facts as fields, and a link back to the server.
 */
export function slackRequest(i: RenderInput): OutgoingRequest {
  const n = i.notification;
  const title = headline(n);
  const url = link(i);
  const linked = /^https?:\/\//.test(url);
  const fields = facts(n).map(([k, v]) => ({ type: 'mrkdwn', text: cut(`*${k}*\n${mrkdwn(v)}`, 2000) }));
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, 150), emoji: false } },
    ...(fields.length ? [{ type: 'section', fields }] : []),
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: linked ? `<${url}|Open in Gatehouse>` : `Gatehouse: ${mrkdwn(url)}` },
      ],
    },
  ];
  const body = JSON.stringify({ text: cut(mrkdwn(title), 3000), blocks });
  return { url: i.hook.url, headers: { ...JSON_TYPE }, body };
}

/** At most ten facts: Slack's limit of fields per section. */
export function facts(n: Notification): [string, string][] {
  const out: [string, string][] = [];
  if (n.project) out.push(['Project', n.project.name]);
  const f = n.finding;
  if (f) {
    out.push(
      ['Severity', f.severity],
      ['Rule', f.ruleId],
      ['Location', `${f.path}${f.line ? `:${f.line}` : ''}`],
    );
    if (f.package) out.push(['Package', f.package]);
    if (f.advisoryId) out.push(['Advisory', f.advisoryId]);
    if (f.slaDueAt) out.push(['SLA due', f.slaDueAt.slice(0, 10)]);
  }
  const e = n.exception;
  if (e) out.push(['Covers', e.scope], ['Reason', e.reason], ['Expires', e.expiresAt ?? 'never']);
  const s = n.scan;
  if (s && !f) {
    out.push(['Branch', s.branch]);
    if (s.commit) out.push(['Commit', s.commit.slice(0, 12)]);
    if (s.stage) out.push(['Stage', s.stage]);
    out.push(['Findings', `${s.findings} (${s.new} new, ${s.fixed} fixed)`]);
  }
  if (n.more) out.push(['Not listed', `${n.more.count} more`]);
  return out.slice(0, 10);
}
