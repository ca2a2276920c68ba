import { type Json, key, type Shape, strings, text } from './shape.js';

/**
 * A SARIF message as plain text: its `text`, else its `markdown`, else the message string its
 * `id` names in the rule or the tool; `{0}` placeholders filled from `arguments`; CodeQL's
 * links to related locations (`[user input](1)`) reduced to their text.
 */
export function messageText(
  shape: Shape,
  message: unknown,
  where: string,
  rule: Json | undefined,
  globalStrings: Json | undefined,
): string {
  const m = shape.optObject(message, where);
  if (!m) return '';
  const id = shape.optString(m.id, key(where, 'id'));
  const raw =
    shape.optString(m.text, key(where, 'text')) ??
    shape.optString(m.markdown, key(where, 'markdown')) ??
    (id === undefined ? undefined : (lookup(rule?.messageStrings, id) ?? lookup(globalStrings, id)));
  if (raw === undefined) return '';
  const args = strings(m.arguments);
  const filled =
    args.length > 0 ? raw.replace(/\{(\d+)\}/g, (all, n: string) => args[Number(n)] ?? all) : raw;
  return filled.replace(/\[([^\]]*)\]\(\d+\)/g, '$1');
}

function lookup(strings: unknown, id: string): string | undefined {
  if (typeof strings !== 'object' || strings === null || !Object.hasOwn(strings, id)) return undefined;
  const entry = (strings as Json)[id];
  return typeof entry === 'object' && entry !== null ? text((entry as Json).text) : undefined;
}

/** A multiformatMessageString's text (`shortDescription`, `help`…), read loosely: it is only metadata. */
export function descriptionText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const t = text((value as Json).text) ?? text((value as Json).markdown);
  return t === undefined || t.trim() === '' ? undefined : t;
}

/**
 * The rule's title. `name` when it reads as prose (Gitleaks, Checkov, ZAP: their
 * `shortDescription` can be a regex); otherwise the short description, unless it only repeats
 * the rule id (Semgrep: `Semgrep Finding: <id>`), the full description, the name, the rule id.
 */
export function ruleTitle(rule: Json | undefined, ruleId: string): string {
  const name = text(rule?.name);
  if (name && /\s/.test(name.trim())) return headline(name);
  const short = descriptionText(rule?.shortDescription);
  const informative =
    short && !(short.includes(ruleId) && short.length <= ruleId.length + 24) ? short : undefined;
  return headline(informative ?? descriptionText(rule?.fullDescription) ?? name ?? ruleId);
}

/** The first line; when that is a paragraph, its first sentence. */
function headline(s: string): string {
  const line = s.trim().split('\n')[0]!.trim();
  if (line.length <= 160) return line;
  const sentence = /^(.{20,160}?[.!?])\s/.exec(line)?.[1];
  return sentence ?? line;
}
