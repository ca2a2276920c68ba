import type { Finding } from '../../core/finding.js';
import { FINGERPRINT_KEY, fingerprint } from '../../core/fingerprint.js';
import { bag, type Json } from './shape.js';

const OURS = /^[0-9a-f]{16,64}$/;

export interface FingerprintInput {
  tool: string;
  ruleId: string;
  path: string;
  result: Json;
  /** The matched region's own snippet. */
  matched: string | undefined;
  message: string;
}

/**
 * The server's dedup key for a SARIF result. Gatehouse's own key when the result carries it.
 * Otherwise a hash of the tool, the rule, the path and the most specific content the result
 * has, in this order: the tool's stable `fingerprints`; CodeQL's `primaryLocationLineHash`
 * (a hash of the line's text, not its number); the matched snippet; the message.
 *
 * Never the line number: a line number changes whenever code above the finding moves, and
 * every such edit would then close the finding and open a "new" one, losing its triage, its
 * exception and its SLA clock. Other partialFingerprints are left out on purpose: tools put
 * volatile facts there (Gitleaks: commit, author, date).
 */
export function sarifFingerprint(input: FingerprintInput): string {
  const partial = bag(input.result.partialFingerprints);
  const own = partial?.[FINGERPRINT_KEY];
  if (typeof own === 'string' && OURS.test(own)) return own;
  return fingerprint(`sarif:${input.tool}/${input.ruleId}`, input.path, content(input, partial));
}

function content(input: FingerprintInput, partial: Json | undefined): string {
  const stable = bag(input.result.fingerprints);
  const ids = stable
    ? Object.entries(stable)
        .filter(([, v]) => typeof v === 'string' && v !== '')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    : [];
  if (ids.length > 0) return `fingerprints:${JSON.stringify(ids)}`;
  const lineHash = partial?.primaryLocationLineHash;
  if (typeof lineHash === 'string' && lineHash !== '') return `line-hash:${lineHash}`;
  const snippet = input.matched === undefined ? '' : collapse(input.matched);
  if (snippet !== '') return `snippet:${snippet}`;
  return `message:${collapse(input.message)}`;
}

/** Indentation and line-ending changes do not make a new finding. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Two results can have the same key: the same rule on two identical lines of a file, or a
 * tool with no snippet reporting one message twice (Checkov, one check on two resources). The
 * store keeps one finding per key, so the later ones get the key plus their rank in the file,
 * counted in line order: stable while the occurrences keep their order.
 */
export function separateDuplicates(findings: Finding[]): void {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.fingerprint);
    if (group) group.push(f);
    else groups.set(f.fingerprint, [f]);
  }
  for (const [fp, group] of groups) {
    if (group.length < 2) continue;
    const ordered = group
      .map((f, i) => ({ f, i }))
      .sort((a, b) => position(a.f) - position(b.f) || a.i - b.i);
    ordered.forEach(({ f }, rank) => {
      if (rank > 0) f.fingerprint = fingerprint(fp, '', `occurrence:${rank + 1}`);
    });
  }
}

function position(f: Finding): number {
  return (f.location.startLine ?? 0) * 1_000_000 + (f.location.startColumn ?? 0);
}
