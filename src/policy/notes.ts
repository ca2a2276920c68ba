import type { FindingDecision } from '../core/decision.js';
import type { Finding } from '../core/finding.js';
import { isExpired, type PolicyException } from './exceptions.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Warn this long before an exception that still covers findings runs out, so the gate does not break by surprise. */
export const EXPIRY_WARNING_DAYS = 14;

/**
 * One note per exception that needs a person: expired, expiring soon, or matching nothing
 * (the problem was fixed or the entry is wrong, and either way it should go).
 */
export function exceptionNotes(
  exceptions: readonly PolicyException[],
  matched: ReadonlyMap<PolicyException, number>,
  now: Date,
): string[] {
  const notes: string[] = [];
  for (const e of exceptions) {
    const n = matched.get(e) ?? 0;
    const label = `Exception ${e.id} (${e.source})`;
    if (isExpired(e, now)) {
      notes.push(
        n > 0
          ? `${label} expired on ${e.spec.expires} (approved by ${e.spec.approver}); ${findings(n)} it covered gate again: renew it with a later expires date, or fix them.`
          : `${label} expired on ${e.spec.expires} and matches no finding: remove it.`,
      );
    } else if (n === 0) {
      notes.push(`${label} matches no finding (stale): if the problem was fixed, remove it.`);
    } else if (e.endsAt && e.endsAt.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
      const left = Math.floor((e.endsAt.getTime() - now.getTime()) / DAY_MS);
      const when = left === 0 ? 'today is its last day' : `${left} day(s) left`;
      notes.push(
        `${label} expires on ${e.spec.expires} (${when}): renew it or fix the ${findings(n)} it covers.`,
      );
    }
  }
  return notes;
}

export interface BaselineUse {
  baseline?: ReadonlySet<string>;
  baselineFile?: string;
  newOnly: boolean;
}

/** Says which baseline was used and how much of it is still there, so a stale baseline shows. */
export function baselineNotes(
  scanned: readonly Finding[],
  decisions: readonly FindingDecision[],
  use: BaselineUse,
): string[] {
  if (!use.baseline) {
    return use.newOnly
      ? [
          'gate.new_only is true but no baseline was given, so every finding counts as new: set gate.baseline, or make one with gatehouse scan --format json --output baseline.json.',
        ]
      : [];
  }
  const seen = new Set(scanned.map((f) => f.fingerprint).filter((fp) => use.baseline?.has(fp))).size;
  const fresh = decisions.filter((d) => d.status === 'new').length;
  const name = use.baselineFile ?? 'the given baseline';
  return [
    `Baseline ${name}: ${seen} of its ${use.baseline.size} fingerprint(s) are in this scan (${use.baseline.size - seen} gone); ${findings(fresh)} ${fresh === 1 ? 'is' : 'are'} new.`,
  ];
}

function findings(n: number): string {
  return n === 1 ? '1 finding' : `${n} findings`;
}
